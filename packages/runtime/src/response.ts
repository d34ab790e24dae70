/** Turning a final response into the call's data (its typed error is failure.ts's). */
import type { OperationSpec } from "./operation.js";
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

/** What parseSuccess returns for a body that is not the JSON its operation promises. */
export const NOT_JSON: unique symbol = Symbol("not JSON");

/**
 * The data of a 2xx: the parsed JSON, the text, a Blob, or `undefined` for an "empty"
 * operation, as the operation's `response` says; NOT_JSON when the body is not the JSON the
 * operation promises (failure.ts's `notJson` is the error then).
 */
export function parseSuccess<T>(op: OperationSpec, raw: string | Blob, response: Response): T | typeof NOT_JSON {
  if (op.response === "empty") return undefined as T;
  if (op.response === "binary") return (raw instanceof Blob ? raw : new Blob([raw])) as T;
  const text = typeof raw === "string" ? raw : "";
  if (op.response === "text") return text as T;
  if (op.response === "unknown") return undocumentedBody(text, response) as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    return NOT_JSON;
  }
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
