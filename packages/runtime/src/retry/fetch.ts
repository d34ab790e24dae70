/**
 * The retry loop: the SDK core hands it the call's Request (request.ts) and a way to build
 * it again; the first attempt sends that Request, every later one a fresh one (fetch
 * consumes a request's body). `createRetryingFetch` wraps the same loop as a fetch, for
 * use under openapi-fetch or any client that takes one: there every attempt is a copy of
 * the Request it is given, made before the first is sent. Here is the first attempt's way to
 * an answer; everything after a failed attempt is tail.ts's, a lazy chunk.
 */
import { ConnectionError, RequestAbortedError, RequestTimeoutError } from "../errors.js";
import { isSensitiveName, redactUrl, urlWithoutQuery } from "../redact.js";
import { readableCopy } from "../response.js";
import { isIdempotentMethod } from "../wire-rules.js";
import { AttemptAbort } from "./abort.js";
import { dispatch, label, prepare, release, shownUrl } from "./attempt.js";
import { BUDGET_EMPTY, budgetExhausted } from "./budget.js";
import { MAX_TIMER_MS } from "./config.js";
import { isRetryableStatus } from "./status.js";
import type { StreamLease } from "../streams/index.js";
import type { Attempt, AttemptLog, AttemptsOutcome, Call, FirstAttempt, RetryingFetchOptions, TailKit } from "./types.js";
import { lazy } from "../lazy.js";

export type { AttemptsOutcome, FirstAttempt, RetryInfo, RetryingFetchOptions } from "./types.js";

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
  const loop = log ? loadAttemptLog(log, names).then((attemptLog) => ({ ...options, attemptLog })) : options;
  return async (request) => {
    const o = await loop;
    // Every attempt is a copy of `request`, made before the first is sent.
    const rebuild = copies(request);
    const abort = new AttemptAbort(request.signal, options.timeoutMs);
    const { response, bytes, exhausted } = await runAttempts(o, rebuild(o.signalInInit ? undefined : abort.signal), { abort, callerSignal: request.signal, rebuild });
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
export async function runAttempts(o: RetryingFetchOptions, request: Request, first: FirstAttempt): Promise<AttemptsOutcome> {
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
        let lease: StreamLease | undefined;
        let bytes: ArrayBuffer | undefined;
        // A stream's errors are the tail's to classify: loaded with the stream.
        if (o.stream && response.ok) kept = !!(lease = (await tail()).lease(KIT, call, a));
        // A final answer, read whole under the attempt's timeout (a failure the debug log explains goes to the tail).
        else if (!(policy.strategy === "backoff" && isRetryableStatus(response.status, policy.statusCodes)) && !(response.status === 401 && o.reauthorize) && (response.ok || !log)) {
          bytes = await response.arrayBuffer().catch((error: unknown): undefined => void (a!.error = error));
        }
        if (lease || bytes) {
          log?.outcome(label(call), 1, response, (o.now ?? Date.now)() - a.startMs);
          if (response.ok) o.budget?.give(0);
          return { response, bytes, lease };
        }
      }
    }
    const after = await tail();
    kept = a !== undefined;
    return await after.afterFailure(KIT, call, a);
  } finally {
    if (!kept) a ? release(a) : abort.release();
  }
}
