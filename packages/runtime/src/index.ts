/**
 * The public surface of @x/runtime, listed by name so that nothing becomes public by
 * accident. Generated SDKs use SDKCoreBase with the features their spec needs (SDKs generated
 * for runtime 1.2 use SDKCore, which has them all), the contract types and the error classes.
 */
export { SDKCore, SDKCoreBase } from "./core.js";
export {
  basicAuth,
  clientCredentials,
  queryApiKey,
  cookieApiKey,
  queryParameters,
  querystringParameters,
  headerParameters,
  cookieParameters,
  textBody,
  formBody,
  multipartBody,
  binaryBody,
  serverVariables,
  streams,
} from "./features.js";
export { EventStream } from "./streams/index.js";
export type { ServerSentEvent } from "./streams/index.js";
export type { BodyEncoder, RuntimeFeatures } from "./features.js";
export { APIPromise } from "./api-promise.js";
export type { WithResponse } from "./api-promise.js";
export type { AllOfShape, AnyShape, ArrayShape, BooleanShape, NullShape, NumberShape, ObjectShape, OperationShape, ParameterShape, RefShape, Shape, Shapes, StringShape, UnionShape } from "./shape.js";
export {
  SDKBaseError,
  APIError,
  SDKError,
  SDKValidationError,
  ConnectionError,
  RequestTimeoutError,
  RequestAbortedError,
  OAuth2TokenError,
  StreamError,
  ResponseValidationError,
} from "./errors.js";
export type { APIErrorInit, RequestTarget, TransportErrorInit, ValidationIssue } from "./errors.js";
export type { SecuritySource } from "./auth/index.js";
export type { TokenSource } from "./auth/bearer.js";
export { TOKEN_EXPIRY_MARGIN_MS } from "./auth/oauth2.js";
export type { Hooks, HookContext } from "./hooks.js";
export { DEFAULT_TIMEOUT_MS } from "./options.js";
export { RUNTIME_VERSION } from "./generated/version.js";
export { BROWSER_USER_AGENT_HEADER, USER_AGENT_HEADER, userAgentHeader } from "./user-agent.js";
export { DEFAULT_SERVER_IDX } from "./server-url.js";
export type { ClientOptions, DebugLogger, MediaOptions, RequestOptions, ResponseValidationContext, ValidateResponses } from "./options.js";
export type { AttributeValue, ContextLike, SpanLike, SpanOptionsLike, TracerLike } from "./tracing/api.js";
export type { SDKDefinition } from "./definition.js";
export type { ValidationModule } from "./validation/contract.js";
export type {
  HttpMethod,
  CustomMethod,
  OperationSpec,
  ParameterSpec,
  ParameterConstraints,
  BodySpec,
  BodyMediaSpec,
  FieldEncodingSpec,
  ResponseKind,
  StreamKind,
  ErrorClass,
  SecuritySchemeSpec,
  ApiKeySchemeSpec,
  SecurityRequirementSpec,
  ServerSpec,
  ServerVariableSpec,
  SpecRetryPolicy,
  PagingSpec,
} from "./operation.js";
export {
  resolveRetryPolicy,
  DEFAULT_INITIAL_INTERVAL_MS,
  DEFAULT_MAX_INTERVAL_MS,
  DEFAULT_EXPONENT,
  DEFAULT_MAX_ELAPSED_TIME_MS,
  DEFAULT_RETRY_CONNECTION_ERRORS,
  DEFAULT_RETRY_STATUS_CODES,
} from "./retry/config.js";
export type { BackoffConfig, RetryConfig, RetryPolicy } from "./retry/config.js";
export { backoffDelayMs, JITTER_RATIO } from "./retry/backoff.js";
export { parseRetryAfterMs, serverRetryDelayMs } from "./retry/retry-after.js";
export { decideRetry, isIdempotentCall } from "./retry/decision.js";
export type { RetryContext, RetryDecision } from "./retry/decision.js";
export { isRetryableStatus } from "./retry/status.js";
export { createRetryingFetch } from "./retry/fetch.js";
export { RetryBudget } from "./retry/budget.js";
export type { RetryBudgetConfig } from "./retry/budget.js";
export type { RetryingFetchOptions, RetryInfo } from "./retry/fetch.js";
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
export type { BodyEncoding, ParameterLocation, ParameterStyle } from "./wire-rules.js";
