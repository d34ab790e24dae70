/**
 * Request bodies other than JSON, one encoder per encoding: each is a feature (features.ts)
 * that only SDKs whose spec sends such a body import.
 */
import { SDKValidationError } from "./errors.js";
import type { BodyMediaSpec, FieldEncodingSpec } from "./operation.js";
import { serializeQueryParam } from "./params/query.js";
import { isLooseJsonMediaType } from "./wire-rules.js";

/**
 * A request body fetch accepts. Spelled through `RequestInit`, which Node's types declare
 * globally too, rather than the DOM's `BodyInit`: consumers compiling without the DOM lib
 * must be able to read these types.
 */
export type WireBody = NonNullable<RequestInit["body"]>;

/** Turns the caller's value into a fetch body; `at` and `field` name it in errors. */
export type BodyEncoder = (media: BodyMediaSpec, value: unknown, at: string, field: string) => WireBody;

export const textBody: BodyEncoder = (_media, value, at, field) => {
  if (typeof value !== "string") throw new SDKValidationError(`${at}: ${field} must be a string`, field);
  return value;
};

export const formBody: BodyEncoder = (media, value, at, field) => formUrlEncoded(value, media.fields ?? {}, at, field);

export const multipartBody: BodyEncoder = (media, value, at, field) => multipart(value, media.fields ?? {}, at, field);

export const binaryBody: BodyEncoder = (_media, value, at, field) => {
  if (typeof value === "string" || value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream) {
    return value as WireBody;
  }
  throw new SDKValidationError(`${at}: ${field} must be a Blob, an ArrayBuffer, a typed array, a ReadableStream or a string`, field);
};

function fields(value: unknown, at: string, field: string): [string, unknown][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SDKValidationError(`${at}: ${field} must be an object of fields`, field);
  }
  return Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
}

/** Scalars as text, dates as ISO 8601, objects as JSON: what servers commonly expect. */
function fieldText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The runtime's loose JSON test (wire-rules.ts): `application/json-seq` and `application/json ; charset=utf-8` count too. */
const isJson = (type: string | undefined) => type !== undefined && isLooseJsonMediaType(type);

/**
 * Each property as a form field: with a `style` or `explode` in the spec's `encoding`, as
 * the query serializers write it (`deepObject`, comma-joined arrays...); otherwise arrays
 * repeated and objects (or a JSON `contentType`) as JSON.
 */
function formUrlEncoded(value: unknown, encodings: Readonly<Record<string, FieldEncodingSpec>>, at: string, field: string): string {
  const pairs: string[] = [];
  for (const [name, item] of fields(value, at, field)) {
    const enc = encodings[name];
    if (enc && (enc.style !== undefined || enc.explode !== undefined || enc.allowReserved) && !isJson(enc.contentType)) {
      pairs.push(...serializeQueryParam(name, item, enc));
      continue;
    }
    const params = new URLSearchParams();
    const items = Array.isArray(item) && !isJson(enc?.contentType) ? item : [item];
    for (const one of items) params.append(name, isJson(enc?.contentType) ? JSON.stringify(one) : fieldText(one));
    pairs.push(params.toString());
  }
  return pairs.filter((p) => p !== "").join("&");
}

/**
 * Each property as a part: a Blob (a File keeps its name; another Blob is named after
 * the property) or bytes as a file, an array as one part per item, a value whose
 * `encoding.contentType` is JSON as a JSON part, anything else as text.
 */
function multipart(value: unknown, encodings: Readonly<Record<string, FieldEncodingSpec>>, at: string, field: string): FormData {
  if (value instanceof FormData) return value;
  const form = new FormData();
  for (const [name, item] of fields(value, at, field)) {
    const type = encodings[name]?.contentType;
    for (const one of Array.isArray(item) && !isJson(type) ? item : [item]) {
      if (one instanceof Blob) form.append(name, one, one instanceof File ? one.name : name);
      else if (one instanceof ArrayBuffer || ArrayBuffer.isView(one)) form.append(name, new Blob([one as ArrayBuffer], type ? { type } : {}), name);
      else if (isJson(type)) form.append(name, new Blob([JSON.stringify(one)], { type: type! }), name);
      else form.append(name, fieldText(one));
    }
  }
  return form;
}
