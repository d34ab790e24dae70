/**
 * The one class generated SDKs talk to: each resource method hands `invoke` its
 * OperationSpec and the caller's arguments, and gets the parsed body or a typed error.
 */
import openapiFetch, { type Middleware } from "openapi-fetch";
import { applySecurity, resolveSecurity, sensitiveHeaderValues } from "./auth.js";
import { SDKError, registerSecrets, type APIError } from "./errors.js";
import { hooksMiddleware, type HookContext } from "./hooks.js";
import type { ErrorClass, OperationSpec, SDKDefinition } from "./operation.js";
import { resolveClientOptions, type ClientOptions, type RequestOptions, type ResolvedClientOptions } from "./options.js";
import { resolveRetryPolicy } from "./retry/config.js";
import { createRetryingFetch } from "./retry/fetch.js";
import { statusMatches } from "./retry/status.js";
import { validateRequest, validateRequestOptions } from "./validate.js";

/** openapi-fetch's `request` without the path-typing generics, which need a generated `paths` type. */
type UntypedRequest = (
  method: string,
  url: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; response: Response }>;

type Params = Record<"path" | "query" | "header", Record<string, unknown>>;

/**
 * openapi-fetch's CJS build puts createClient on `exports.default`, and our CJS bundle
 * imports it the way Node does (the whole `exports` object), so unwrap it there.
 */
const createClient =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

export class SDKCore<S extends object = object> {
  readonly #definition: SDKDefinition;
  readonly #options: ResolvedClientOptions<S>;
  readonly #request: UntypedRequest;

  /** @throws SDKValidationError for a bad option, before anything is sent. */
  constructor(definition: SDKDefinition, options?: ClientOptions<S>) {
    this.#definition = definition;
    this.#options = resolveClientOptions<S>(definition, options);
    const client = createClient({ baseUrl: this.#options.serverURL });
    this.#request = client.request as unknown as UntypedRequest;
  }

  /**
   * Sends one operation. Resolves to the parsed JSON body (`undefined` for an "empty"
   * operation); throws SDKValidationError before sending, a class from `op.errors` or
   * SDKError for a bad response, or ConnectionError / RequestTimeoutError /
   * RequestAbortedError when no response came.
   */
  async invoke<T>(op: OperationSpec, request: unknown, options?: RequestOptions): Promise<T> {
    const at = op.methodPath;
    const call = validateRequestOptions(at, options);
    const fields = validateRequest(op, request);
    const resolved = this.#options;
    const policy = call.retries === undefined
      ? resolved.retryPolicy
      : resolveRetryPolicy(this.#definition.retry, resolved.retryConfig, call.retries, at);
    const security = applySecurity(
      this.#definition.securitySchemes,
      await resolveSecurity(resolved.security),
      this.#definition.sdkName,
    );
    const params = buildParams(op, fields);
    Object.assign(params.query, security.query);
    const body = op.body ? (fields[op.body.field] ?? undefined) : undefined;

    const ctx: HookContext = { operationId: op.operationId, methodPath: at };
    const { beforeRetry } = resolved.hooks;
    const captured: { errorText?: string } = {};
    const { data, response } = await this.#request(op.method, op.path, {
      params,
      body,
      headers: {
        Accept: "application/json",
        ...(body !== undefined && op.body ? { "Content-Type": op.body.mediaType } : {}),
        ...security.headers,
        ...call.headers,
      },
      signal: call.signal,
      fetch: createRetryingFetch({
        fetch: resolved.fetch,
        policy,
        timeoutMs: call.timeoutMs ?? resolved.timeoutMs,
        methodPath: at,
        onRetry: beforeRetry ? (info) => beforeRetry.call(resolved.hooks, ctx, info) : undefined,
      }),
      middleware: [...hooksMiddleware(resolved.hooks, ctx), captureErrorText(captured)],
      parseAs: "text",
    });

    registerSecrets(response, [...security.secrets, ...sensitiveHeaderValues(call.headers)]);
    if (response.ok) return parseSuccess<T>(op, data, response);
    throw errorFor(op, response, captured.errorText ?? "");
  }
}

/** Maps request fields to wire names; `undefined` and `null` send nothing. */
function buildParams(op: OperationSpec, fields: Record<string, unknown>): Params {
  const params: Params = { path: {}, query: {}, header: {} };
  for (const param of op.parameters) {
    const value = fields[param.field];
    if (value === undefined || value === null) continue;
    // openapi-fetch would serialize a Date as an empty object.
    params[param.in][param.name] = value instanceof Date ? value.toISOString() : value;
  }
  return params;
}

/**
 * openapi-fetch parses an error body itself and keeps no text; this copy keeps the exact
 * text for `bodyText`. The response is already in memory (see createRetryingFetch).
 */
function captureErrorText(captured: { errorText?: string }): Middleware {
  return {
    async onResponse({ response }) {
      if (!response.ok) captured.errorText = await response.clone().text();
    },
  };
}

function parseSuccess<T>(op: OperationSpec, data: unknown, response: Response): T {
  if (op.response === "empty") return undefined as T;
  const text = typeof data === "string" ? data : "";
  const init = { response, body: text, bodyText: text, methodPath: op.methodPath };
  if (text.trim() === "") throw new SDKError(init, "expected a JSON body, got an empty one");
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new SDKError(init, "response body is not valid JSON");
  }
}

/** A documented class only for a JSON body: its typed fields mean nothing for anything else. */
function errorFor(op: OperationSpec, response: Response, bodyText: string): APIError {
  let parsed: { value: unknown } | undefined;
  try {
    parsed = bodyText.trim() === "" ? undefined : { value: JSON.parse(bodyText) };
  } catch {
    parsed = undefined;
  }
  const init = { response, body: parsed ? parsed.value : bodyText, bodyText, methodPath: op.methodPath };
  const DocumentedError = parsed ? findErrorClass(op.errors, response.status) : undefined;
  return DocumentedError ? new DocumentedError(init) : new SDKError(init);
}

/** The exact status first, then its range (`"4XX"`), then `"default"`. */
function findErrorClass(errors: Readonly<Record<string, ErrorClass>>, status: number): ErrorClass | undefined {
  const keys = Object.keys(errors);
  const exact = keys.find((key) => key.trim() === String(status));
  const range = keys.find((key) => /^[1-5]XX$/i.test(key.trim()) && statusMatches(status, key));
  const key = exact ?? range ?? (keys.includes("default") ? "default" : undefined);
  return key === undefined ? undefined : errors[key];
}
