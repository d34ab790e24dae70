/**
 * Leaf: imports nothing.
 *
 * Everything the SDK throws. Users branch with `instanceof`; every class names itself
 * (a `name` field, or `this.name` in its constructor) because minifiers rename classes.
 *
 * Nothing here ever holds a credential: messages and `url` fields name the method and
 * the URL without its query string (where an apiKey may live), request headers are
 * never kept, and the core scrubs the credentials a call sent out of any response text
 * before it builds an error, since some servers echo request headers back.
 */
/** How much of a response body an error message quotes. */
const DETAIL_MAX_CHARS = 200;

/** The root of everything the SDK throws. */
export class SDKBaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SDKBaseError";
  }

  /**
   * What `JSON.stringify(error)` gives: name, message and the own enumerable data fields. What
   * would serialize to `{}` or be large is not enumerable: `cause` (as Error defines it), and
   * APIError's `headers` and `rawResponse`.
   */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) out[key] = value;
    return out;
  }
}

/** Where a call went and how often: enough to find it in server logs, never a credential. */
export interface RequestTarget {
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** Origin and path of the request; the query string is left out, it may carry an apiKey. */
  url: string;
  /** Attempts made, the first one included. */
  attempts: number;
}

/** What the core hands to an error class when a response has a non-2xx status. */
export interface APIErrorInit extends RequestTarget {
  response: Response;
  /** The body parsed as JSON, or its text when it is not JSON; credentials sent are scrubbed. */
  body: unknown;
  /** The body as text; credentials sent are scrubbed. */
  bodyText: string;
  /** How the user called the operation, e.g. `connections.get`. */
  methodPath: string;
}

/**
 * An HTTP response the SDK treats as an error: a non-2xx status (or, for `SDKError`,
 * a 2xx whose body is not what the operation promises).
 *
 * Generated classes for documented error schemas extend this one. Field names of this
 * class (`status`, `headers`, `body`, `bodyText`, `rawResponse`, `methodPath`, `method`,
 * `url`, `attempts`) and of `Error` (`name`, `message`, `stack`, `cause`) must not be
 * redeclared by a subclass: with ES2022 class fields a redeclared field is reset to
 * `undefined` after `super()`.
 */
export class APIError extends SDKBaseError implements RequestTarget {
  /** The HTTP status code. */
  declare readonly status: number;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The body parsed as JSON, or its text when it is not JSON. */
  declare readonly body: unknown;
  declare readonly bodyText: string;
  /** The response as received; its body has already been read, use `body` or `bodyText`. */
  declare readonly rawResponse: Response;
  declare readonly methodPath: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;
  /** The client's retry budget was empty, so this response, which would have been retried, was not. */
  declare readonly retryBudgetExhausted?: true;

  /**
   * @param detail what went wrong, for the message; the start of the body text instead when it is
   *   not a non-blank string (generated classes hand over a field of the parsed body as it came).
   */
  constructor(init: APIErrorInit, detail?: unknown, options?: { cause?: unknown }) {
    super(apiErrorMessage(init, detail), options);
    this.name = "APIError";
    this.status = init.response.status;
    // Not enumerable: logging or snapshotting the error prints its data, not two objects.
    hide(this, "headers", init.response.headers);
    this.body = init.body;
    this.bodyText = init.bodyText;
    hide(this, "rawResponse", init.response);
    this.methodPath = init.methodPath;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
  }
}

/** A new property that is not enumerable nor writable (defineProperty's defaults), but configurable. */
function hide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true });
}

function apiErrorMessage(init: APIErrorInit, detail: unknown): string {
  const { status, statusText } = init.response;
  const raw = typeof detail === "string" && detail.trim() !== "" ? detail : init.bodyText;
  const text = raw.replace(/\s+/g, " ").trim();
  const quoted = text.length > DETAIL_MAX_CHARS ? `${text.slice(0, DETAIL_MAX_CHARS)}…` : text;
  const tries = init.attempts > 1 ? ` after ${init.attempts} attempts` : "";
  const head = `${init.methodPath}: HTTP ${status}${statusText ? ` ${statusText}` : ""}${tries}`;
  return quoted ? `${head}: ${quoted}` : head;
}

/**
 * A response the SDK has no typed error for: a non-2xx status the spec does not
 * document, a documented one whose body is not JSON, or a 2xx whose body is not the
 * JSON the operation promises (then `cause` is the parser's error).
 */
export class SDKError extends APIError {
  // A field, not a constructor: APIError's constructor, fewer bytes in every app.
  override name = "SDKError";
}

/** A bad argument to an SDK call or client option; thrown before any request is sent. */
export class SDKValidationError extends SDKBaseError {
  /** The offending field, e.g. `connectionId` or `options.timeoutMs`. */
  declare readonly field?: string;
  override name = "SDKValidationError";

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/** What a transport error knows: where the call went, how often, and what failed. */
export interface TransportErrorInit extends RequestTarget {
  cause?: unknown;
}

/** The base of the errors raised when no usable response came. */
abstract class TransportError extends SDKBaseError implements RequestTarget {
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;
  /** The client's retry budget was empty, so this failure, which would have been retried, was not. */
  declare readonly retryBudgetExhausted?: true;

  constructor(message: string, init: TransportErrorInit) {
    super(message, { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
  }
}

/** The request never got a complete response: DNS, refused or reset connection, TLS and the like. */
export class ConnectionError extends TransportError {
  /** The system error code, e.g. `ECONNREFUSED`, when there is one. */
  declare readonly code?: string;
  override name = "ConnectionError";

  constructor(message: string, init: TransportErrorInit & { code?: string }) {
    super(message, init);
    this.code = init.code;
  }
}

/** An attempt took longer than `timeoutMs` (response headers and body included). */
export class RequestTimeoutError extends TransportError {
  /** The limit that was exceeded, in ms. */
  declare readonly timeoutMs: number;
  override name = "RequestTimeoutError";

  constructor(message: string, init: TransportErrorInit & { timeoutMs: number }) {
    super(message, init);
    this.timeoutMs = init.timeoutMs;
  }
}

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. */
export class RequestAbortedError extends TransportError {
  override name = "RequestAbortedError";
}

/**
 * A streamed response (see EventStream) sent an item that is not what the operation
 * promises: a line or record that is not JSON. The iteration rejects with it and the
 * connection is closed. A stream cut short rejects with ConnectionError, a stalled one with
 * RequestTimeoutError, an aborted one with RequestAbortedError.
 */
export class StreamError extends SDKBaseError implements RequestTarget {
  readonly methodPath: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** How many items the stream had yielded before this one. */
  readonly itemsRead: number;

  constructor(message: string, init: RequestTarget & { methodPath: string; itemsRead: number; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.name = "StreamError";
    this.methodPath = init.methodPath;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
    this.itemsRead = init.itemsRead;
  }
}

/** One way a response body differs from the spec's schema (see `validateResponses`). */
export interface ValidationIssue {
  /** A JSON pointer into the body, `""` for the body itself, e.g. `/results/0/status`. */
  readonly pointer: string;
  /** What the schema asks for there, e.g. `required property`, `string (date-time)`, `integer ≥ 1`. */
  readonly expected: string;
  /** A short description of what came (its type, the start of a string), when something came. */
  readonly received?: string;
}

/**
 * A 2xx response whose JSON body does not match the operation's documented schema, thrown
 * when the client or the call sets `validateResponses: "strict"`. Drift is not an issue: a
 * property or an enum value the spec does not list passes. `body` is the body as received
 * (credentials the call sent scrubbed); `issues` lists every difference, the message the
 * first few. Built by the validators (`@x/runtime/validation`), which the core loads only
 * when a call validates: this class is all an app that never validates bundles of it.
 */
export class ResponseValidationError extends SDKBaseError implements RequestTarget {
  /** The HTTP status of the response. */
  declare readonly status: number;
  /** The parsed JSON body as received. */
  declare readonly body: unknown;
  declare readonly issues: readonly ValidationIssue[];
  /** The spec's operationId, e.g. `get-connection`. */
  declare readonly operationId: string;
  declare readonly methodPath: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;

  // A field, not a constructor: the few bytes every app bundles, validating or not. The validators
  // build it (`Object.assign(new ResponseValidationError(message), fields)`).
  override name = "ResponseValidationError";
}

/**
 * The OAuth2 token endpoint did not give a token: a non-2xx status, a body that is not
 * JSON or has no `access_token`, or no response at all. Never holds the client secret.
 */
export class OAuth2TokenError extends SDKBaseError {
  /** The token endpoint's HTTP status; `undefined` when no response came. */
  readonly status?: number;
  /** The token endpoint, without its query string. */
  readonly tokenUrl: string;
  /** The endpoint's OAuth2 error code (`invalid_client`, …), when it gave one. */
  readonly error?: string;

  constructor(message: string, init: { tokenUrl: string; status?: number; error?: string; cause?: unknown }) {
    super(message, { cause: init.cause });
    this.name = "OAuth2TokenError";
    this.status = init.status;
    this.tokenUrl = init.tokenUrl;
    this.error = init.error;
  }
}
