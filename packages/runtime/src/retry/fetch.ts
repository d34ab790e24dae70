/**
 * The retry loop. It lives in the `fetch` handed to openapi-fetch rather than in a
 * middleware because middleware cannot re-run and `fetch` consumes the request body:
 * here every attempt sends a fresh clone of the same Request.
 */
import { RequestAbortedError, type SDKBaseError } from "../errors.js";
import { abortedError, describe, sendAttempt } from "./attempt.js";
import { backoffDelayMs } from "./backoff.js";
import { MAX_TIMER_MS, type RetryPolicy } from "./config.js";
import { parseRetryAfterMs } from "./retry-after.js";
import { isRetryableStatus } from "./status.js";

export interface RetryInfo {
  /** Attempts made so far: 1 before the first retry. */
  attempt: number;
  /** How long the loop sleeps before the next attempt, in ms. */
  delayMs: number;
  /** The response retried past; its body has been discarded, read status and headers only. */
  response?: Response;
  /** The ConnectionError or RequestTimeoutError retried past. */
  error?: unknown;
}

export interface RetryingFetchOptions {
  fetch: (request: Request) => Promise<Response>;
  policy: RetryPolicy;
  /** Limit of each attempt, response body included, in ms. */
  timeoutMs: number;
  /** @default Math.random */
  random?: () => number;
  /** Must reject as soon as `signal` aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Awaited before each retry; an exception ends the call with it. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  /** @default Date.now */
  now?: () => number;
  /** Names the operation in error messages, e.g. `connections.get`. */
  methodPath?: string;
}

/**
 * Returns a fetch that retries `request` per `policy`. The Response it resolves to has
 * its body already in memory, so reading it cannot fail or time out later.
 *
 * @throws RequestAbortedError as soon as the caller's signal (`request.signal`) fires,
 *   mid-sleep included; RequestTimeoutError or ConnectionError when the last attempt failed.
 */
export function createRetryingFetch(options: RetryingFetchOptions): (request: Request) => Promise<Response> {
  const { fetch, policy, timeoutMs, random = Math.random, sleep = sleepMs, onRetry, now = Date.now } = options;
  const retries = policy.strategy === "backoff";
  const isRetryableResponse = (response: Response): boolean =>
    retries && isRetryableStatus(response.status, policy.statusCodes);

  /** The delay before retrying past `outcome`, or undefined when it is final. */
  const retryDelayMs = (outcome: Response | SDKBaseError, attempt: number): number | undefined => {
    if (outcome instanceof Response) {
      if (!isRetryableResponse(outcome)) return undefined;
      // The server knows best when it will be ready again.
      const retryAfterMs = parseRetryAfterMs(outcome.headers.get("retry-after"), now());
      if (retryAfterMs !== undefined) return retryAfterMs;
    } else if (!retries || !policy.retryConnectionErrors || outcome instanceof RequestAbortedError) {
      return undefined;
    }
    return backoffDelayMs(attempt, policy.backoff, random);
  };

  return async (request) => {
    const label = describe(request, options.methodPath);
    const startedMs = now();
    for (let attempt = 0; ; attempt++) {
      if (request.signal.aborted) throw abortedError(request, label);
      const sent = await sendAttempt(fetch, request, timeoutMs, label);
      let { outcome } = sent;
      let delayMs: number | undefined;
      try {
        // Read now, within this attempt's limits, unless the response may be discarded for a retry.
        if (outcome instanceof Response && !isRetryableResponse(outcome)) outcome = await sent.read(outcome);
        delayMs = retryDelayMs(outcome, attempt);
        if (delayMs === undefined || now() - startedMs + delayMs > policy.backoff.maxElapsedTime) {
          if (outcome instanceof Response && isRetryableResponse(outcome)) outcome = await sent.read(outcome);
          if (outcome instanceof Response) return outcome;
          throw outcome;
        }
        // Discarding the body frees the connection; nobody will read it.
        if (outcome instanceof Response) await outcome.body?.cancel().catch(() => undefined);
      } finally {
        sent.release();
      }
      await onRetry?.({
        attempt: attempt + 1,
        delayMs,
        ...(outcome instanceof Response ? { response: outcome } : { error: outcome }),
      });
      try {
        await sleep(delayMs, request.signal);
      } catch (error) {
        if (request.signal.aborted) throw abortedError(request, label);
        throw error;
      }
    }
  };
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
