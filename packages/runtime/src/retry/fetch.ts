/**
 * The retry loop: the SDK core hands it the call's Request (request.ts) and a way to build
 * it again; the first attempt sends that Request, every later one a fresh one (fetch
 * consumes a request's body). `createRetryingFetch` wraps the same loop as a fetch, for
 * use under openapi-fetch or any client that takes one: there every later attempt is a
 * copy of the first Request, made before it is sent.
 */
import type { RequestTarget, SDKBaseError } from "../errors.js";
import { isSensitiveName, redactUrl, urlWithoutQuery } from "../redact.js";
import { readableCopy } from "../response.js";
import { AttemptAbort } from "./abort.js";
import { BUDGET_EMPTY, budgetExhausted, type RetryBudget } from "./budget.js";
import { abortedError, describe, sendAttempt, type SentAttempt } from "./attempt.js";
import { MAX_TIMER_MS, type RetryPolicy } from "./config.js";
import { decideRetry, type RetryDecision } from "./decision.js";
import type { AttemptLog } from "./log.js";
import type { StreamLease } from "../streams/index.js";
import { lazy } from "../lazy.js";

/** A response retried past is kept (to be the answer if the budget runs out) up to this size. */
const MAX_RETRIED_BODY_BYTES = 1 << 20;

export interface RetryInfo {
  /** Attempts made so far: 1 before the first retry. */
  attempt: number;
  /** How long the loop sleeps before the next attempt, in ms. */
  delayMs: number;
  /** The response retried past: a copy, whose body can be read. */
  response?: Response;
  /** The ConnectionError or RequestTimeoutError retried past. */
  error?: SDKBaseError;
}

export interface RetryingFetchOptions {
  /** Sends one attempt; given `init` (the attempt's signal) only with `signalInInit`. */
  fetch: (request: Request, init?: { signal: AbortSignal }) => Promise<Response>;
  /**
   * `fetch` takes each attempt's signal in its `init`, so the Requests the loop builds
   * carry none (fetch then links a Request to the signal once, not twice).
   * @default false: each attempt's Request carries its signal
   */
  signalInInit?: boolean;
  policy: RetryPolicy;
  /** Limit of each attempt, response body included, in ms. */
  timeoutMs: number;
  /** The operation may be repeated whatever its method (the spec's `x-idempotent`). @default false */
  idempotent?: boolean;
  /**
   * Turns the call's request into one attempt's: credentials, hooks. It receives a
   * Request of that attempt alone, so it may change it freely or return another Request.
   */
  prepare?: (request: Request, attempt: number) => Request | Promise<Request>;
  /**
   * Called once per call, when an attempt is answered 401: returning true (new
   * credentials are on the way, e.g. an OAuth2 token was dropped) makes one more
   * attempt at once, outside the backoff policy.
   */
  reauthorize?: () => boolean | Promise<boolean>;
  /**
   * Called as each attempt is about to be sent, with its Request (whose headers it may still
   * set: `traceparent`) and what its URL may show (credential query parameters redacted, as in
   * log lines); the function it returns receives the attempt's outcome: the response, its body
   * unread, or the error that ended it. Tracing spans.
   */
  onAttempt?: (request: Request, attempt: number, redact: (url: string) => string) => ((outcome: Response | SDKBaseError) => void) | undefined;
  /** Awaited before each retry; an exception ends the call with it. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  /** Receives one line per attempt, outcome and retry decision; credentials are scrubbed. */
  log?: (line: string) => void;
  /**
   * @internal What the SDK core's loop logs to, instead of `log` (which createRetryingFetch
   * turns into one): the lines' code is a lazy chunk (log.ts), loaded for a debugLogger.
   */
  attemptLog?: AttemptLog;
  /** Names of query parameters and headers that carry credentials, scrubbed from log lines. */
  sensitiveNames?: readonly string[];
  /**
   * The client's retry budget: each retry draws from it (unless `policy.budget` is false), a
   * success refills it; with too few tokens left the call ends with its last outcome.
   */
  budget?: RetryBudget;
  /** Updated as the call runs, so the caller knows how many attempts its response took. */
  trace?: { attempts: number };
  /** @default Math.random */
  random?: () => number;
  /** Must reject as soon as `signal` aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** @default Date.now */
  now?: () => number;
  /** Names the operation in error messages, e.g. `connections.get`. */
  methodPath?: string;
  /**
   * The call wants a stream: a 2xx is handed over unread with its attempt still running
   * (`AttemptsOutcome.lease`), so its items are read as they arrive. @default false
   */
  stream?: boolean;
}

/** The final response of a call and its body, read under the last attempt's timeout. */
export interface AttemptsOutcome {
  /** Its body has been read into `bytes` (so it is consumed), unless `bytes` is undefined. */
  readonly response: Response;
  readonly bytes?: ArrayBuffer;
  /** A streamed 2xx: its body unread, its attempt running until the stream releases it. */
  readonly lease?: StreamLease;
  /** The empty retry budget stopped the call at this (failed) response. */
  readonly exhausted?: true;
}

/**
 * How the SDK core starts the loop: the first attempt's Request was built already carrying
 * `abort`'s signal, so it is sent as it is; the caller's own signal is `callerSignal`.
 */
export interface FirstAttempt {
  readonly abort: AttemptAbort;
  readonly callerSignal: AbortSignal | undefined;
  /**
   * Builds a later attempt's Request afresh, with that attempt's signal: then nothing of
   * the first is copied up front for retries that may never happen.
   */
  readonly rebuild?: (signal: AbortSignal | undefined) => Request;
}

/** The debug log's lines, loaded for a client given a debugLogger. */
const debugLines = lazy(() => import("./log.js"));

/**
 * The attempts' debug log writing to `log`, credentials (`names` and redact.ts's rule)
 * scrubbed. Its lines are a lazy chunk, loaded only for a client given a debugLogger.
 */
export async function loadAttemptLog(log: (line: string) => void, names: readonly string[]): Promise<AttemptLog> {
  return (await debugLines()).attemptLog(log, (url) => redactUrl(url, names), isSensitiveName, names);
}

/**
 * Returns a fetch that retries `request` per `policy` and the rule of `decideRetry`.
 * The Response it resolves to has its body already in memory, so reading it cannot
 * fail or time out later.
 *
 * @throws RequestAbortedError as soon as the caller's signal (`request.signal`) fires,
 *   mid-sleep included; RequestTimeoutError or ConnectionError when the last attempt failed.
 */
export function createRetryingFetch(options: RetryingFetchOptions): (request: Request) => Promise<Response> {
  const names = options.sensitiveNames ?? [];
  const { log } = options;
  const loop = log ? loadAttemptLog(log, names).then((attemptLog) => createAttemptLoop({ ...options, attemptLog })) : createAttemptLoop(options);
  return async (request) => {
    const { response, bytes, exhausted } = await (await loop)(request);
    const answer = bytes === undefined ? response : readableCopy(response, bytes, redactUrl(response.url, names));
    // A failed response the empty budget did not retry: marked as the SDK's errors are.
    return exhausted ? Object.defineProperty(answer, "retryBudgetExhausted", { value: true, enumerable: true }) : answer;
  };
}

/**
 * The loop itself: resolves to the final response with its body's bytes (the response
 * consumed), so the SDK core reads the body once, with no copy of the Response.
 */
export function createAttemptLoop(options: RetryingFetchOptions): (request: Request, first?: FirstAttempt) => Promise<AttemptsOutcome> {
  const { fetch, policy, timeoutMs, prepare, onRetry, attemptLog: log, trace, signalInInit = false } = options;
  const { random = Math.random, sleep = sleepMs, now = Date.now } = options;
  const names = options.sensitiveNames ?? [];
  const responseUrl = (url: string): string => redactUrl(url, names);
  const budget = policy.budget === false ? undefined : options.budget;

  return async (request, first) => {
    let labelText: string | undefined;
    const label = () => (labelText ??= describe(request, options.methodPath));
    const callerSignal = first ? first.callerSignal : request.signal;
    const startedMs = now();
    // Without `rebuild`, later attempts are built from these: the first may be changed in place (credentials, hooks).
    const rebuild = first?.rebuild;
    const headers = rebuild ? undefined : [...request.headers];
    const spare = rebuild || request.body === null ? undefined : request.clone();
    const fresh = (abort: AttemptAbort): Request => {
      const signal = signalInInit ? undefined : abort.signal;
      if (rebuild) return rebuild(signal);
      return spare
        ? new Request(spare.clone(), { signal })
        : new Request(request.url, { method: request.method, headers, redirect: request.redirect, signal });
    };
    /** The outcome retried past, kept in case maxElapsedTime runs out while the next attempt is prepared. */
    let last: AttemptsOutcome | SDKBaseError | undefined;
    let reauthorized = false;
    /** Tokens this call's retries drew from the budget, given back when it succeeds. */
    let drawn = 0;
    /** Tokens the next attempt drew, until it is sent: given back if it never is. */
    let unsent = 0;
    try {
      for (let attempt = 1; ; attempt++) {
        const target = (): RequestTarget => ({ method: request.method, url: urlWithoutQuery(request.url), attempts: attempt });
        const reuse = attempt === 1 && first !== undefined;
        const abort = reuse ? first.abort : new AttemptAbort(callerSignal, timeoutMs);
        let sent: SentAttempt | undefined;
        /** The attempt goes on in a stream, which releases it. */
        let handed = false;
        try {
          if (callerSignal?.aborted) throw abortedError(callerSignal, label(), { ...target(), attempts: attempt - 1 });
          const base = reuse ? request : fresh(abort);
          const pending = prepare ? prepare(base, attempt) : base;
          let prepared = pending instanceof Promise ? await pending : pending;
          // A hook's own Request does not carry the attempt's signal yet.
          if (prepared !== base && !signalInInit) prepared = new Request(prepared, { signal: abort.signal });
          // Preparing (an OAuth2 token fetch, a hook) may have used up the rest of maxElapsedTime.
          if (last && now() - startedMs > policy.backoff.maxElapsedTime) {
            log?.outOfTime(label(), policy.backoff.maxElapsedTime);
            if (last instanceof Error) throw last;
            return last;
          }
          // Counted here, once the attempt is really going to be sent.
          if (trace) trace.attempts = attempt;
          unsent = 0;
          log?.attempt(label(), attempt, prepared);
          const attemptStartMs = now();
          // An attempt's span (tracing) covers sending it up to the response's headers.
          const ended = options.onAttempt?.(prepared, attempt, responseUrl);
          sent = await sendAttempt(fetch, prepared, abort, { callerSignal, timeoutMs, label, target, signalInInit });
          ended?.(sent.outcome);
          let outcome = sent.outcome;
          let bytes: ArrayBuffer | undefined;
          const decide = (): RetryDecision =>
            decideRetry(outcome, {
              policy,
              method: request.method,
              idempotent: options.idempotent ?? false,
              attempts: attempt,
              elapsedMs: now() - startedMs,
              nowMs: now(),
              random,
            });
          let decision = decide();
          if (options.stream && outcome instanceof Response && outcome.ok) {
            log?.outcome(label(), attempt, outcome, now() - attemptStartMs, decision);
            const held = sent;
            sent = undefined;
            handed = true;
            options.budget?.give(drawn);
            return { response: outcome, lease: { firstByte: () => abort.stopTimer(), fail: held.fail, release: held.release } };
          }
          /** What the client's budget drew for a retry; -1 when the empty budget turned it down. */
          let cost = 0;
          const pay = (): void => {
            cost = decision.retry && budget ? budget.take(!(outcome instanceof Response)) : 0;
            if (cost < 0) decision = { retry: false, reason: BUDGET_EMPTY };
          };
          // The client's budget pays for the retry or turns it down, before the body is read: a
          // response retried past is read up to a limit (an endless body must not stall the loop),
          // the final one (one the budget turned down included) whole, both within the attempt's timeout.
          pay();
          let keep = true;
          if (outcome instanceof Response) {
            const read = await sent.read(outcome, decision.retry ? MAX_RETRIED_BODY_BYTES : undefined);
            if (read instanceof Error) {
              // Reading failed: the retry (if any) is one after no response, at its own price.
              if (cost > 0) budget!.refund(cost);
              outcome = read;
              decision = decide();
              pay();
            } else if (read === undefined) keep = false;
            else bytes = read;
          }
          if (cost > 0) drawn += unsent = cost;
          log?.outcome(label(), attempt, outcome, now() - attemptStartMs, decision);
          const answer: AttemptsOutcome | SDKBaseError = outcome instanceof Response ? { response: outcome, bytes } : outcome;
          if (!decision.retry && !reauthorized && outcome instanceof Response && outcome.status === 401 && (await options.reauthorize?.())) {
            reauthorized = true;
            log?.renewed(label());
            last = keep ? answer : undefined;
            continue;
          }
          if (!decision.retry) {
            if (answer instanceof Error) throw cost < 0 ? budgetExhausted(answer) : answer;
            // Any success refills the bucket, even of a call that bypassed it.
            if (answer.response.ok) options.budget?.give(drawn);
            return cost < 0 ? { ...answer, exhausted: true } : answer;
          }
          last = keep ? answer : undefined;
          await onRetry?.({
            attempt,
            delayMs: decision.delayMs,
            ...(outcome instanceof Response ? { response: bytes ? readableCopy(outcome, bytes, responseUrl(outcome.url)) : outcome } : { error: outcome }),
          });
          try {
            await sleep(decision.delayMs, callerSignal);
          } catch (error) {
            if (callerSignal?.aborted) throw abortedError(callerSignal, label(), target());
            throw error;
          }
        } finally {
          if (sent) sent.release();
          else if (!handed) abort.release();
        }
      }
    } finally {
      if (unsent > 0) budget!.refund(unsent);
    }
  };
}

function sleepMs(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
