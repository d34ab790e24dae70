/**
 * The retry rule itself (decision.ts's `decideRetry` is its public face): whether to retry
 * past one attempt's outcome, and after how long. Part of the retry tail, a lazy chunk
 * (tail.ts), so it imports nothing the main code imports at run time: which statuses a
 * policy covers and which methods are idempotent come in as `rules`, our own errors are
 * known by their names, and its constants are regular expressions (a bundler may keep a
 * top-level `new Set(...)` as a side effect).
 */
import type { SDKBaseError } from "../errors.js";
import { backoffDelayMs } from "./backoff.js";
import { serverRetryDelayMs } from "./retry-after.js";
import type { RetryContext, RetryDecision, RetryRules } from "./types.js";

/** Statuses by which a server declines a request without acting on it. */
const DECLINED_STATUS_RE = /^(429|503)$/;
/** Connection failures that happen before a single byte of the request is sent. */
const NOT_SENT_CODE_RE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/** A connection error raised before the request left this machine. */
export function provablyNotSent(error: SDKBaseError): boolean {
  const { code } = error as { code?: string };
  return error.name === "ConnectionError" && code !== undefined && NOT_SENT_CODE_RE.test(code);
}

export function decide(outcome: Response | SDKBaseError, ctx: RetryContext, rules: RetryRules): RetryDecision {
  const { policy, method } = ctx;
  if (policy.strategy !== "backoff") return { retry: false, reason: "retries are off" };
  if ((outcome as Error).name === "RequestAbortedError") return { retry: false, reason: "aborted by the caller" };
  const repeatable = ctx.idempotent || policy.retryNonIdempotent || rules.isIdempotentMethod(method);
  let serverDelayMs: number | undefined;
  let what: string;
  if (outcome instanceof Response) {
    what = `status ${outcome.status}`;
    if (!rules.isRetryableStatus(outcome.status, policy.statusCodes)) return { retry: false, reason: `${what} is not retried` };
    if (!repeatable && !DECLINED_STATUS_RE.test(String(outcome.status))) {
      return { retry: false, reason: `${what} on ${method}: the server may have acted on it` };
    }
    serverDelayMs = serverRetryDelayMs(outcome.headers, ctx.nowMs);
  } else {
    what = outcome.name;
    if (!policy.retryConnectionErrors) return { retry: false, reason: `${what}: connection errors are not retried` };
    if (!repeatable && !provablyNotSent(outcome)) {
      return { retry: false, reason: `${what} on ${method}: the request may have reached the server` };
    }
  }
  const delayMs = serverDelayMs ?? backoffDelayMs(ctx.attempts - 1, policy.backoff, ctx.random);
  const source = serverDelayMs === undefined ? "backoff" : "server's Retry-After";
  const budget = policy.backoff.maxElapsedTime;
  if (ctx.elapsedMs + delayMs > budget) {
    return { retry: false, reason: `${what}: a retry in ${delayMs} ms (${source}) would pass maxElapsedTime ${budget} ms` };
  }
  return { retry: true, delayMs, reason: `${what}: retrying in ${delayMs} ms (${source})` };
}
