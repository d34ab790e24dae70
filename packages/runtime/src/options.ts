/** What users configure, on the client once and per call, and the defaults, resolved once. */
import { checkFields, isFunction, numberIn, type Check, type Table } from "./checks.js";
import type { ValidateResponses } from "./validation/contract.js";

export type { ResponseValidationContext, ValidateResponses } from "./validation/contract.js";
import type { SecuritySource } from "./auth/index.js";
import { HOOK_NAMES, type Hooks } from "./hooks.js";
import type { SDKDefinition } from "./definition.js";
import { isPlainObject } from "./guards.js";
import { MAX_TIMER_MS, resolveRetryPolicy, type RetryConfig, type RetryPolicy } from "./retry/config.js";
import { resolveServerURL, serverFiller } from "./server-url.js";
import type { ServerFiller } from "./feature-contract.js";
import type { TracerLike } from "./tracing/api.js";

/** Limit of each attempt, not of the whole call with its retries, in ms. */
export const DEFAULT_TIMEOUT_MS = 60_000;

const SECURITY: Check = [(value) => typeof value === "object" || isFunction(value), "be an object or a function returning one"];
const TIMEOUT = numberIn(Number.MIN_VALUE, MAX_TIMER_MS, `a number of ms in (0, ${MAX_TIMER_MS}]`);
const VALIDATE: Check = [(value) => value === "off" || value === "strict" || isFunction(value), 'be "off", "strict" or a function'];
const STRINGS: Check = [isPlainObject, "be an object of strings"];
const FUNCTION: Check = [isFunction, "be a function"];

const CLIENT_OPTIONS: Table = {
  security: SECURITY,
  serverURL: 0,
  serverIdx: [Number.isInteger, "be an integer"],
  serverVariables: STRINGS,
  retryConfig: 0,
  timeoutMs: TIMEOUT,
  fetch: FUNCTION,
  hooks: Object.fromEntries(HOOK_NAMES.map((name) => [name, FUNCTION])),
  debugLogger: [(value) => isFunction(value?.debug), "have a debug method, like console"],
  validateResponses: VALIDATE,
  tracer: [(value) => isFunction(value?.startSpan), "have a startSpan method"],
};

/** The options of one call (validate.ts checks them): `retries` when the policy is resolved, each header and `serverURL` there. */
export const CALL_OPTIONS: Table = {
  retries: 0,
  timeoutMs: TIMEOUT,
  signal: [(value) => value instanceof AbortSignal, "be an AbortSignal"],
  headers: STRINGS,
  security: SECURITY,
  serverURL: 0,
  contentType: 0,
  accept: 0,
  idleTimeoutMs: TIMEOUT,
  validateResponses: VALIDATE,
};

/** Where debug lines go; `console` is one. */
export interface DebugLogger {
  debug(message: string): void;
}

/**
 * `V` is the SDK's `ServerVariables` type: each `{variable}` of the spec's server URLs,
 * typed as a union of its enum values when the spec lists them.
 */
export interface ClientOptions<S, V extends object = Record<string, string | undefined>> {
  /**
   * Credentials, or a function returning them that is called before every attempt (so it
   * can rotate tokens); a field may be a function too. Fields left undefined or empty send
   * nothing. Which schemes are sent follows the operation's security requirements (see
   * the runtime's README, Security).
   * @default undefined — no credentials are sent
   */
  security?: S | (() => S | Promise<S>);
  /**
   * Base URL of the API, e.g. `https://api.example.com/v1`; overrides `serverIdx`.
   * A trailing slash is removed.
   * @default the spec's server at `serverIdx`
   */
  serverURL?: string;
  /**
   * Which of the spec's servers to use.
   * @default 0 (`DEFAULT_SERVER_IDX`), the spec's first server
   */
  serverIdx?: number;
  /**
   * Values of the `{variables}` in the spec's server URLs, e.g. `{ region: "us" }`; each
   * must be one of the variable's enum values when the spec lists them (checked at
   * construction). They fill the server at `serverIdx` and the servers of operations that
   * list their own. Ignored when `serverURL` is given.
   * @default the spec's default of each variable
   */
  serverVariables?: V;
  /**
   * Retry policy of every call; `backoff` fields left out fall back to the spec's.
   * @default the spec's policy (`x-speakeasy-retries`), or no retries when it has none
   */
  retryConfig?: RetryConfig;
  /**
   * Limit of each attempt in ms, response body included; retries get a fresh limit.
   * @default 60_000 (`DEFAULT_TIMEOUT_MS`)
   */
  timeoutMs?: number;
  /**
   * Sends one HTTP request; use it for proxies, test doubles or instrumentation.
   * @default `globalThis.fetch`, looked up on every request so stubs installed later apply
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Callbacks around each request.
   * @default no hooks
   */
  hooks?: Hooks;
  /**
   * Receives a line for each attempt (method, URL, headers), its outcome (status or
   * error, and time taken), and each retry decision with its delay. Credentials are
   * replaced by `[REDACTED]`: the `Authorization` header, headers and query parameters
   * named like a credential, and the spec's apiKey parameters. Pass `console` to see them.
   * @default no logging
   */
  debugLogger?: DebugLogger;
  /**
   * Checks each 2xx JSON body against the operation's documented schema: `"strict"` throws
   * ResponseValidationError, a function receives the issues and the call returns the data
   * as received. The validators are loaded the first time a call turns this on, never
   * before. A property or an enum value the spec does not list is never an issue.
   * @default "off"
   */
  validateResponses?: ValidateResponses;
  /**
   * An OpenTelemetry Tracer (`trace.getTracer("my-app")` of `@opentelemetry/api` 1.x): each
   * call gets a span named by its method path (`connections.get`), each HTTP attempt a child
   * span per the HTTP client semantic conventions, and `traceparent` goes out through the
   * global propagator. Credentials appear in no attribute. Tracing never fails a call.
   * @default no tracing, and the tracing code is not even loaded
   */
  tracer?: TracerLike;
}

/**
 * Options of one call; each overrides the client's. `S` is the SDK's `Security` type
 * (generated methods take `RequestOptions<Security>`); a plain `RequestOptions` sets no
 * `security` and fits every method.
 */
export interface RequestOptions<S = never> {
  /**
   * Credentials for this call only, in the client's `security` shape (an object or a
   * function returning one); they replace the client's, they are not merged.
   * @default the client's `security`
   */
  security?: SecuritySource<S>;
  /** @default the client's `retryConfig` */
  retries?: RetryConfig;
  /** Limit of each attempt in ms. @default the client's `timeoutMs` */
  timeoutMs?: number;
  /** Aborts the call, retries and the sleeps between them included. @default none */
  signal?: AbortSignal;
  /** Extra request headers; they override the SDK's own, credentials included. @default none */
  headers?: Record<string, string>;
  /**
   * Base URL for this call only; it wins over the client's server and the operation's own
   * servers. A trailing slash is removed.
   * @default the client's `serverURL` when given, else the operation's first server when it
   * lists servers, else the client's server
   */
  serverURL?: string;
  /**
   * For an operation whose success is a stream: the longest wait for more data once the
   * first byte arrived, in ms; the stream then rejects with RequestTimeoutError. (`timeoutMs`
   * covers each attempt up to the stream's first byte.)
   * @default no limit
   */
  idleTimeoutMs?: number;
  /** Response validation for this call (see ClientOptions). @default the client's `validateResponses` */
  validateResponses?: ValidateResponses;
}

/**
 * The media types of one call, for an operation whose body or success response the spec
 * lists under several: a generated method adds these to its options, typed as the unions of
 * that operation's media types. Kept out of RequestOptions, so one options object (a
 * `RequestOptions` constant) fits every method.
 */
export interface MediaOptions {
  /**
   * Media type to send the request body as, one of those the spec lists for it.
   * @default the spec's JSON media type when it has one, else its first
   */
  contentType?: string;
  /**
   * Media type to ask for (`Accept`), one of those the spec lists for the success
   * response; it decides what the call resolves to (parsed JSON, text, a Blob or a stream of items).
   * @default the spec's JSON media type when it has one, else its first
   */
  accept?: string;
}

/** @internal ClientOptions with every default applied. */
export interface ResolvedClientOptions<S> {
  security: SecuritySource<S> | undefined;
  serverURL: string;
  /** `serverURL` was given, so it wins over the servers an operation lists. */
  serverURLGiven: boolean;
  /** Fills the spec's servers (the client's and operations' own) from `serverVariables`. */
  server: ServerFiller;
  retryConfig: RetryConfig | undefined;
  retryPolicy: RetryPolicy;
  timeoutMs: number;
  /** Sends one attempt; given `init` only when `signalInInit`. */
  fetch: AttemptFetch;
  /**
   * The default fetch takes each attempt's abort signal in its `init`, so the Requests the
   * SDK builds carry none: fetch links a Request to a signal once rather than twice (see
   * BENCHMARKS.md). A caller's own `fetch` gets the signal on the Request, as documented.
   */
  signalInInit: boolean;
  hooks: Hooks;
  debugLogger: DebugLogger | undefined;
  validateResponses: ValidateResponses;
  tracer: TracerLike | undefined;
}

export type AttemptFetch = (request: Request, init?: { signal: AbortSignal }) => Promise<Response>;

/** @throws SDKValidationError naming the bad option; messages never quote a URL given by the user. */
export function resolveClientOptions<S>(definition: SDKDefinition, input: unknown): ResolvedClientOptions<S> {
  const at = definition.sdkName;
  const options = input === undefined ? {} : input;
  checkFields(at, options, CLIENT_OPTIONS, "options", "");
  const { fetch } = options;
  const server = serverFiller(definition, options.serverVariables);
  // The options as given (security, retryConfig, debugLogger, tracer…), each default applied.
  return {
    ...(options as ClientOptions<S>),
    serverURL: resolveServerURL(definition, options.serverURL, options.serverIdx, server),
    serverURLGiven: options.serverURL !== undefined,
    server,
    retryPolicy: resolveRetryPolicy(definition.retry, options.retryConfig, undefined, at),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: fetch ?? ((request: Request, init?: { signal: AbortSignal }) => globalThis.fetch(request, init)),
    signalInInit: fetch === undefined,
    hooks: options.hooks ?? {},
    validateResponses: options.validateResponses ?? "off",
  } as ResolvedClientOptions<S>;
}
