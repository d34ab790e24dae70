/**
 * Whether to retry past one attempt's outcome, and after how long. One pure function,
 * so the rule the README states is the rule the code runs.
 */
import { ConnectionError, RequestAbortedError, type SDKBaseError } from "../errors.js";
import { backoffDelayMs } from "./backoff.js";
import type { RetryPolicy } from "./config.js";
import { serverRetryDelayMs } from "./retry-after.js";
import { isRetryableStatus } from "./status.js";
import { isIdempotentMethod } from "../wire-rules.js";

/** Statuses by which a server declines a request without acting on it. */
const DECLINED_STATUSES = new Set([429, 503]);
/** Connection failures that happen before a single byte of the request is sent. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

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

/** A connection error raised before the request left this machine. */
export function provablyNotSent(error: SDKBaseError): boolean {
  return error instanceof ConnectionError && error.code !== undefined && NOT_SENT_CODES.has(error.code);
}

export function decideRetry(outcome: Response | SDKBaseError, ctx: RetryContext): RetryDecision {
  const { policy } = ctx;
  if (policy.strategy !== "backoff") return { retry: false, reason: "retries are off" };
  if (outcome instanceof RequestAbortedError) return { retry: false, reason: "aborted by the caller" };
  const repeatable = isIdempotentCall(ctx.method, ctx.idempotent, policy);
  let serverDelayMs: number | undefined;
  let what: string;
  if (outcome instanceof Response) {
    what = `status ${outcome.status}`;
    if (!isRetryableStatus(outcome.status, policy.statusCodes)) return { retry: false, reason: `${what} is not retried` };
    if (!repeatable && !DECLINED_STATUSES.has(outcome.status)) {
      return { retry: false, reason: `${what} on ${ctx.method}: the server may have acted on it` };
    }
    serverDelayMs = serverRetryDelayMs(outcome.headers, ctx.nowMs);
  } else {
    what = outcome.name;
    if (!policy.retryConnectionErrors) return { retry: false, reason: `${what}: connection errors are not retried` };
    if (!repeatable && !provablyNotSent(outcome)) {
      return { retry: false, reason: `${what} on ${ctx.method}: the request may have reached the server` };
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
