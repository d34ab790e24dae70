/**
 * The one class generated SDKs talk to: each resource method hands `invoke` its
 * OperationSpec and the caller's arguments, and gets an APIPromise of the parsed body
 * or a typed error.
 */
import { APIPromise, type CallResult } from "./api-promise.js";
import { applySecurity, resolveSecurity, sensitiveHeaderValues, type AppliedSecurity, type SecurityContext } from "./auth/index.js";
import type { TokenCache } from "./auth/oauth2.js";
import type { SDKDefinition } from "./definition.js";
import type { ValidationModule } from "./validation/contract.js";
import type { RuntimeFeatures } from "./feature-contract.js";
import { ALL_FEATURES } from "./features.js";
import { ResponseValidationError, SDKBaseError, SDKError, SDKValidationError } from "./errors.js";
import type { FailureKit } from "./failure.js";
import { statusMatches } from "./retry/status.js";
import type { HookContext } from "./hooks.js";
import type { OperationSpec, PagingSpec } from "./operation.js";
import { resolveClientOptions, type ClientOptions, type MediaOptions, type RequestOptions, type ResolvedClientOptions } from "./options.js";
import { redactUrl, urlWithoutQuery } from "./redact.js";
import type { AttemptTracer } from "./tracing/index.js";
import { isStreamKind } from "./wire-rules.js";
import { missingFeature } from "./feature-contract.js";
import { NOT_JSON, parseSuccess, readableCopy } from "./response.js";
import { resolveRetryPolicy } from "./retry/config.js";
import { AttemptAbort } from "./retry/abort.js";
import { loadAttemptLog, runAttempts, type RetryingFetchOptions } from "./retry/fetch.js";
import { budgetExhausted, RetryBudget } from "./retry/budget.js";
import { validateRequest, validateRequestOptions } from "./validate.js";
import { bodyMedia, responseMedia, serializeBody, setsContentType } from "./body.js";
import { userAgentHeader } from "./user-agent.js";
import { serializeParams } from "./params/index.js";
import { buildRequest, type RequestParts } from "./request.js";
import { lazy } from "./lazy.js";

const decoder = new TextDecoder();
/** Lazy chunks of an app: tracing for a client given a tracer, a failed call's error, a validating call's scrubbing. */
const tracing = lazy(() => import("./tracing/index.js"));
const failures = lazy(() => import("./failure.js"));
const scrubbing = lazy(() => import("./scrub.js"));
const FAILURE_KIT: FailureKit = { SDKError, statusMatches };

/**
 * The core with the features its SDK's definition brings (`definition.features`, see
 * features.ts): what generated SDKs construct, so that an application bundles only the
 * auth schemes, parameter locations and body encodings its API uses.
 */
export class SDKCoreBase<S extends object = object> {
  readonly #definition: SDKDefinition;
  readonly #features: RuntimeFeatures;
  readonly #options: ResolvedClientOptions<S>;
  /** `User-Agent` (or `X-SDK-User-Agent` in a browser) and its value, sent with every request. */
  readonly #userAgent: readonly [string, string];
  /** OAuth2 client-credentials tokens, shared by every call of this client (when the SDK brings that feature). */
  readonly #tokens: TokenCache | undefined;
  /** Names of the headers, query parameters and cookies that carry apiKeys: scrubbed from logs and response URLs. */
  readonly #sensitiveNames: readonly string[];
  /** The client's retry budget, which its resources and standalone functions share; none with `budget: false`. */
  readonly #budget: RetryBudget | undefined;
  /** The SDK's response validators, once a call loaded them (a dynamic import per call costs ~0.1 ms in Node). */
  #validators: Promise<ValidationModule> | undefined;

  /** @throws SDKValidationError for a bad option, before anything is sent. */
  constructor(definition: SDKDefinition, options?: ClientOptions<S, object>) {
    this.#definition = definition;
    this.#features = definition.features ?? {};
    this.#tokens = this.#features.clientCredentials?.();
    this.#options = resolveClientOptions<S>(definition, options);
    const budget = this.#options.retryConfig?.budget;
    this.#budget = budget === false ? undefined : new RetryBudget(budget);
    this.#userAgent = userAgentHeader(definition.packageName, definition.sdkVersion);
    this.#sensitiveNames = definition.securitySchemes.flatMap((scheme) => {
      if (scheme.type !== "apiKey") return [];
      // A scheme the definition brings no feature for would be silently left out of every request.
      const feature = scheme.in === "header" ? undefined : (`${scheme.in}ApiKey` as const);
      if (feature && !this.#features[feature]) throw missingFeature(definition.sdkName, feature, `security.${scheme.field} (an apiKey in the ${scheme.in})`);
      return [scheme.name];
    });
  }

  /**
   * Sends one operation. Resolves to the parsed JSON body (`undefined` for an "empty"
   * operation); `.withResponse()` gives the response too. Rejects with
   * SDKValidationError before sending, a class from `op.errors` or SDKError for a bad
   * response, or ConnectionError / RequestTimeoutError / RequestAbortedError when no
   * response came; the client's `afterError` hook may replace any but the first.
   */
  invoke<T>(op: OperationSpec, request: unknown, options?: RequestOptions<unknown> & MediaOptions): APIPromise<T> {
    const { tracer } = this.#options;
    // The tracing module is loaded only for a client given a tracer (an application's bundler makes it a lazy chunk).
    return new APIPromise<T>(tracer
      ? tracing().then((module) => module.traceCall(tracer, op, (attempts) => this.#call<T>(op, request, options, attempts)), () => this.#call<T>(op, request, options))
      : this.#call<T>(op, request, options));
  }

  /**
   * Every item of every page of a paged list operation, fetched page by page as the
   * caller iterates; each page is one `invoke` with the same options. See pagination.ts.
   */
  async *paginate<Item>(op: OperationSpec, request: unknown, options: (RequestOptions<unknown> & MediaOptions) | undefined, paging: PagingSpec): AsyncIterableIterator<Item> {
    // An async generator's body runs on the first `next()`: a bad argument rejects it, and nothing is sent.
    const fields = validateRequest(op, request);
    // Loaded by the first iteration (an application's bundler makes it a lazy chunk): an app that pages nothing does not bundle it.
    yield* (await import("./pagination.js")).paginate<Item>(fields, paging, (page) => this.invoke(op, page, options));
  }

  async #call<T>(op: OperationSpec, request: unknown, options: (RequestOptions<unknown> & MediaOptions) | undefined, attempts?: AttemptTracer): Promise<CallResult<T>> {
    const at = op.methodPath;
    const call = validateRequestOptions(at, options);
    const fields = validateRequest(op, request);
    const resolved = this.#options;
    const { hooks } = resolved;
    const policy = call.retries === undefined
      ? resolved.retryPolicy
      : resolveRetryPolicy(this.#definition.retry, resolved.retryConfig, call.retries, at);
    const ctx: HookContext = { operationId: op.operationId, methodPath: at };
    /** Every credential the call sends, to scrub from what it shows; grows as providers rotate them. */
    const secrets = sensitiveHeaderValues(call.headers);
    const trace = { attempts: 0 };
    const log = resolved.debugLogger ? (line: string) => resolved.debugLogger?.debug(line) : undefined;
    // The attempts' lines are a lazy chunk, loaded only for a client given a debugLogger.
    const attemptLog = log && (await loadAttemptLog(log, this.#sensitiveNames));
    /** OAuth2 tokens from the cache that the latest attempt sent. */
    let cachedTokens: string[] = [];
    const body = op.body ? (fields[op.body.field] ?? undefined) : undefined;
    const media = op.body ? bodyMedia(op.body, call.contentType, at) : undefined;
    const wanted = responseMedia(op, call.accept);
    const stream = isStreamKind(wanted.response) ? wanted.response : undefined;
    const openStream = stream && this.#features.streams;
    if (stream && !openStream) throw missingFeature(this.#definition.sdkName, "streams", `${at}: a streamed response`);
    const serialized = body === undefined || !op.body || !media ? undefined : serializeBody(media, body, at, op.body.field, this.#features, this.#definition.sdkName);
    // The URL (path and query) from the parameters' styles.
    const wire = serializeParams(op, fields, this.#features, this.#definition.sdkName);
    // An unset idempotency key: one UUID for every attempt.
    const key = op.idempotencyHeader;
    if (key && !new Headers({ ...wire.headers, ...call.headers }).has(key)) wire.headers[key] = crypto.randomUUID();
    const baseUrl = operationBaseURL(op, call.serverURL, resolved);
    const timeoutMs = call.timeoutMs ?? resolved.timeoutMs;
    const source = call.security !== undefined ? call.security : resolved.security;
    const tokens = this.#tokens;
    const securityContext: SecurityContext = {
      schemes: this.#definition.securitySchemes,
      requirements: op.security ?? this.#definition.security,
      serverURL: baseUrl,
      features: this.#features,
      tokens,
      tokenFetch: { fetch: resolved.fetch, timeoutMs, context: this.#definition.sdkName, log },
    };
    const loopOptions: RetryingFetchOptions = {
      fetch: resolved.fetch,
      signalInInit: resolved.signalInInit,
      policy,
      timeoutMs,
      idempotent: op.idempotent || !!key,
      methodPath: at,
      trace,
      budget: this.#budget,
      // One attempt's request with its credentials, then the `beforeRequest` hook's say.
      prepare: async (attemptRequest, attempt) => {
        const security = await applySecurity(securityContext, typeof source === "function" ? await resolveSecurity(source) : source);
        secrets.push(...security.secrets);
        cachedTokens = security.cachedTokens;
        const prepared = await withCredentials(attemptRequest, security, call.headers, this.#features);
        const replaced = await hooks.beforeRequest?.call(hooks, ctx, prepared, { attempt });
        return replaced instanceof Request ? replaced : prepared;
      },
      // A 401 on a cached OAuth2 token: drop it, and the loop makes one more attempt with a fresh one.
      // Without OAuth2 a 401 is final at once (the loop's tail is not loaded for it).
      reauthorize: tokens && (() => {
        for (const token of cachedTokens) tokens.invalidate(token);
        return cachedTokens.length > 0;
      }),
      onAttempt: attempts,
      onRetry: (info) => hooks.beforeRetry?.call(hooks, ctx, info),
      attemptLog,
      sensitiveNames: this.#sensitiveNames,
      stream: stream !== undefined,
    };
    // The first attempt's abort: its signal goes into the call's Request (for a caller's fetch)
    // or into the default fetch's init; the loop sends that Request as it is.
    const abort = new AttemptAbort(call.signal, timeoutMs);
    let result: CallResult<T>;
    /** A stream holds the first attempt (its caller signal) until it ends. */
    let streaming = false;
    try {
      const parts: RequestParts = {
        method: op.method,
        baseUrl,
        url: wire.url,
        headers: [
          {
            Accept: wanted.mediaType,
            [this.#userAgent[0]]: this.#userAgent[1],
            ...(serialized !== undefined && media && setsContentType(media) ? { "Content-Type": media.mediaType } : {}),
          },
          // Cookie parameters come with their feature, which merges them into the caller's Cookie header.
          wire.cookies.length > 0 ? this.#features.cookieParameters!.withCookies(call.headers, wire.cookies) : call.headers,
          wire.headers,
        ],
        body: serialized,
      };
      // With the default fetch the loop hands it the signal; a caller's fetch finds it on the Request.
      const request = buildRequest(parts, resolved.signalInInit ? undefined : abort.signal);
      // A retry's Request is built afresh (a stream body, which can be read only once, is teed by the loop instead).
      const rebuild = serialized instanceof ReadableStream ? undefined : (signal: AbortSignal | undefined) => buildRequest(parts, signal);
      // The loop sends it (and any retry) and reads the final body under the attempt's timeout.
      const outcome = await runAttempts(loopOptions, request, { abort, callerSignal: call.signal, rebuild });
      const { bytes, lease } = outcome;
      // A response whose URL holds a credential is shown redacted.
      const received = outcome.response.url;
      const url = redactUrl(received, this.#sensitiveNames);
      const response = url === received ? outcome.response : readableCopy(outcome.response, bytes ?? null, url);
      const target = () => ({ method: op.method.toUpperCase(), url: urlWithoutQuery(response.url), attempts: trace.attempts });
      // An error's body is text whatever the success would have been (a Blob, a stream): its JSON and typed fields come from it.
      if (!response.ok) {
        const error = (await failures()).errorFor(FAILURE_KIT, op, response, bytes === undefined ? "" : decoder.decode(bytes), target(), secrets);
        throw outcome.exhausted ? budgetExhausted(error) : error;
      }
      if (lease && openStream) {
        streaming = true;
        const items = openStream(outcome.response.body, stream!, lease, { methodPath: at, target, idleTimeoutMs: call.idleTimeoutMs, log });
        result = { data: items as T, response, body: null };
      } else {
        const raw = bytes === undefined ? "" : wanted.response === "binary" ? new Blob([bytes], { type: response.headers.get("content-type") ?? "" }) : decoder.decode(bytes);
        const as = wanted.response === op.response ? op : { ...op, response: wanted.response };
        const data = parseSuccess<T>(as, raw, response);
        if (data === NOT_JSON) throw (await failures()).notJson(FAILURE_KIT, as, response, raw as string, target(), secrets);
        result = { data, response, body: raw };
        const mode = call.validateResponses ?? resolved.validateResponses;
        if (mode !== "off" && as.response === "json") {
          // Kept once loaded (an import() per call costs ~0.1 ms in Node); a load that failed fails the calls that validate.
          const [validators, { redactValue }] = await Promise.all([(this.#validators ??= this.#definition.validation?.()), scrubbing()]);
          validators?.checkResponse(mode, op, result.data, response, target, (value) => redactValue(value, secrets), ResponseValidationError);
        }
      }
    } catch (error) {
      throw await afterError(resolved.hooks, ctx, error);
    } finally {
      if (!streaming) abort.release();
    }
    try {
      await hooks.afterSuccess?.call(hooks, ctx, readableCopy(result.response, result.body));
    } catch (error) {
      // A stream nobody will read must not hold its connection.
      if (streaming) await (result.data as AsyncIterator<unknown>).return?.();
      throw error;
    }
    return result;
  }
}

/**
 * The core with every feature, whatever the definition lists: what SDKs generated before
 * features existed construct (runtime 1.2 and earlier), so they keep working unchanged.
 */
export class SDKCore<S extends object = object> extends SDKCoreBase<S> {
  /** @throws SDKValidationError for a bad option, before anything is sent. */
  constructor(definition: SDKDefinition, options?: ClientOptions<S, object>) {
    super({ ...definition, features: ALL_FEATURES }, options);
  }
}

/**
 * Where one call goes: the call's `serverURL`, else the client's when it was given, else
 * the operation's first server (variables filled from the client's `serverVariables`),
 * else the client's server.
 */
function operationBaseURL(op: OperationSpec, callURL: string | undefined, resolved: ResolvedClientOptions<object>): string {
  if (callURL !== undefined) return callURL;
  const own = op.servers?.[0];
  if (resolved.serverURLGiven || own === undefined) return resolved.serverURL;
  return resolved.server(own, op.methodPath, `the operation's server`, "serverVariables");
}

/** The client's `afterError` hook may replace an error of a call that was attempted. */
async function afterError(hooks: ResolvedClientOptions<object>["hooks"], ctx: HookContext, error: unknown): Promise<unknown> {
  if (!hooks.afterError || !(error instanceof SDKBaseError) || error instanceof SDKValidationError) return error;
  const mapped = await hooks.afterError.call(hooks, ctx, error);
  return mapped instanceof Error ? mapped : error;
}

/**
 * Sets the credentials on one attempt's request. Headers the caller set for this call
 * win over the client's credentials. apiKeys in a cookie or the query are features.
 */
function withCredentials(request: Request, security: AppliedSecurity, callHeaders: Record<string, string> | undefined, features: RuntimeFeatures): Request | Promise<Request> {
  const overridden = callHeaders === undefined ? undefined : new Set(Object.keys(callHeaders).map((name) => name.toLowerCase()));
  for (const name in security.headers) {
    if (!overridden?.has(name.toLowerCase())) request.headers.set(name, security.headers[name]!);
  }
  // Each is there when the spec has such a scheme (checked when the client is constructed).
  features.cookieApiKey?.(request, security.cookies, overridden);
  return features.queryApiKey?.(request, security.query) ?? request;
}
