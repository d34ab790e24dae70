/**
 * The one example synthesizer: a value a schema accepts, preferring the spec's own examples.
 * Two uses, one walk: a request value (`display: false`, what a call sends: valid against the
 * schema, so Prism accepts it) and a shown value (`display: true`, what the README prints: the
 * same, plus the optional properties the spec gives an example or enum of, an entry of a map,
 * and a placeholder for a file's contents).
 */
import type { LoadContext } from "../context.js";
import { isRecord } from "../json.js";
import { BINARY_EXAMPLE, type Example } from "../model.js";
import { stringMatching } from "./pattern.js";

export const SAMPLE_UUID = "8a210b68-6988-11ed-a1eb-0242ac120002";
export const SAMPLE_DATE = "2023-01-01";
export const SAMPLE_DATE_TIME = "2023-01-01T00:00:00Z";

type Schema = Record<string, unknown>;

export interface Synthesis {
  /** README values: optional properties with examples or enums, map entries, file placeholders. */
  readonly display: boolean;
}

/** An Example Object's value: `value`, or OpenAPI 3.2's `dataValue` (the value as data, before serialization). */
function exampleObjectValue(example: Record<string, unknown> | undefined): unknown {
  return example?.value !== undefined ? example.value : example?.dataValue;
}

/** A spec's own example of a parameter, media type or schema: `example`, the first of `examples` (map or list), or its schema's. */
export function explicitExample(ctx: LoadContext, node: Schema): { value: unknown } | undefined {
  if (node.example !== undefined) return { value: node.example };
  if (Array.isArray(node.examples) && node.examples.length > 0) return { value: node.examples[0] };
  if (isRecord(node.examples)) {
    for (const raw of Object.values(node.examples)) {
      const example = ctx.deref(raw);
      const value = exampleObjectValue(example);
      if (value !== undefined) return { value };
    }
  }
  const schema = ctx.deref(node.schema);
  if (schema) {
    if (schema.example !== undefined) return { value: schema.example };
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  }
  return undefined;
}

/** Every example a parameter offers, in order of preference: its own, its schema's, its default. */
export function parameterValue(ctx: LoadContext, raw: Schema, defaultValue: unknown): unknown {
  const schema = resolveSchema(ctx, raw.schema);
  const examples = [
    raw.example,
    ...(isRecord(raw.examples) ? Object.values(raw.examples).map((e) => exampleObjectValue(ctx.deref(e))) : []),
    schema.example,
    ...(Array.isArray(schema.examples) ? schema.examples : []),
    schema.default,
    defaultValue,
  ];
  for (const example of examples) if (example !== undefined && fits(example, schema)) return example;
  return fromSchema(ctx, schema, { display: false });
}

/** Media objects already given an example: a shared response (`#/components/responses/Error`) is resolved once. */
const mediaExamples = new WeakMap<object, Example>();

/** The example of a body or response's media object: the spec's own, else a shown value of its schema. */
export function mediaExample(ctx: LoadContext, media: Schema): Example {
  const known = mediaExamples.get(media);
  if (known) return known;
  const explicit = explicitExample(ctx, media);
  const example = explicit ? { value: explicit.value, fromSpec: true } : { value: schemaValue(ctx, media.schema, { display: true }), fromSpec: false };
  mediaExamples.set(media, example);
  return example;
}

/** A value of the schema (`$ref`s followed), built as `how` says. */
export function schemaValue(ctx: LoadContext, raw: unknown, how: Synthesis): unknown {
  return nestedValue(ctx, resolveSchema(ctx, raw), how, -1);
}

/**
 * Follows $refs; merges the members of an allOf; takes the first branch of a oneOf/anyOf, and
 * the non-null type of a 3.1 type list. Of a oneOf mixing a string with numbers or booleans it
 * takes the string: a number sent in a path or query is text, so it would match both branches,
 * and oneOf wants exactly one; a word matches the string alone.
 */
function resolveSchema(ctx: LoadContext, value: unknown, depth = 0): Schema {
  const schema = ctx.deref(value) ?? {};
  if (depth > 8) return schema;
  // Every member of an allOf applies, whatever else the schema says.
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "allOf"));
    return resolveSchema(ctx, merged([...schema.allOf.map((b) => resolveSchema(ctx, b, depth + 1)), rest]), depth + 1);
  }
  for (const key of ["oneOf", "anyOf"]) {
    const branches = schema[key];
    // A union under `type: object` is a union of objects: its first branch is one too.
    if (Array.isArray(branches) && branches.length > 0 && (schema.type === undefined || schema.type === "object")) {
      const resolved = branches.map((b) => resolveSchema(ctx, b, depth + 1)).filter((b) => b.type !== "null");
      const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key && k !== "discriminator"));
      const scalar = (b: Schema) => b.type === "integer" || b.type === "number" || b.type === "boolean";
      const word = resolved.find((b) => b.type === "string" && b.pattern === undefined && b.format === undefined && b.enum === undefined);
      const exclusive = key === "oneOf" && word !== undefined && resolved.every((b) => b === word || scalar(b));
      const first = (exclusive ? word : resolved[0]) ?? {};
      return naming({ ...first, ...rest }, schema.discriminator, branches[resolved.indexOf(first)]);
    }
  }
  if (Array.isArray(schema.type)) return { ...schema, type: schema.type.find((t) => t !== "null") ?? "string" };
  return schema;
}

/**
 * A branch of a discriminated union with its discriminator set to the value that names it: the
 * mapping's key that leads to the branch, else (OpenAPI's implicit mapping) its schema's name.
 */
function naming(branch: Schema, discriminator: unknown, raw: unknown): Schema {
  if (!isRecord(discriminator) || typeof discriminator.propertyName !== "string") return branch;
  const ref = isRecord(raw) && typeof raw.$ref === "string" ? raw.$ref : undefined;
  if (ref === undefined) return branch;
  const mapping = isRecord(discriminator.mapping) ? discriminator.mapping : {};
  const value = Object.keys(mapping).find((k) => mapping[k] === ref) ?? ref.slice(ref.lastIndexOf("/") + 1);
  const properties = isRecord(branch.properties) ? branch.properties : {};
  return { ...branch, properties: { ...properties, [discriminator.propertyName]: { type: "string", enum: [value] } } };
}

/** The members of an allOf as one schema: later keywords win, properties and required add up. */
function merged(members: readonly Schema[]): Schema {
  const properties: Schema = {};
  const required = new Set<unknown>();
  for (const m of members) {
    if (isRecord(m.properties)) Object.assign(properties, m.properties);
    if (Array.isArray(m.required)) m.required.forEach((r) => required.add(r));
  }
  const result: Schema = Object.assign({}, ...members);
  if (Object.keys(properties).length > 0) result.properties = properties;
  if (required.size > 0) result.required = [...required];
  if (result.type === undefined && Object.keys(properties).length > 0) result.type = "object";
  return result;
}

/** Whether the schema accepts the value (the checks that matter for an example). */
export function fits(value: unknown, schema: Schema): boolean {
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
 * properties (a request value: the first property when none is required, so a path or
 * header object is never empty). Examples, defaults and consts of nested schemas win when they fit.
 */
function fromSchema(ctx: LoadContext, schema: Schema, how: Synthesis, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  const type = schema.type ?? (isRecord(schema.properties) ? "object" : undefined);
  switch (type) {
    case "integer":
    case "number":
      return sampleNumber(schema);
    case "boolean":
      return true;
    case "array": {
      const items = resolveSchema(ctx, schema.items);
      const count = Math.max(1, typeof schema.minItems === "number" ? schema.minItems : 1);
      if (depth > deepest(how)) return [];
      const item = nestedValue(ctx, items, how, depth);
      return Array.from({ length: count }, (_, i) => (count > 1 && typeof item === "string" && schema.uniqueItems ? `${item}${i}` : item));
    }
    case "object": {
      if (depth > deepest(how)) return {};
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === "string" && n in properties) : [];
      const telling = how.display ? Object.keys(properties).filter((n) => isTelling(ctx.deref(properties[n]) ?? {})) : [];
      const wanted = [...new Set([...required, ...telling])].sort((a, b) => Object.keys(properties).indexOf(a) - Object.keys(properties).indexOf(b));
      const names = wanted.length > 0 || how.display ? wanted : Object.keys(properties).slice(0, 1);
      const value = Object.fromEntries(names.map((name) => [name, nestedValue(ctx, resolveSchema(ctx, properties[name]), how, depth)]));
      const map = schema.additionalProperties;
      if (how.display && Object.keys(properties).length === 0 && map !== undefined && map !== false) {
        value.key = nestedValue(ctx, isRecord(map) ? resolveSchema(ctx, map) : { type: "string" }, how, depth);
      }
      return value;
    }
    default:
      if (how.display && schema.format === "binary") return BINARY_EXAMPLE;
      return sampleString(schema);
  }
}

/** How deep a value nests before its arrays and objects are left empty: shown values stay short. */
function deepest(how: Synthesis): number {
  return how.display ? 3 : 4;
}

/** A property worth showing though optional: the spec gives an example or the values it takes. */
function isTelling(schema: Schema): boolean {
  return schema.example !== undefined || schema.examples !== undefined || schema.enum !== undefined;
}

function nestedValue(ctx: LoadContext, schema: Schema, how: Synthesis, depth: number): unknown {
  for (const example of [schema.example, ...(Array.isArray(schema.examples) ? schema.examples : []), schema.default]) {
    if (example !== undefined && fits(example, schema)) return example;
  }
  return fromSchema(ctx, schema, how, depth + 1);
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
