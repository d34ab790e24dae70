/**
 * Checks of what callers pass, run before any request is sent: a typo or a missing
 * argument fails here with a message naming the method and the field, rather than as
 * a confusing 4xx (or a request to the wrong path) from the server.
 */
import { checkConstraints } from "./constraints.js";
import { SDKValidationError } from "./errors.js";
import { isPlainObject, isValidHeaderName, isValidHeaderValue, kindOf } from "./guards.js";
import type { OperationSpec, ParameterSpec } from "./operation.js";
import { CALL_OPTIONS, checkOptions, type MediaOptions, type RequestOptions } from "./options.js";
import { checkedURL } from "./server-url.js";
import { serializePathParam, styleOf, type PathStyle } from "./params/index.js";

/**
 * @returns the request's fields. `undefined` is taken as `{}`, so operations without
 *   inputs can be called with no argument.
 */
export function validateRequest(op: OperationSpec, request: unknown): Record<string, unknown> {
  const at = op.methodPath;
  // Listed only for a message: a call that passes does not build it.
  const expected = () => [...op.parameters.map((p) => p.field), ...(op.body ? [op.body.field] : [])];
  const fields = request === undefined ? {} : request;
  if (!isPlainObject(fields)) {
    const like = expected().length ? ` like { ${expected().join(", ")} }` : "";
    throw new SDKValidationError(`${at}: request must be an object${like}, got ${kindOf(request)}`);
  }
  for (const key in fields) {
    if (!Object.hasOwn(fields, key) || op.body?.field === key || op.parameters.some((p) => p.field === key)) continue;
    const want = expected().length ? `expected: ${expected().join(", ")}` : "this operation takes no fields";
    throw new SDKValidationError(`${at}: unknown field "${key}"; ${want}`, key);
  }
  for (const param of op.parameters) {
    const value = fields[param.field];
    if (value === undefined || value === null) {
      if (!param.required) continue;
      throw new SDKValidationError(`${at}: missing required parameter "${param.field}" (${param.in})`, param.field);
    }
    checkConstraints(at, param, value);
    checkShape(at, param, value);
    if (param.in === "path") checkPathValue(at, param, value);
  }
  if (op.body?.required && (fields[op.body.field] === undefined || fields[op.body.field] === null)) {
    throw new SDKValidationError(`${at}: missing required request body "${op.body.field}"`, op.body.field);
  }
  return fields;
}

/** One scalar of a parameter value, or an item or property of an array or object one. */
function isScalar(value: unknown): boolean {
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" || value instanceof Date;
}

/** Styles serialize a scalar, an array of scalars or an object of scalars; nothing deeper. */
function checkShape(at: string, param: ParameterSpec, value: unknown): void {
  // The whole query is one value of its own media type (params/querystring.ts checks what a form takes).
  if (param.in === "querystring") return;
  const composite = Array.isArray(value) || isPlainObject(value);
  if (!composite && (isScalar(value) || param.in === "path")) return;
  const members = composite ? Object.values(value as object) : [value];
  if (composite && members.every((v) => v === undefined || v === null || isScalar(v))) return;
  throw new SDKValidationError(
    `${at}: ${param.in} parameter "${param.field}" must be a string, number, boolean or Date, or an array or object of them, got ${kindOf(value)}`,
    param.field,
  );
}

function checkPathValue(at: string, param: ParameterSpec, value: unknown): void {
  const name = `path parameter "${param.field}"`;
  const composite = Array.isArray(value) || isPlainObject(value);
  if (!composite && !(typeof value === "number" && Number.isFinite(value)) && typeof value !== "string") {
    throw new SDKValidationError(`${at}: ${name} must be a string or a finite number, got ${kindOf(value)}`, param.field);
  }
  const { style, explode } = styleOf(param);
  // A string in the default style is its own percent-encoding's judge: only "" encodes to "",
  // and only "." and ".." to themselves.
  const segment = style === "simple" && typeof value === "string" ? value : serializePathParam(param.name, value, style as PathStyle, explode);
  if (segment === "") throw new SDKValidationError(`${at}: ${name} must not be empty`, param.field);
  // Percent-encoding leaves these alone, and URL parsing would climb out of the path segment.
  if (segment === "." || segment === "..") {
    throw new SDKValidationError(`${at}: ${name} must not be "." or ".."`, param.field);
  }
}

/** Checks options passed to one call; `retries` is checked when the retry policy is resolved. */
export function validateRequestOptions(at: string, options: unknown): RequestOptions<unknown> & MediaOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new SDKValidationError(`${at}: options must be an object, got ${kindOf(options)}`, "options");
  }
  checkOptions(at, options, CALL_OPTIONS, "options.");
  checkHeaders(options.headers, "options.headers", at);
  if (options.serverURL === undefined) return options as RequestOptions<unknown> & MediaOptions;
  return { ...(options as RequestOptions<unknown> & MediaOptions), serverURL: checkedURL(options.serverURL, at, "options.serverURL") };
}

/** Header values may be credentials: messages name the header, never the value. */
export function checkHeaders(value: unknown, field: string, context: string): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    throw new SDKValidationError(`${context}: ${field} must be an object of strings`, field);
  }
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue !== "string" || !isValidHeaderName(name) || !isValidHeaderValue(headerValue)) {
      throw new SDKValidationError(`${context}: ${field} has an invalid header "${name}"`, `${field}.${name}`);
    }
  }
}
