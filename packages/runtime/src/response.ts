/** Turning a final response into the call's data or its typed error. */
import { SDKError, type APIError, type APIErrorInit, type RequestTarget } from "./errors.js";
import type { ErrorClass, OperationSpec } from "./operation.js";
import { redactValue, scrubber } from "./redact.js";
import { statusMatches } from "./retry/status.js";
import { isLooseJsonMediaType } from "./wire-rules.js";

/** Statuses whose Response must be constructed with a null body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A copy of `response` (body already read) whose body is `content` and can be read
 * again; `url` replaces the response's (a constructed Response has an empty one).
 */
export function readableCopy(response: Response, content: BodyInit | null, url = response.url): Response {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : content;
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  Object.defineProperties(copy, { url: { value: url }, redirected: { value: response.redirected } });
  return copy;
}

/** What an error is built from: the response, its text scrubbed of `secrets`, where the call went. */
function errorInit(op: OperationSpec, response: Response, text: string, target: RequestTarget, secrets: readonly string[]): APIErrorInit & { parsed?: { value: unknown }; parseError?: SyntaxError } {
  let parsed: { value: unknown } | undefined;
  let parseError: SyntaxError | undefined;
  try {
    parsed = text.trim() === "" ? undefined : { value: JSON.parse(text) };
  } catch (error) {
    parseError = safeSyntaxError(error);
  }
  const scrub = scrubber(secrets);
  const bodyText = scrub(text);
  // Without escapes every string of the parsed value is a piece of the text, so a text with
  // no credential in it needs no walk of the value.
  const clean = bodyText === text && !text.includes("\\");
  const body = parsed ? (clean ? parsed.value : redactValue(parsed.value, scrub)) : bodyText;
  return { response, body, bodyText, methodPath: op.methodPath, ...target, parsed, parseError };
}

/**
 * The data of a 2xx: the parsed JSON, the text, a Blob, or `undefined` for an "empty"
 * operation, as the operation's `response` says.
 * @throws SDKError carrying the raw text (and the parser's error as `cause`) when the
 *   body is not the JSON the operation promises.
 */
export function parseSuccess<T>(op: OperationSpec, raw: string | Blob, response: Response, target: () => RequestTarget, secrets: readonly string[]): T {
  if (op.response === "empty") return undefined as T;
  if (op.response === "binary") return (raw instanceof Blob ? raw : new Blob([raw])) as T;
  const text = typeof raw === "string" ? raw : "";
  if (op.response === "text") return text as T;
  if (op.response === "unknown") return undocumentedBody(text, response) as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // Reported below (an empty body included), with the text scrubbed.
  }
  const { parseError, ...init } = errorInit(op, response, text, target(), secrets);
  // An empty body has no parser's error: no `cause` then.
  throw new SDKError(init, `response body is ${parseError ? "not valid" : "empty, not"} JSON`, parseError && { cause: parseError });
}

/** A success the spec says nothing about: `undefined` when empty, JSON when it parses as such, else the text. */
function undocumentedBody(text: string, response: Response): unknown {
  // The loose test (wire-rules.ts): `application/json-seq` and `application/json ; charset=utf-8` count too.
  if (text !== "" && isLooseJsonMediaType(response.headers.get("content-type") ?? "")) {
    try {
      return JSON.parse(text);
    } catch {
      // Not JSON after all: the text.
    }
  }
  return text === "" ? undefined : text;
}

/**
 * The parser's error without its message, which quotes the body (a credential a server
 * echoed included): only the position survives.
 */
function safeSyntaxError(error: unknown): SyntaxError {
  const position = /position (\d+)/.exec(String(error))?.[1];
  return new SyntaxError(`invalid JSON${position ? ` at position ${position}` : ""}`);
}

/** A documented class only for a JSON body: its typed fields mean nothing for anything else. */
export function errorFor(op: OperationSpec, response: Response, text: string, target: RequestTarget, secrets: readonly string[]): APIError {
  const { parsed, parseError: _parseError, ...init } = errorInit(op, response, text, target, secrets);
  const DocumentedError = parsed ? findErrorClass(op.errors, response.status) : undefined;
  return DocumentedError ? new DocumentedError(init) : new SDKError(init);
}

/** The exact status first, then its range (`"4XX"`), then `"default"`. */
function findErrorClass(errors: Readonly<Record<string, ErrorClass>>, status: number): ErrorClass | undefined {
  const keys = Object.keys(errors);
  // A status is three digits, so what statusMatches finds after the exact key is a range.
  return errors[keys.find((key) => key.trim() === String(status)) ?? keys.find((key) => statusMatches(status, key)) ?? "default"];
}
