/**
 * @x/sync-commerce: the Sync for Commerce API's connections operations.
 *
 * Everything generated from openapi/sync-commerce.yaml (the client, models, request types
 * and the ErrorMessage error), plus the runtime's error classes and option types
 * that callers branch on or annotate with.
 */
export * from "./generated/index.js";
export {
  APIError,
  APIPromise,
  ConnectionError,
  OAuth2TokenError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKBaseError,
  SDKError,
  SDKValidationError,
  type BackoffConfig,
  type DebugLogger,
  type HookContext,
  type Hooks,
  type RequestOptions,
  type ResponseValidationContext,
  type RetryConfig,
  type RetryInfo,
  type ValidateResponses,
  type ValidationIssue,
  type WithResponse,
} from "@x/runtime/core";
