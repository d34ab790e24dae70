/**
 * Every schema as data (the runtime's `Shape`, see runtime/src/shape.ts): the component schemas
 * by name and what each operation sends and answers. Response validation and the test kit read
 * them at run time from the generated `shapes.ts`. A `$ref` to a component schema stays a
 * reference by name (so recursive schemas stay finite); any other `$ref`, the loader's own
 * copies among them, is followed and read inline.
 */
import type { OperationShape, ParameterShape, Shape, Shapes } from "@x/runtime";
import type { LoadContext } from "./context.js";
import { isRecord } from "./json.js";
import type { Operation, Resource } from "./model.js";

const STRING_KEYS = ["format", "minLength", "maxLength", "pattern"] as const;
const NUMBER_KEYS = ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const;
const ARRAY_KEYS = ["minItems", "maxItems"] as const;
const OBJECT_KEYS = ["minProperties", "maxProperties"] as const;

export function readShapes(ctx: LoadContext, resources: readonly Resource[]): Shapes {
  const components = isRecord(ctx.document.components) && isRecord(ctx.document.components.schemas) ? ctx.document.components.schemas : {};
  const schemas: Record<string, Shape> = {};
  for (const [name, raw] of Object.entries(components)) {
    if (!ctx.hoisted.has(name)) schemas[name] = shapeOf(ctx, raw, new Set([`#/components/schemas/${name}`]), true);
  }
  const operations: Record<string, OperationShape> = {};
  for (const op of allOperations(resources)) operations[op.operationId] = operationShape(ctx, op);
  return { schemas, operations };
}

function* allOperations(resources: readonly Resource[]): Generator<Operation> {
  for (const resource of resources) yield* resource.operations;
}

function operationShape(ctx: LoadContext, op: Operation): OperationShape {
  const parameters: ParameterShape[] = op.parameters
    .filter((p): p is typeof p & { in: ParameterShape["in"] } => p.in !== "querystring")
    .map((p) => ({ name: p.name, in: p.in, ...(p.required ? { required: true as const } : {}), shape: shapeOf(ctx, p.schema ?? {}, new Set()) }));
  const body = op.body && op.body.schema !== undefined
    ? { mediaType: op.body.mediaType, ...(op.body.required ? { required: true as const } : {}), shape: shapeOf(ctx, op.body.schema, new Set()) }
    : undefined;
  const r = op.response;
  const response: OperationShape["response"] = r.kind === "json"
    ? { status: r.status, mediaType: r.mediaType, ...(r.schema !== undefined ? { shape: shapeOf(ctx, r.schema, new Set()) } : {}), ...(r.example?.fromSpec ? { example: r.example.value } : {}) }
    : r.kind === "empty" || r.kind === "unknown" ? { status: r.status } : { status: r.status, mediaType: r.mediaType };
  const errors: Record<string, { shape: Shape; example?: unknown }> = {};
  for (const e of op.errors) errors[e.status] = { shape: { type: "ref", ref: e.schemaName }, ...(e.example.fromSpec ? { example: e.example.value } : {}) };
  const wire = (field: string) => op.parameters.find((p) => p.field === field)?.name ?? field;
  return {
    method: op.method.toUpperCase(),
    path: op.path,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { body } : {}),
    response,
    ...(op.errors.length > 0 ? { errors } : {}),
    ...(op.paging ? { paging: { request: { page: wire(op.paging.request.page), pageSize: wire(op.paging.request.pageSize) }, response: op.paging.response } } : {}),
  };
}

/**
 * `raw` as a Shape. `stack` holds the pointers being read (a cycle through schemas that are no
 * components reads as `any`); `top` is set for a component itself, which is read, not referenced.
 */
function shapeOf(ctx: LoadContext, raw: unknown, stack: ReadonlySet<string>, top = false): Shape {
  if (!isRecord(raw)) return { type: "any" };
  if (typeof raw.$ref === "string") {
    const name = ctx.schemaName(raw);
    if (name !== undefined && !top) return { type: "ref", ref: name };
    if (stack.has(raw.$ref) && !top) return { type: "any" };
    const target = ctx.deref(raw);
    return target ? shapeOf(ctx, target, new Set([...stack, raw.$ref])) : { type: "any" };
  }
  const s = raw;
  const types = (Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]).filter((t): t is string => typeof t === "string");
  const nullable = s.nullable === true || (types.includes("null") && types.length > 1) ? { nullable: true as const } : {};
  const base = { ...nullable, ...exampleOf(s), ...(s.default !== undefined ? { default: s.default } : {}) };
  const read = (value: unknown) => shapeOf(ctx, value, stack);
  for (const kind of ["allOf", "oneOf", "anyOf"] as const) {
    const list = s[kind];
    if (!Array.isArray(list) || list.length === 0) continue;
    const of = list.map(read);
    // Properties written beside allOf/oneOf belong to every branch: read them as one more part.
    const rest = isRecord(s.properties) || Array.isArray(s.required) ? [shapeOf(ctx, withoutKey(s, kind), stack)] : [];
    if (kind === "allOf") return { type: "allOf", of: [...of, ...rest], ...base };
    const union: Shape = { type: kind, of, ...discriminatorOf(ctx, s, of), ...base };
    return rest.length > 0 ? { type: "allOf", of: [union, ...rest] } : union;
  }
  const type = types.find((t) => t !== "null") ?? inferType(s);
  switch (type) {
    case "string":
      return { type, ...pick(s, STRING_KEYS), ...enumOf(s, "string"), ...constOf(s, "string"), ...base };
    case "number":
    case "integer":
      return { type, ...pick(s, NUMBER_KEYS), ...enumOf(s, "number"), ...constOf(s, "number"), ...exclusiveBounds(s), ...base };
    case "boolean":
      return { type, ...constOf(s, "boolean"), ...base };
    case "null":
      return { type: "null" };
    case "array":
      return { type, ...(s.items !== undefined ? { items: read(s.items) } : {}), ...pick(s, ARRAY_KEYS), ...(s.uniqueItems === true ? { uniqueItems: true as const } : {}), ...base };
    case "object": {
      const properties = isRecord(s.properties) ? Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, read(v)])) : undefined;
      const required = Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === "string") : [];
      const additional = s.additionalProperties === false ? false : isRecord(s.additionalProperties) && Object.keys(s.additionalProperties).length > 0 ? read(s.additionalProperties) : undefined;
      return {
        type,
        ...(properties ? { properties } : {}),
        ...(required.length > 0 ? { required } : {}),
        ...(additional !== undefined ? { additionalProperties: additional } : {}),
        ...pick(s, OBJECT_KEYS),
        ...base,
      };
    }
    default:
      return { type: "any", ...base };
  }
}

function inferType(s: Record<string, unknown>): string | undefined {
  if (isRecord(s.properties) || Array.isArray(s.required) || isRecord(s.additionalProperties)) return "object";
  if (s.items !== undefined) return "array";
  const values = Array.isArray(s.enum) ? s.enum : s.const !== undefined ? [s.const] : [];
  if (values.length > 0 && values.every((v) => typeof v === "string")) return "string";
  if (values.length > 0 && values.every((v) => typeof v === "number")) return "number";
  return undefined;
}

function pick<K extends string>(s: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, never>> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (typeof s[key] === "string" || typeof s[key] === "number") out[key] = s[key];
  return out as Partial<Record<K, never>>;
}

/** 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself. */
function exclusiveBounds(s: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  if (s.exclusiveMinimum === true && typeof s.minimum === "number") out.exclusiveMinimum = s.minimum;
  if (s.exclusiveMaximum === true && typeof s.maximum === "number") out.exclusiveMaximum = s.maximum;
  return out;
}

function enumOf(s: Record<string, unknown>, type: "string" | "number"): { enum?: never[] } {
  const values = Array.isArray(s.enum) ? s.enum.filter((v) => typeof v === type) : [];
  return values.length > 0 ? { enum: values as never[] } : {};
}

function constOf(s: Record<string, unknown>, type: string): { const?: never } {
  return typeof s.const === type ? { const: s.const as never } : {};
}

function exampleOf(s: Record<string, unknown>): { example?: unknown } {
  if (s.example !== undefined) return { example: s.example };
  if (Array.isArray(s.examples) && s.examples.length > 0) return { example: s.examples[0] };
  return {};
}

/** The mapping as written, else the implicit one: each member's component name maps to itself. */
function discriminatorOf(ctx: LoadContext, s: Record<string, unknown>, of: readonly Shape[]): { discriminator?: { propertyName: string; mapping: Record<string, string> } } {
  const d = s.discriminator;
  if (!isRecord(d) || typeof d.propertyName !== "string") return {};
  const mapping: Record<string, string> = {};
  if (isRecord(d.mapping)) {
    for (const [value, ref] of Object.entries(d.mapping)) {
      const name = ctx.schemaName({ $ref: ref });
      if (typeof ref === "string" && name !== undefined) mapping[value] = name;
    }
  }
  if (Object.keys(mapping).length === 0) for (const member of of) if (member.type === "ref") mapping[member.ref] = member.ref;
  return { discriminator: { propertyName: d.propertyName, mapping } };
}

function withoutKey(s: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = s;
  return rest;
}
