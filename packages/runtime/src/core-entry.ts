/**
 * `@x/runtime/core`: what a generated SDK package imports, at run time and in its types. Its
 * module graph is the one every application built on an SDK loads at start-up, so it reaches no
 * lazy module statically (the retry decision, backoff and Retry-After parsing, the failure
 * path, pagination, tracing, the debug log, the validators): a module that a file of this graph
 * imports statically lands in the app's eager chunk, however rarely it runs. The main entry
 * (`index.ts`) re-exports all of this and adds what only standalone code uses (the retry
 * helpers, `createRetryingFetch`, `RetryBudget`, the wire rules), so the classes here are the
 * same objects whichever entry a caller imports them from.
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
// The option types of retries (ClientOptions' `retryConfig`, RequestOptions' `retries`, `onRetry`'s argument).
export type { BackoffConfig, RetryConfig, RetryPolicy } from "./retry/config.js";
export type { RetryBudgetConfig } from "./retry/budget.js";
export type { RetryInfo } from "./retry/fetch.js";
export type { BodyEncoding, ParameterLocation, ParameterStyle } from "./wire-rules.js";
