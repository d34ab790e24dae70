/**
 * The values the README's examples show: a request's parameters (their examples, from the
 * model) and body, and a response's description, these two read from the spec document itself
 * (through `model.document` and `deref`): the body is the spec's own example, else a plausible
 * value by schema. Also prints such a value as TypeScript. The sections get every example
 * value from here.
 */
import type { Operation, SpecModel } from "../../load/model.js";
import { propertyKey } from "../../load/naming.js";
import { deref } from "../../load/refs.js";
import { isRecord } from "../../load/json.js";
import { SAMPLE_DATE, SAMPLE_DATE_TIME, SAMPLE_UUID } from "../../samples.js";
import { literal } from "../source.js";
import { sentence } from "./text.js";

/** The request argument as TypeScript, multi-line when long; `""` when the request can be left out. */
export function requestExample(model: SpecModel, op: Operation, requiredOnly: boolean, indent = ""): string {
  const entries: [string, unknown][] = [];
  for (const p of op.parameters) {
    // An optional parameter is shown only when the spec gives an example of it.
    if (!p.required && (requiredOnly || !p.exampleFromSpec)) continue;
    entries.push([p.field, p.example]);
  }
  if (op.body && (op.body.required || !requiredOnly)) entries.push([op.body.field, bodyExample(model, op)]);
  const required = op.parameters.some((p) => p.required) || op.body?.required === true;
  if (entries.length === 0) return required ? "{}" : "";
  return pretty(Object.fromEntries(entries), indent);
}

function operationObject(model: SpecModel, op: Operation): Record<string, unknown> {
  const doc = model.document;
  const item = deref(doc, (isRecord(doc.paths) ? doc.paths : {})[op.path]) ?? {};
  return deref(doc, item[op.method]) ?? {};
}

function bodyExample(model: SpecModel, op: Operation): unknown {
  const doc = model.document;
  const body = deref(doc, operationObject(model, op).requestBody) ?? {};
  const media = isRecord(body.content) ? deref(doc, body.content[op.body!.mediaType]) ?? {} : {};
  const explicit = explicitExample(doc, media);
  if (explicit !== undefined) return explicit.value;
  return exampleOf(doc, deref(doc, media.schema) ?? {}, op.body!.field, 0);
}

/** The spec's description of the operation's response, as a sentence; `undefined` when it has none. */
export function responseDescription(model: SpecModel, op: Operation): string | undefined {
  const responses = operationObject(model, op).responses;
  const response = isRecord(responses) ? deref(model.document, responses[op.response.status]) : undefined;
  return typeof response?.description === "string" && response.description.trim() !== "" ? sentence(response.description.trim()) : undefined;
}

/** A spec's own example, from `example`, the first of `examples` (map or list), or the schema's. */
function explicitExample(doc: Record<string, unknown>, node: Record<string, unknown>): { value: unknown } | undefined {
  if (node.example !== undefined) return { value: node.example };
  if (Array.isArray(node.examples) && node.examples.length > 0) return { value: node.examples[0] };
  if (isRecord(node.examples)) {
    for (const raw of Object.values(node.examples)) {
      const example = deref(doc, raw);
      if (example && example.value !== undefined) return { value: example.value };
    }
  }
  const schema = deref(doc, node.schema);
  if (schema) {
    if (schema.example !== undefined) return { value: schema.example };
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  }
  return undefined;
}

/** A plausible value for a schema: its example, default, first enum value, a format placeholder, or by type. */
function exampleOf(doc: Record<string, unknown>, schema: Record<string, unknown>, name: string, depth: number): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const options = asArray(schema[key]).map((s) => deref(doc, s)).filter((s): s is Record<string, unknown> => s !== undefined && s.type !== "null");
    if (options.length > 0 && key !== "allOf") return exampleOf(doc, options[0]!, name, depth);
    if (options.length > 0) return exampleOf(doc, Object.assign({}, ...options, { allOf: undefined }), name, depth);
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t !== "null");
  const type = types[0] ?? (isRecord(schema.properties) ? "object" : undefined);
  switch (type) {
    case "string":
      return formatPlaceholder(schema.format) ?? "example";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "array": {
      if (depth > 3) return [];
      return [exampleOf(doc, deref(doc, schema.items) ?? {}, name, depth + 1)];
    }
    case "object": {
      if (depth > 3) return {};
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const required = new Set(asArray(schema.required).filter((r): r is string => typeof r === "string"));
      const result: Record<string, unknown> = {};
      for (const [key, raw] of Object.entries(properties)) {
        const property = deref(doc, raw) ?? {};
        const telling = property.example !== undefined || property.examples !== undefined || property.enum !== undefined;
        if (required.has(key) || telling) result[key] = exampleOf(doc, property, key, depth + 1);
      }
      if (Object.keys(result).length === 0 && Object.keys(properties).length === 0 && schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
        result.key = exampleOf(doc, deref(doc, schema.additionalProperties) ?? { type: "string" }, "key", depth + 1);
      }
      return result;
    }
    default:
      return "example";
  }
}

/** A TypeScript expression standing for a value that JSON cannot spell, e.g. a file's contents. */
class Code {
  constructor(readonly code: string) {}
}

function formatPlaceholder(format: unknown): string | Code | undefined {
  switch (format) {
    case "binary":
      return new Code('new Blob(["file contents"])');
    case "uuid":
      return SAMPLE_UUID;
    case "date-time":
      return SAMPLE_DATE_TIME;
    case "date":
      return SAMPLE_DATE;
    case "email":
      return "user@example.com";
    case "uri":
    case "url":
      return "https://example.com";
    default:
      return undefined;
  }
}

/** A value as TypeScript: like `literal`, but also prints `Code`. */
function tsLiteral(value: unknown): string {
  if (value instanceof Code) return value.code;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${tsLiteral(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return literal(value);
}

/** A value as TypeScript, one property per line when it does not fit on one. */
function pretty(value: unknown, indent: string): string {
  const flat = tsLiteral(value);
  if (flat.length + indent.length <= 72 || typeof value !== "object" || value === null || value instanceof Code) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${pretty(v, inner)},\n`).join("")}${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${propertyKey(k)}: ${pretty(v, inner)},\n`);
  return `{\n${entries.join("")}${indent}}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
