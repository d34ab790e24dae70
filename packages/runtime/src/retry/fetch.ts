/**
 * The retry loop. It lives in the `fetch` handed to openapi-fetch rather than in a
 * middleware because middleware cannot re-run and `fetch` consumes the request body:
 * here every attempt sends a fresh clone of the same Request.
 */
import type { RequestTarget, SDKBaseError } from "../errors.js";
import { redactHeaders, redactUrl, urlWithoutQuery } from "../redact.js";
import { abortedError, describe, sendAttempt } from "./attempt.js";
import { MAX_TIMER_MS, type RetryPolicy } from "./config.js";
import { decideRetry, type RetryDecision } from "./decision.js";

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
  fetch: (request: Request) => Promise<Response>;
  policy: RetryPolicy;
  /** Limit of each attempt, response body included, in ms. */
  timeoutMs: number;
  /** The operation may be repeated whatever its method (the spec's `x-idempotent`). @default false */
  idempotent?: boolean;
  /**
   * Turns the call's request into one attempt's: credentials, hooks. It receives a
   * fresh clone each time, so it may change it freely or return another Request.
   */
  prepare?: (request: Request, attempt: number) => Request | Promise<Request>;
  /**
   * Called once per call, when an attempt is answered 401: returning true (new
   * credentials are on the way, e.g. an OAuth2 token was dropped) makes one more
   * attempt at once, outside the backoff policy.
   */
  reauthorize?: () => boolean | Promise<boolean>;
  /** Awaited before each retry; an exception ends the call with it. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  /** Receives one line per attempt, outcome and retry decision; credentials are scrubbed. */
  log?: (line: string) => void;
  /** Names of query parameters and headers that carry credentials, scrubbed from log lines. */
  sensitiveNames?: readonly string[];
  /** Updated as the call runs, so the caller knows how many attempts its response took. */
  trace?: { attempts: number };
  /** @default Math.random */
  random?: () => number;
  /** Must reject as soon as `signal` aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** @default Date.now */
  now?: () => number;
  /** Names the operation in error messages, e.g. `connections.get`. */
  methodPath?: string;
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
  const { fetch, policy, timeoutMs, prepare, onRetry, log, trace } = options;
  const { random = Math.random, sleep = sleepMs, now = Date.now } = options;
  const names = options.sensitiveNames ?? [];
  const responseUrl = (url: string): string => redactUrl(url, names);

  return async (request) => {
    const label = describe(request, options.methodPath);
    const callerSignal = request.signal;
    const startedMs = now();
    /** The outcome retried past, kept in case the budget runs out before the next attempt. */
    let last: Response | SDKBaseError | undefined;
    let reauthorized = false;
    for (let attempt = 1; ; attempt++) {
      const target: RequestTarget = { method: request.method, url: urlWithoutQuery(request.url), attempts: attempt };
      if (callerSignal.aborted) throw abortedError(callerSignal, label, { ...target, attempts: attempt - 1 });
      const prepared = prepare ? await prepare(request.clone(), attempt) : request.clone();
      // A late timer (or a slow `prepare`) may have carried a retry past the budget: then
      // the previous outcome stands, and no attempt starts after maxElapsedTime.
      if (last && now() - startedMs > policy.backoff.maxElapsedTime) {
        log?.(`${label}: no retry: maxElapsedTime ${policy.backoff.maxElapsedTime} ms passed during the backoff sleep`);
        if (last instanceof Response) return last;
        throw last;
      }
      // `attempts` counts requests sent, so it is set only once this one will be.
      if (trace) trace.attempts = attempt;
      log?.(`${label}: attempt ${attempt}: ${prepared.method} ${responseUrl(prepared.url)} ${JSON.stringify(redactHeaders(prepared.headers, names))}`);
      const attemptStartMs = now();
      const sent = await sendAttempt(fetch, prepared, { callerSignal, timeoutMs, label, target, responseUrl });
      let outcome = sent.outcome;
      let decision: RetryDecision;
      /** False when the body was too large to keep: the outcome cannot be returned later. */
      let keep = true;
      try {
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
        decision = decide();
        if (outcome instanceof Response) {
          // Read even a response about to be retried past, if small: it is the answer
          // should the budget run out during the sleep. A body that fails to arrive is a
          // connection failure, which may be retried.
          const read = await sent.read(outcome, decision.retry ? MAX_RETRIED_BODY_BYTES : undefined);
          if (read === undefined) keep = false;
          else outcome = read;
          if (!(outcome instanceof Response)) decision = decide();
        }
      } finally {
        sent.release();
      }
      if (log) logOutcome(log, label, attempt, outcome, now() - attemptStartMs, decision);
      if (!decision.retry && !reauthorized && outcome instanceof Response && outcome.status === 401 && (await options.reauthorize?.())) {
        reauthorized = true;
        log?.(`${label}: HTTP 401: credentials renewed, retrying once`);
        last = keep ? outcome : undefined;
        continue;
      }
      if (!decision.retry) {
        if (outcome instanceof Response) return outcome;
        throw outcome;
      }
      last = keep ? outcome : undefined;
      await onRetry?.({
        attempt,
        delayMs: decision.delayMs,
        ...(outcome instanceof Response ? { response: keep ? outcome.clone() : outcome } : { error: outcome }),
      });
      try {
        await sleep(decision.delayMs, callerSignal);
      } catch (error) {
        if (callerSignal.aborted) throw abortedError(callerSignal, label, target);
        throw error;
      }
    }
  };
}

function logOutcome(
  log: (line: string) => void,
  label: string,
  attempt: number,
  outcome: Response | SDKBaseError,
  tookMs: number,
  decision: RetryDecision,
): void {
  const result = outcome instanceof Response
    ? `HTTP ${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ""}`
    : `${outcome.name}${"code" in outcome && outcome.code ? ` (${String(outcome.code)})` : ""}`;
  log(`${label}: attempt ${attempt}: ${result} in ${tookMs} ms`);
  const failed = !(outcome instanceof Response) || !outcome.ok;
  if (decision.retry) log(`${label}: retry: ${decision.reason}`);
  else if (failed) log(`${label}: no retry: ${decision.reason}`);
}

function sleepMs(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
