/**
 * Everything the SDK throws. Users branch with `instanceof`; every class sets
 * `this.name` itself because minifiers rename classes.
 *
 * Messages never carry credentials: they name the method path, the HTTP method
 * and the URL path only (never a query string, where an apiKey may live, nor
 * request headers), and text taken from a response body is scrubbed of the
 * credentials the call sent, since some servers echo request headers back.
 */

/** How much of a response body an error message quotes. */
const DETAIL_MAX_CHARS = 200;
/** Parts of a credential shorter than this are not scrubbed on their own ("Bearer", "Basic"). */
const MIN_SECRET_PART_CHARS = 8;
const REDACTED = "[REDACTED]";

/**
 * Credentials sent by the call that produced a response. Keyed by the Response so that
 * generated error classes, whose constructor takes only `APIErrorInit`, get scrubbed
 * messages without knowing anything about credentials.
 */
const secretsByResponse = new WeakMap<Response, readonly string[]>();

/** @internal Called by the core before it builds an error from `response`. */
export function registerSecrets(response: Response, secrets: readonly string[]): void {
  const parts = secrets.flatMap((secret) => [
    secret,
    ...secret.split(/\s+/).filter((part) => part.length >= MIN_SECRET_PART_CHARS),
  ]);
  // Longest first, so a whole credential is replaced before its parts are looked for.
  const unique = [...new Set(parts.filter((part) => part !== ""))].sort((a, b) => b.length - a.length);
  secretsByResponse.set(response, unique);
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** The root of everything the SDK throws. */
export class SDKBaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SDKBaseError";
  }
}

/** What the core hands to an error class when a response has a non-2xx status. */
export interface APIErrorInit {
  response: Response;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
  bodyText: string;
  /** How the user called the operation, e.g. `connections.get`. */
  methodPath: string;
}

/**
 * An HTTP response the SDK treats as an error: a non-2xx status (or, for `SDKError`,
 * a 2xx whose body is not what the operation promises).
 *
 * Generated classes for documented error schemas extend this one. Field names of this
 * class (`status`, `headers`, `body`, `bodyText`, `rawResponse`, `methodPath`) and of
 * `Error` (`name`, `message`, `stack`, `cause`) must not be redeclared by a subclass:
 * with ES2022 class fields a redeclared field is reset to `undefined` after `super()`.
 */
export class APIError extends SDKBaseError {
  /** The HTTP status code. */
  readonly status: number;
  readonly headers: Headers;
  /** The body parsed as JSON, or its text when it is not JSON. */
  readonly body: unknown;
  readonly bodyText: string;
  /** The response as received; its body has already been read, use `body` or `bodyText`. */
  readonly rawResponse: Response;
  readonly methodPath: string;

  /** @param detail what went wrong, for the message; defaults to the start of the body text. */
  constructor(init: APIErrorInit, detail?: string) {
    super(apiErrorMessage(init, detail));
    this.name = "APIError";
    this.status = init.response.status;
    this.headers = init.response.headers;
    this.body = init.body;
    this.bodyText = init.bodyText;
    this.rawResponse = init.response;
    this.methodPath = init.methodPath;
  }
}

function apiErrorMessage(init: APIErrorInit, detail: string | undefined): string {
  const secrets = secretsByResponse.get(init.response) ?? [];
  const { status, statusText } = init.response;
  // `detail` comes from a parsed body in generated code, so it may not be a string at runtime.
  const raw = typeof detail === "string" && detail.trim() !== "" ? detail : init.bodyText;
  // Scrub before truncating, so a credential cut at the limit cannot leave its prefix behind.
  const text = redact(raw.replace(/\s+/g, " ").trim(), secrets);
  const quoted = text.length > DETAIL_MAX_CHARS ? `${text.slice(0, DETAIL_MAX_CHARS)}…` : text;
  const head = `${init.methodPath}: HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
  return redact(quoted ? `${head}: ${quoted}` : head, secrets);
}

/**
 * A response the SDK has no typed error for: a non-2xx status the spec does not
 * document, a documented one whose body is not JSON, or a 2xx whose body is not the
 * JSON the operation promises.
 */
export class SDKError extends APIError {
  constructor(init: APIErrorInit, detail?: string) {
    super(init, detail);
    this.name = "SDKError";
  }
}

/** A bad argument to an SDK call or client option; thrown before any request is sent. */
export class SDKValidationError extends SDKBaseError {
  /** The offending field, e.g. `connectionId` or `options.timeoutMs`. */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = "SDKValidationError";
    this.field = field;
  }
}

/** The request never got a response: DNS, refused or reset connection, TLS and the like. */
export class ConnectionError extends SDKBaseError {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = "ConnectionError";
  }
}

/** An attempt took longer than `timeoutMs` (response headers and body included). */
export class RequestTimeoutError extends SDKBaseError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RequestTimeoutError";
  }
}

/** The caller's `AbortSignal` fired; `cause` is the signal's reason. */
export class RequestAbortedError extends SDKBaseError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RequestAbortedError";
  }
}
