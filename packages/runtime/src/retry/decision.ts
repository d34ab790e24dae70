/**
 * Whether to retry past one attempt's outcome, and after how long: the public face of the
 * rule (rule.ts, which the retry loop runs), so the rule the README states is the rule the
 * code runs.
 */
import type { SDKBaseError } from "../errors.js";
import type { RetryPolicy } from "./config.js";
import { decide } from "./rule.js";
import { isRetryableStatus } from "./status.js";
import { isIdempotentMethod } from "../wire-rules.js";

export { provablyNotSent } from "./rule.js";

export interface RetryContext {
  policy: RetryPolicy;
  /** The request's HTTP method, upper case. */
  method: string;
  /** The operation is marked idempotent in the spec (`x-idempotent`). */
  idempotent: boolean;
  /** Attempts made so far, the one just finished included (1 after the first). */
  attempts: number;
  /** Time since the first attempt started, in ms. */
  elapsedMs: number;
  nowMs: number;
  random: () => number;
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; reason: string };

/** May a request with `method` be repeated after any failure? */
export function isIdempotentCall(method: string, idempotent: boolean, policy: RetryPolicy): boolean {
  return idempotent || policy.retryNonIdempotent || isIdempotentMethod(method);
}

export function decideRetry(outcome: Response | SDKBaseError, ctx: RetryContext): RetryDecision {
  return decide(outcome, ctx, { isRetryableStatus, isIdempotentMethod });
}
