/**
 * Header parameters (`simple`, the only style for headers) and cookie parameters
 * (`form`, the only style for cookies), as the OpenAPI specification's style table
 * shows them. Header values are not percent-encoded; cookie values are.
 */
import { SDKValidationError } from "../errors.js";
import { isValidHeaderValue } from "../guards.js";
import { encodeComponent as enc, flatten, shapeOf } from "./encode.js";

/**
 * A header's value: `blue`, `blue,black,brown`, `R,100,G,200` or (explode) `R=100,G=200`.
 * Given `at` and `field`, a value no HTTP header can carry (a newline) is refused, before
 * sending, with a message naming the parameter, never the value.
 */
export function serializeHeaderParam(value: unknown, explode = false, at?: string, field?: string): string {
  const shape = shapeOf(value);
  const header = shape.kind === "primitive" ? shape.value : shape.kind === "array" ? shape.items.join(",") : explode ? shape.entries.map(([k, v]) => `${k}=${v}`).join(",") : flatten(shape.entries).join(",");
  if (at !== undefined && !isValidHeaderValue(header)) throw new SDKValidationError(`${at}: header parameter "${field}" is not a valid HTTP header value`, field);
  return header;
}

/**
 * A cookie parameter's `name=value` pairs for the `Cookie` header: `color=blue`,
 * `color=blue,black,brown` (explode false), or one pair per item or property
 * (explode true, the default), the pairs of a `Cookie` header being separated by `; `.
 */
export function serializeCookieParam(name: string, value: unknown, explode = true): string[] {
  const shape = shapeOf(value);
  const n = enc(name);
  if (shape.kind === "primitive") return [`${n}=${enc(shape.value)}`];
  if (shape.kind === "array") {
    if (shape.items.length === 0) return [];
    return explode ? shape.items.map((v) => `${n}=${enc(v)}`) : [`${n}=${shape.items.map(enc).join(",")}`];
  }
  if (shape.entries.length === 0) return [];
  return explode ? shape.entries.map(([k, v]) => `${enc(k)}=${enc(v)}`) : [`${n}=${flatten(shape.entries).map(enc).join(",")}`];
}

/** Cookie pairs joined into one `Cookie` value, followed by the caller's own `Cookie` header if any. */
export function cookieHeader(pairs: readonly string[], callerCookie: string | undefined): string | undefined {
  const parts = [...pairs, ...(callerCookie?.trim() ? [callerCookie.trim()] : [])];
  return parts.length > 0 ? parts.join("; ") : undefined;
}

/**
 * The caller's per-call headers with the cookie parameters' pairs merged into its
 * `Cookie` header (whatever its case), or as is when there are none.
 */
export function withCookies(headers: Readonly<Record<string, string>> | undefined, pairs: readonly string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return headers as Record<string, string> | undefined;
  const rest: Record<string, string> = {};
  let caller: string | undefined;
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === "cookie") caller = value;
    else rest[name] = value;
  }
  return { ...rest, Cookie: cookieHeader(pairs, caller)! };
}
