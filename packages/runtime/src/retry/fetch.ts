/**
 * The retry loop: the SDK core hands it the call's Request (request.ts) and a way to build
 * it again; the first attempt sends that Request, every later one a fresh one (fetch
 * consumes a request's body). `createRetryingFetch` wraps the same loop as a fetch, for
 * use under openapi-fetch or any client that takes one: there every later attempt is a
 * copy of the first Request, made before it is sent.
 */
import { ConnectionError, RequestAbortedError, RequestTimeoutError, type SDKBaseError } from "../errors.js";
import { isSensitiveName, redactUrl, urlWithoutQuery } from "../redact.js";
import { readableCopy } from "../response.js";
import { isIdempotentMethod } from "../wire-rules.js";
import { AttemptAbort } from "./abort.js";
import { dispatch, label, prepare, release, shownUrl, type Attempt, type Call } from "./attempt.js";
import { BUDGET_EMPTY, budgetExhausted, type RetryBudget } from "./budget.js";
import { MAX_TIMER_MS, type RetryPolicy } from "./config.js";
import type { AttemptLog } from "./log.js";
import { isRetryableStatus } from "./status.js";
import type { TailKit } from "./tail.js";
import type { StreamLease } from "../streams/index.js";
import { lazy } from "../lazy.js";

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
   * the first is copied up front for retries that may never happen. Without it the loop
   * copies the first Request before sending it (a body is teed).
   */
  readonly rebuild?: (signal: AbortSignal | undefined) => Request;
}

/** The debug log's lines, loaded for a client given a debugLogger. */
const debugLines = lazy(() => import("./log.js"));
/** Everything after a failed attempt (tail.ts): loaded the first time one fails. */
const tail = lazy(() => import("./tail.js"));
const KIT: TailKit = {
  prepare, dispatch, release, label, shownUrl, urlWithoutQuery, readableCopy, budgetExhausted, BUDGET_EMPTY, MAX_TIMER_MS,
  AttemptAbort, ConnectionError, RequestTimeoutError, RequestAbortedError, isRetryableStatus, isIdempotentMethod,
};

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
    const run = await loop;
    // Every attempt is a copy of `request`, made before the first is sent.
    const rebuild = copies(request);
    const abort = new AttemptAbort(request.signal, options.timeoutMs);
    const { response, bytes, exhausted } = await run(rebuild(options.signalInInit ? undefined : abort.signal), { abort, callerSignal: request.signal, rebuild });
    const answer = bytes === undefined ? response : readableCopy(response, bytes, redactUrl(response.url, names));
    // A failed response the empty budget did not retry: marked as the SDK's errors are.
    return exhausted ? Object.defineProperty(answer, "retryBudgetExhausted", { value: true, enumerable: true }) : answer;
  };
}

/** Copies of `request` as it is now (it may be changed in place later: credentials, hooks), each with its own signal. */
function copies(request: Request): (signal: AbortSignal | undefined) => Request {
  const headers = [...request.headers];
  const spare = request.body === null ? undefined : request.clone();
  return (signal) =>
    spare ? new Request(spare.clone(), { signal }) : new Request(request.url, { method: request.method, headers, redirect: request.redirect, signal });
}

/**
 * The loop itself: resolves to the final response with its body's bytes (the response
 * consumed), so the SDK core reads the body once, with no copy of the Response. Here is
 * the first attempt's way to an answer; an attempt that failed hands the call to tail.ts.
 */
export function createAttemptLoop(o: RetryingFetchOptions): (request: Request, first: FirstAttempt) => Promise<AttemptsOutcome> {
  return async (request, first) => {
    const call: Call = { ...first, o, request, rebuild: first.rebuild ?? copies(request), startedMs: (o.now ?? Date.now)() };
    const { abort } = first;
    let a: Attempt | undefined;
    /** The tail or a stream goes on with the attempt, and releases it. */
    let kept = false;
    try {
      if (!first.callerSignal?.aborted) {
        a = await dispatch(call, 1, abort, await prepare(call, 1, abort, request));
        const { response } = a;
        if (response) {
          const { policy, attemptLog: log } = o;
          const tookMs = (): number => (o.now ?? Date.now)() - a!.startMs;
          if (o.stream && response.ok) {
            // A stream's errors are the tail's to classify: loaded with the stream.
            const lease = (await tail()).lease(KIT, call, a);
            kept = true;
            log?.outcome(label(call), 1, response, tookMs());
            o.budget?.give(0);
            return { response, lease };
          }
          const retryable = policy.strategy === "backoff" && isRetryableStatus(response.status, policy.statusCodes);
          // A final answer: read whole under the attempt's timeout (a failure the debug log explains goes to the tail).
          if (!retryable && !(response.status === 401 && o.reauthorize) && (response.ok || !log)) {
            const bytes = await response.arrayBuffer().catch((error: unknown) => void (a!.error = error));
            if (bytes) {
              log?.outcome(label(call), 1, response, tookMs());
              if (response.ok) o.budget?.give(0);
              return { response, bytes };
            }
          }
        }
      }
      const after = await tail();
      kept = a !== undefined;
      return await after.afterFailure(KIT, call, a);
    } finally {
      if (!kept) a ? release(a) : abort.release();
    }
  };
}
