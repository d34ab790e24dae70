/**
 * OpenAPI 3.2's `in: querystring` parameter: one value that is the whole query, written in
 * its media type. A form (`application/x-www-form-urlencoded`) writes an object's properties
 * as `name=value` pairs (an array repeats its name, a nested object goes as `name[key]=value`),
 * and takes a string or URLSearchParams as the query itself; JSON is the value's JSON text,
 * percent-encoded. Returns the query without its `?`.
 */
import { isFormMediaType, isJsonMediaType } from "../wire-rules.js";
import { encodeComponent } from "./encode.js";
import { serializeQueryParam } from "./query.js";

/** @param mediaType the parameter's; a form when the spec gives none. */
export function serializeQueryString(name: string, value: unknown, mediaType = "application/x-www-form-urlencoded"): string {
  if (isJsonMediaType(mediaType)) return encodeComponent(JSON.stringify(value));
  if (!isFormMediaType(mediaType)) {
    throw new TypeError(`querystring parameter "${name}": media type ${mediaType} is not supported (a form or JSON is)`);
  }
  if (typeof value === "string") return value.startsWith("?") ? value.slice(1) : value;
  if (value instanceof URLSearchParams) return value.toString();
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`querystring parameter "${name}": a form takes an object, a string or URLSearchParams, got ${Array.isArray(value) ? "an array" : typeof value}`);
  }
  return Object.entries(value)
    .flatMap(([key, v]) => {
      if (v === undefined || v === null) return [];
      const nested = typeof v === "object" && !Array.isArray(v) && !(v instanceof Date);
      return serializeQueryParam(key, v, nested ? { style: "deepObject", explode: true } : { style: "form", explode: true });
    })
    .join("&");
}
