/**
 * Checks of what callers pass, run before any request is sent: a typo or a missing
 * argument fails here with a message naming the method and the field, rather than as
 * a confusing 4xx (or a request to the wrong path) from the server.
 */
import { constraintViolation } from "./constraints.js";
import { SDKValidationError } from "./errors.js";
import { isPlainObject, isValidHeader, kindOf } from "./guards.js";
import type { OperationSpec, ParameterSpec } from "./operation.js";
import { checkFields, invalid, unknownField } from "./checks.js";
import { CALL_OPTIONS, type MediaOptions, type RequestOptions } from "./options.js";
import { checkedURL } from "./server-url.js";
import { serializePathParam, styleOf, type PathStyle } from "./params/index.js";

/**
 * @returns the request's fields. `undefined` is taken as `{}`, so operations without
 *   inputs can be called with no argument.
 */
export function validateRequest(op: OperationSpec, request: unknown): Record<string, unknown> {
  const at = op.methodPath;
  const { parameters, body } = op;
  const fields = request === undefined ? {} : request;
  // Listed only for a message: a call that passes does not build it.
  const expected = () => [...parameters.map((p) => p.field), ...(body ? [body.field] : [])];
  if (!isPlainObject(fields)) throw invalid(at, "request", `must be an object${expected().length ? ` like { ${expected().join(", ")} }` : ""}, got ${kindOf(request)}`);
  for (const key in fields) {
    if (Object.hasOwn(fields, key) && body?.field !== key && !parameters.some((p) => p.field === key)) throw unknownField(at, key, expected());
  }
  for (const param of parameters) {
    const value = fields[param.field];
    const problem = value == null ? param.required && "is required" : paramProblem(param, value);
    if (problem) throw invalidInput(at, `${param.in} parameter`, param.field, problem);
  }
  if (body?.required && fields[body.field] == null) throw invalidInput(at, "request body", body.field, "is required");
  return fields;
}

/** `what` (like `path parameter`) and its `field` name the value; `problem` says what is wrong with it. */
const invalidInput = (at: string, what: string, field: string, problem: string) => new SDKValidationError(`${at}: ${what} "${field}" ${problem}`, field);

/** One scalar of a parameter value, or an item or property of an array or object one: NaN, Infinity and an invalid Date have no text to send. */
const isScalar = (value: unknown): boolean => typeof value === "string" || typeof value === "boolean" || Number.isFinite(value instanceof Date ? +value : value);

/**
 * What is wrong with a parameter's value (given, not null), or nothing: its constraints, then
 * its shape (styles serialize a scalar, an array of scalars or an object of scalars; nothing
 * deeper), then what a path segment needs.
 */
function paramProblem(param: ParameterSpec, value: unknown): string | undefined {
  const constraint = param.constraints && constraintViolation(value, param.constraints);
  if (constraint) return constraint;
  const composite = Array.isArray(value) || isPlainObject(value);
  // The whole query is one value of its own media type (params/querystring.ts checks what a form takes).
  if (param.in !== "querystring" && !(composite ? Object.values(value as object).every((v) => v == null || isScalar(v)) : isScalar(value))) {
    return `must be a string, finite number, boolean or Date, or an array or object of them, got ${kindOf(value)}`;
  }
  if (param.in !== "path") return undefined;
  const { style, explode } = styleOf(param);
  // A string in the default style is its own percent-encoding's judge: only "" encodes to "",
  // and only "." and ".." to themselves.
  const segment = style === "simple" && typeof value === "string" ? value : serializePathParam(param.name, value, style as PathStyle, explode);
  if (segment === "") return "must not be empty";
  // Percent-encoding leaves these alone, and URL parsing would climb out of the path segment.
  return segment === "." || segment === ".." ? 'must not be "." or ".."' : undefined;
}

/**
 * Checks options passed to one call; `retries` is checked when the retry policy is resolved.
 * Header values may be credentials: messages name the header, never the value.
 */
export function validateRequestOptions(at: string, options: unknown): RequestOptions<unknown> & MediaOptions {
  if (options === undefined) return {};
  checkFields(at, options, CALL_OPTIONS, "options");
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (typeof value !== "string" || !isValidHeader(name, value)) throw invalid(at, `options.headers.${name}`, "is not a valid HTTP header");
  }
  if (options.serverURL === undefined) return options as RequestOptions<unknown> & MediaOptions;
  return { ...(options as RequestOptions<unknown> & MediaOptions), serverURL: checkedURL(options.serverURL, at, "options.serverURL") };
}
