/**
 * The retry loop after an attempt failed (no response, a status the policy may retry, a 401
 * that may be reauthorized, a body whose read failed): the retry decision, the budget's
 * payment and refunds, the limited read of a body retried past, onRetry, the sleep,
 * reauthorizing, maxElapsedTime, and every later attempt. fetch.ts loads it by a dynamic
 * `import()` the first time an attempt fails, so retries cost an app no bytes until they
 * happen. It imports nothing the main code imports at run time, or the bundler would split
 * that code into a chunk every app loads: what it needs of the main code comes in a TailKit.
 */
import type { SDKBaseError } from "../errors.js";
import type { StreamLease } from "../streams/index.js";
import { abortedError, classify, readUpTo } from "./classify.js";
import { decide } from "./rule.js";
import type { Attempt, AttemptsOutcome, Call, RetryDecision, TailKit } from "./types.js";

/** A response retried past is kept (to be the answer if the budget runs out) up to this size. */
const MAX_RETRIED_BODY_BYTES = 1 << 20;

/** A streamed 2xx's attempt, handed over running: the stream ends it. */
export function lease(kit: TailKit, call: Call, a: Attempt): StreamLease {
  return { firstByte: () => a.abort.stopTimer(), fail: (error) => classify(kit, call, a, error), release: () => kit.release(a) };
}

/**
 * Goes on from attempt `a` (sent; with `error` set when fetch rejected or its body's read
 * failed), or, without one, from a caller who aborted before the first attempt.
 */
export async function afterFailure(kit: TailKit, call: Call, a?: Attempt): Promise<AttemptsOutcome> {
  const { o, callerSignal, startedMs } = call;
  const { policy, attemptLog: log } = o;
  const now = o.now ?? Date.now;
  const budget = policy.budget === false ? undefined : o.budget;
  if (!a) throw abortedError(kit, call, 0);
  /** The outcome retried past, kept in case maxElapsedTime runs out while the next attempt is prepared. */
  let last: AttemptsOutcome | SDKBaseError | undefined;
  let reauthorized = false;
  /** Tokens this call's retries drew from the budget, given back when it succeeds. */
  let drawn = 0;
  /** Tokens the next attempt drew, until it is sent: given back if it never is. */
  let unsent = 0;
  try {
    for (;;) {
      const { n } = a;
      /** The attempt goes on in a stream, which releases it. */
      let handed = false;
      try {
        const { response } = a;
        let outcome: Response | SDKBaseError = response && !("error" in a) ? response : classify(kit, call, a, a.error);
        // A span ends with the response as it came, or with the error when none came.
        if (!response) a.ended?.(outcome);
        let bytes: ArrayBuffer | undefined;
        const decideNow = (): RetryDecision =>
          decide(outcome, { policy, method: call.request.method, idempotent: o.idempotent ?? false, attempts: n, elapsedMs: now() - startedMs, nowMs: now(), random: o.random ?? Math.random }, kit);
        let decision = decideNow();
        if (o.stream && outcome instanceof Response && outcome.ok) {
          log?.outcome(kit.label(call), n, outcome, now() - a.startMs, decision);
          handed = true;
          o.budget?.give(drawn);
          return { response: outcome, lease: lease(kit, call, a) };
        }
        /** What the client's budget drew for a retry; -1 when the empty budget turned it down. */
        let cost = 0;
        const pay = (): void => {
          cost = decision.retry && budget ? budget.take(!(outcome instanceof Response)) : 0;
          if (cost < 0) decision = { retry: false, reason: kit.BUDGET_EMPTY };
        };
        // The client's budget pays for the retry or turns it down, before the body is read: a
        // response retried past is read up to a limit (an endless body must not stall the loop),
        // the final one (one the budget turned down included) whole, both within the attempt's timeout.
        pay();
        let keep = true;
        if (outcome instanceof Response) {
          try {
            const read = decision.retry ? await readUpTo(outcome, MAX_RETRIED_BODY_BYTES) : await outcome.arrayBuffer();
            if (read === undefined) keep = false;
            else bytes = read;
          } catch (error) {
            // Reading failed: the retry (if any) is one after no response, at its own price.
            if (cost > 0) budget!.refund(cost);
            outcome = classify(kit, call, a, error);
            decision = decideNow();
            pay();
          }
        }
        if (cost > 0) drawn += unsent = cost;
        log?.outcome(kit.label(call), n, outcome, now() - a.startMs, decision);
        const answer: AttemptsOutcome | SDKBaseError = outcome instanceof Response ? { response: outcome, bytes } : outcome;
        if (!decision.retry && !reauthorized && outcome instanceof Response && outcome.status === 401 && (await o.reauthorize?.())) {
          reauthorized = true;
          log?.renewed(kit.label(call));
          last = keep ? answer : undefined;
        } else {
          if (!decision.retry) {
            if (answer instanceof Error) throw cost < 0 ? kit.budgetExhausted(answer) : answer;
            // Any success refills the bucket, even of a call that bypassed it.
            if (answer.response.ok) o.budget?.give(drawn);
            return cost < 0 ? { ...answer, exhausted: true } : answer;
          }
          last = keep ? answer : undefined;
          await o.onRetry?.({
            attempt: n,
            delayMs: decision.delayMs,
            ...(outcome instanceof Response ? { response: bytes ? kit.readableCopy(outcome, bytes, kit.shownUrl(call, outcome.url)) : outcome } : { error: outcome }),
          });
          try {
            await (o.sleep ? o.sleep(decision.delayMs, callerSignal) : sleepMs(decision.delayMs, callerSignal, kit.MAX_TIMER_MS));
          } catch (error) {
            if (callerSignal?.aborted) throw abortedError(kit, call, n);
            throw error;
          }
        }
      } finally {
        if (!handed) kit.release(a);
      }
      // The next attempt, a Request built afresh (fetch consumes a request's body).
      const abort = new kit.AttemptAbort(callerSignal, o.timeoutMs);
      let sending = false;
      try {
        if (callerSignal?.aborted) throw abortedError(kit, call, n);
        const prepared = await kit.prepare(call, n + 1, abort, call.rebuild(o.signalInInit ? undefined : abort.signal));
        // Preparing (an OAuth2 token fetch, a hook) may have used up the rest of maxElapsedTime.
        if (last && now() - startedMs > policy.backoff.maxElapsedTime) {
          log?.outOfTime(kit.label(call), policy.backoff.maxElapsedTime);
          if (last instanceof Error) throw last;
          return last;
        }
        unsent = 0;
        sending = true;
        a = await kit.dispatch(call, n + 1, abort, prepared);
      } finally {
        if (!sending) abort.release();
      }
    }
  } finally {
    if (unsent > 0) budget!.refund(unsent);
  }
}

/** Rejects as soon as `signal` aborts. */
function sleepMs(ms: number, signal: AbortSignal | undefined, maxTimerMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, maxTimerMs));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
