/**
 * Whether a value fits a shape, as Prism checks a request body: every problem with its JSON
 * pointer and what was expected. Missing required properties, wrong types, formats, enums,
 * bounds, lengths and patterns are problems; unknown properties are not, unless the schema
 * closes the object (`additionalProperties: false`).
 */
import type { Shape } from "../shape.js";
import { deref, mergeAllOf, schemaName, type Schemas } from "./resolve.js";
import { matchesFormat } from "./strings.js";

export interface Problem {
  /** A JSON pointer into the checked value (`""` is the value itself). */
  readonly pointer: string;
  readonly message: string;
}

export function checkValue(value: unknown, shape: Shape, schemas: Schemas, pointer = ""): Problem[] {
  const problems: Problem[] = [];
  visit(value, shape, schemas, pointer, problems, 0);
  return problems;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function visit(value: unknown, raw: Shape, schemas: Schemas, at: string, out: Problem[], depth: number): void {
  if (depth > 64) return;
  const shape = deref(raw, schemas);
  if (value === null && (shape.nullable || raw.nullable || shape.type === "null" || shape.type === "any")) return;
  const fail = (message: string): void => void out.push({ pointer: at, message });
  const kind = kindOf(value);
  switch (shape.type) {
    case "any":
      return;
    case "null":
      return fail(`expected null, got ${kind}`);
    case "boolean":
      if (kind !== "boolean") return fail(`expected a boolean, got ${kind}`);
      if (shape.const !== undefined && value !== shape.const) fail(`expected ${String(shape.const)}`);
      return;
    case "integer":
    case "number": {
      if (kind !== "integer" && (kind !== "number" || shape.type === "integer")) return fail(`expected ${shape.type === "integer" ? "an integer" : "a number"}, got ${kind}`);
      const n = value as number;
      if (shape.const !== undefined && n !== shape.const) fail(`expected ${shape.const}`);
      if (shape.enum !== undefined && !shape.enum.includes(n)) fail(`expected one of ${shape.enum.join(", ")}`);
      if (shape.minimum !== undefined && n < shape.minimum) fail(`expected at least ${shape.minimum}`);
      if (shape.maximum !== undefined && n > shape.maximum) fail(`expected at most ${shape.maximum}`);
      if (shape.exclusiveMinimum !== undefined && n <= shape.exclusiveMinimum) fail(`expected more than ${shape.exclusiveMinimum}`);
      if (shape.exclusiveMaximum !== undefined && n >= shape.exclusiveMaximum) fail(`expected less than ${shape.exclusiveMaximum}`);
      if (shape.multipleOf !== undefined && Math.abs(n / shape.multipleOf - Math.round(n / shape.multipleOf)) > 1e-9) fail(`expected a multiple of ${shape.multipleOf}`);
      return;
    }
    case "string": {
      if (kind !== "string") return fail(`expected a string, got ${kind}`);
      const s = value as string;
      if (shape.const !== undefined && s !== shape.const) fail(`expected ${JSON.stringify(shape.const)}`);
      if (shape.enum !== undefined && !shape.enum.includes(s)) fail(`expected one of ${shape.enum.map((e) => JSON.stringify(e)).join(", ")}`);
      if (shape.format !== undefined && !matchesFormat(s, shape.format)) fail(`expected a ${shape.format} string`);
      if (shape.minLength !== undefined && s.length < shape.minLength) fail(`expected at least ${shape.minLength} characters`);
      if (shape.maxLength !== undefined && s.length > shape.maxLength) fail(`expected at most ${shape.maxLength} characters`);
      if (shape.pattern !== undefined && !safeTest(shape.pattern, s)) fail(`expected a string matching ${shape.pattern}`);
      return;
    }
    case "array": {
      if (!Array.isArray(value)) return fail(`expected an array, got ${kind}`);
      if (shape.minItems !== undefined && value.length < shape.minItems) fail(`expected at least ${shape.minItems} items`);
      if (shape.maxItems !== undefined && value.length > shape.maxItems) fail(`expected at most ${shape.maxItems} items`);
      if (shape.items !== undefined) value.forEach((item, i) => visit(item, shape.items!, schemas, `${at}/${i}`, out, depth + 1));
      return;
    }
    case "object": {
      if (kind !== "object") return fail(`expected an object, got ${kind}`);
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) if (record[name] === undefined) out.push({ pointer: `${at}/${escape(name)}`, message: "a required property is missing" });
      for (const [name, item] of Object.entries(record)) {
        const property = shape.properties?.[name];
        if (property !== undefined) visit(item, property, schemas, `${at}/${escape(name)}`, out, depth + 1);
        else if (shape.additionalProperties === false) out.push({ pointer: `${at}/${escape(name)}`, message: "an unknown property" });
        else if (shape.additionalProperties !== undefined) visit(item, shape.additionalProperties, schemas, `${at}/${escape(name)}`, out, depth + 1);
      }
      return;
    }
    case "allOf": {
      const merged = mergeAllOf(shape.of, schemas);
      if (merged !== undefined) return visit(value, merged, schemas, at, out, depth + 1);
      for (const member of shape.of) visit(value, member, schemas, at, out, depth + 1);
      return;
    }
    case "oneOf":
    case "anyOf": {
      const d = shape.discriminator;
      const tag = d !== undefined && kind === "object" ? (value as Record<string, unknown>)[d.propertyName] : undefined;
      if (d !== undefined && typeof tag === "string" && d.mapping[tag] !== undefined) {
        return visit(value, { type: "ref", ref: schemaName(d.mapping[tag]) }, schemas, at, out, depth + 1);
      }
      const attempts = shape.of.map((option) => checkValue(value, option, schemas, at));
      if (attempts.some((problems) => problems.length === 0)) return;
      const closest = attempts.reduce((best, problems) => (problems.length < best.length ? problems : best));
      out.push(...closest);
      return;
    }
  }
}

function escape(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return true;
  }
}
