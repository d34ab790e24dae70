/**
 * The public surface of @x/runtime, listed by name so that nothing becomes public by
 * accident: all of `@x/runtime/core` (core-entry.ts: what generated SDKs import, at run time
 * and in their types), and what only standalone code uses: the retry rule's helpers,
 * `createRetryingFetch`, `RetryBudget`, the retry defaults and the wire rules the generator
 * shares. Generated SDKs import `@x/runtime/core`, so an application does not bundle these
 * (SDKs generated before runtime 1.3 import this entry, and keep working).
 */
export * from "./core-entry.js";
export {
  resolveRetryPolicy,
  DEFAULT_INITIAL_INTERVAL_MS,
  DEFAULT_MAX_INTERVAL_MS,
  DEFAULT_EXPONENT,
  DEFAULT_MAX_ELAPSED_TIME_MS,
  DEFAULT_RETRY_CONNECTION_ERRORS,
  DEFAULT_RETRY_STATUS_CODES,
} from "./retry/config.js";
export { backoffDelayMs, JITTER_RATIO } from "./retry/backoff.js";
export { parseRetryAfterMs, serverRetryDelayMs } from "./retry/retry-after.js";
export { decideRetry, isIdempotentCall } from "./retry/decision.js";
export type { RetryContext, RetryDecision } from "./retry/decision.js";
export { isRetryableStatus } from "./retry/status.js";
export { createRetryingFetch } from "./retry/fetch.js";
export { RetryBudget } from "./retry/budget.js";
export type { RetryingFetchOptions } from "./retry/fetch.js";
export {
  isJsonMediaType,
  isLooseJsonMediaType,
  isTextMediaType,
  isFormMediaType,
  isMultipartMediaType,
  isQueryStringMediaType,
  bodyEncodingOf,
  responseKindOf,
  streamKindOf,
  isStreamKind,
  isIdempotentMethod,
  defaultStyle,
  defaultExplode,
} from "./wire-rules.js";
