/**
 * Valid example arguments for an operation, derived from its spec: each required
 * parameter gets the spec's example when it fits the schema, else a value built from
 * the schema (the first enum value, a fixed UUID, the minimum, an ISO date...).
 * The scaffolder's smoke test and the reference-spec corpus both call operations with these.
 */
import { isRecord } from "./load/json.js";
import { sdkPath, type Operation, type Parameter, type Resource, type SpecModel } from "./load/model.js";
import { propertyKey } from "./load/naming.js";
import { deref } from "./load/refs.js";
import { stringMatching } from "./sample-pattern.js";

export const SAMPLE_UUID = "8a210b68-6988-11ed-a1eb-0242ac120002";
export const SAMPLE_DATE = "2023-01-01";
export const SAMPLE_DATE_TIME = "2023-01-01T00:00:00Z";

export interface SampleCall {
  /** `connections.get`, the method path on the client (`addPet` for a method of the client itself: see sdkPath). */
  readonly methodPath: string;
  /** The resource property; "" for a method of the client itself. */
  readonly resource: string;
  readonly method: string;
  readonly operationId: string;
  readonly httpMethod: string;
  readonly path: string;
  /** The request object, keyed by the SDK's field names. */
  readonly request: Record<string, unknown>;
}

type Schema = Record<string, unknown>;

/** Every operation with `httpMethod` (default: every GET), in client order, with example arguments. */
export function sampleCalls(model: SpecModel, httpMethod = "get"): SampleCall[] {
  return model.resources.flatMap((resource) =>
    resource.operations.filter((op) => op.method === httpMethod).map((op) => sampleCall(model, resource, op)),
  );
}

export function sampleCall(model: SpecModel, resource: Resource, op: Operation): SampleCall {
  const request: Record<string, unknown> = {};
  for (const param of op.parameters) {
    if (!param.required && param.in !== "path") continue;
    request[param.field] = sampleValue(model.document, param, rawParameter(model.document, op, param));
  }
  return {
    methodPath: sdkPath(resource, op),
    resource: resource.property,
    method: op.methodName,
    operationId: op.operationId,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    request,
  };
}

/** `client.connections.get({ companyId: "..." })` as TypeScript source. */
export function renderCall(client: string, call: SampleCall, options?: string): string {
  const fields = Object.entries(call.request).map(([k, v]) => `${propertyKey(k)}: ${JSON.stringify(v)}`);
  const request = fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`;
  return `${client}.${call.methodPath}(${request}${options ? `, ${options}` : ""})`;
}

/** The spec's own object for `param` (the operation's, else the path item's), for its examples and schema. */
export function rawParameter(document: Record<string, unknown>, op: Operation, param: Parameter): Schema | undefined {
  return rawParameters(document, op).find((p) => p.name === param.name && p.in === param.in);
}

function rawParameters(document: Record<string, unknown>, op: Operation): Schema[] {
  const paths = isRecord(document.paths) ? document.paths : {};
  const item = deref(document, paths[op.path]) ?? {};
  const operation = isRecord(item[op.method]) ? (item[op.method] as Schema) : {};
  // The operation's own parameters first: they override the path item's of the same name.
  const list = [
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ...(Array.isArray(item.parameters) ? item.parameters : []),
  ];
  return list.map((p) => deref(document, p)).filter((p): p is Schema => isRecord(p));
}

/** The first of the spec's examples that fits the parameter's schema, else a value built from the schema. */
export function sampleValue(document: Record<string, unknown>, param: Parameter, raw: Schema | undefined): unknown {
  const schema = resolveSchema(document, raw?.schema);
  const examples = [
    raw?.example,
    ...(isRecord(raw?.examples) ? Object.values(raw.examples).map((e) => (isRecord(deref(document, e)) ? deref(document, e)!.value : undefined)) : []),
    schema.example,
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    schema.default,
    param.defaultValue,
  ];
  for (const example of examples) if (example !== undefined && fits(example, schema)) return example;
  return fromSchema(document, schema);
}

/**
 * Follows $refs and takes the first branch of allOf/oneOf/anyOf, and the non-null type of a
 * 3.1 type list. Of a oneOf mixing a string with numbers or booleans it takes the string: a
 * number sent in a path or query is text, so it would match both branches, and oneOf wants
 * exactly one; a word matches the string alone.
 */
function resolveSchema(document: Record<string, unknown>, value: unknown, depth = 0): Schema {
  const schema = deref(document, value) ?? {};
  if (depth > 8) return schema;
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0 && schema.type === undefined) {
      const resolved = branches.map((b) => resolveSchema(document, b, depth + 1)).filter((b) => b.type !== "null");
      const scalar = (b: Schema) => b.type === "integer" || b.type === "number" || b.type === "boolean";
      const word = resolved.find((b) => b.type === "string" && b.pattern === undefined && b.format === undefined && b.enum === undefined);
      const exclusive = key === "oneOf" && word !== undefined && resolved.every((b) => b === word || scalar(b));
      const first = (exclusive ? word : resolved[0]) ?? {};
      return { ...first, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key)) };
    }
  }
  if (Array.isArray(schema.type)) return { ...schema, type: schema.type.find((t) => t !== "null") ?? "string" };
  return schema;
}

function fits(value: unknown, schema: Schema): boolean {
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  switch (schema.type) {
    case "integer":
    case "number":
      if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value))) return false;
      if (typeof schema.minimum === "number" && value < schema.minimum) return false;
      if (typeof schema.maximum === "number" && value > schema.maximum) return false;
      return true;
    case "boolean":
      return typeof value === "boolean";
    case "array":
      // An empty array sends nothing: a required parameter would be missing.
      return Array.isArray(value) && value.length >= Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 1);
    case "object":
      return isRecord(value) && (!Array.isArray(schema.required) || schema.required.every((k) => typeof k === "string" && k in value));
    case "string":
    case undefined:
      if (typeof value !== "string") return schema.type === undefined && typeof value !== "object";
      if (typeof schema.minLength === "number" && value.length < schema.minLength) return false;
      if (typeof schema.maxLength === "number" && value.length > schema.maxLength) return false;
      if (schema.format === "uuid" && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
      if (schema.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      if (schema.format === "date-time" && Number.isNaN(Date.parse(value))) return false;
      if (typeof schema.pattern === "string" && !safeTest(schema.pattern, value)) return false;
      return true;
    default:
      return false;
  }
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return true;
  }
}

/**
 * A value the schema accepts: the first enum value, else one built from type, format,
 * bounds and pattern. Arrays get one item (or minItems), objects their required
 * properties (the first property when none is required, so a path or header object is
 * never empty). Examples, defaults and consts of nested schemas win when they fit.
 */
function fromSchema(document: Record<string, unknown>, schema: Schema, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  switch (schema.type) {
    case "integer":
    case "number":
      return sampleNumber(schema);
    case "boolean":
      return true;
    case "array": {
      const items = resolveSchema(document, schema.items);
      const count = Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 1);
      if (depth > 4) return [];
      const item = nestedSample(document, items, depth);
      return Array.from({ length: count }, (_, i) => (count > 1 && typeof item === "string" && schema.uniqueItems ? `${item}${i}` : item));
    }
    case "object": {
      if (depth > 4) return {};
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === "string") : [];
      const names = required.length > 0 ? required : Object.keys(properties).slice(0, 1);
      return Object.fromEntries(names.map((name) => [name, nestedSample(document, resolveSchema(document, properties[name]), depth)]));
    }
    default:
      return sampleString(schema);
  }
}

function nestedSample(document: Record<string, unknown>, schema: Schema, depth: number): unknown {
  for (const example of [schema.example, ...(Array.isArray(schema.examples) ? schema.examples : []), schema.default]) {
    if (example !== undefined && fits(example, schema)) return example;
  }
  return fromSchema(document, schema, depth + 1);
}

function sampleNumber(schema: Schema): number {
  const min = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - 1 : undefined;
  let value = min ?? (max !== undefined && max < 1 ? max : 1);
  if (typeof schema.multipleOf === "number" && schema.multipleOf > 0) value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  return schema.type === "integer" ? Math.ceil(value) : value;
}

function sampleString(schema: Schema): string {
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const byFormat = FORMAT_SAMPLES[String(schema.format)];
  if (byFormat !== undefined && fits(byFormat, schema)) return byFormat;
  if (typeof schema.pattern === "string") {
    const matching = stringMatching(schema.pattern, minLength, maxLength);
    if (matching !== undefined) return matching;
  }
  const plain = "example".padEnd(minLength, "x");
  return plain.length > maxLength ? plain.slice(0, Math.max(1, maxLength)) : plain;
}

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  uuid: SAMPLE_UUID,
  date: SAMPLE_DATE,
  "date-time": SAMPLE_DATE_TIME,
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

/**
 * The spec's own example of the operation's request body (the media type's `example`, the
 * first of its `examples`, or its schema's `example`), when the body is JSON and the example
 * is an object or array (what a request can send as is); else undefined.
 */
export function exampleBody(model: SpecModel, op: Operation): { value: unknown } | undefined {
  if (op.body === undefined || op.body.encoding !== "json") return undefined;
  const document = model.document;
  const item = deref(document, (isRecord(document.paths) ? document.paths : {})[op.path]) ?? {};
  const requestBody = deref(document, (deref(document, item[op.method]) ?? {}).requestBody) ?? {};
  const media = isRecord(requestBody.content) ? deref(document, requestBody.content[op.body.mediaType]) ?? {} : {};
  const schema = deref(document, media.schema) ?? {};
  const examples = isRecord(media.examples) ? Object.values(media.examples).map((e) => deref(document, e)?.value) : [];
  const value = [media.example, ...examples, schema.example, ...(Array.isArray(schema.examples) ? schema.examples : [])].find((e) => e !== undefined);
  return typeof value === "object" && value !== null ? { value } : undefined;
}
