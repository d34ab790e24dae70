/**
 * Whether to retry past one attempt's outcome, and after how long: the public face of the
 * rule (rule.ts, which the retry loop runs), so the rule the README states is the rule the
 * code runs.
 */
import type { SDKBaseError } from "../errors.js";
import type { RetryPolicy } from "./config.js";
import type { RetryContext, RetryDecision } from "./types.js";
import { decide } from "./rule.js";
import { isRetryableStatus } from "./status.js";
import { isIdempotentMethod } from "../wire-rules.js";

export { provablyNotSent } from "./rule.js";
export type { RetryContext, RetryDecision } from "./types.js";

/** May a request with `method` be repeated after any failure? */
export function isIdempotentCall(method: string, idempotent: boolean, policy: RetryPolicy): boolean {
  return idempotent || policy.retryNonIdempotent || isIdempotentMethod(method);
}

export function decideRetry(outcome: Response | SDKBaseError, ctx: RetryContext): RetryDecision {
  return decide(outcome, ctx, { isRetryableStatus, isIdempotentMethod });
}
