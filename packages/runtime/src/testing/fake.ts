/**
 * Deterministic data from a shape: the same shape and seed give the same value, valid against
 * the schema (formats, enums, const, bounds, lengths, simple patterns, required properties,
 * `allOf` merged, `oneOf`/`anyOf` with the discriminator set to its mapped value). The spec's
 * example wins where it gives one. Recursive schemas end: past a depth only required
 * properties and the fewest items are made, and a schema already being made twice on the
 * current path answers `null` when nullable.
 */
import type { NumberShape, ObjectShape, Shape, UnionShape } from "../shape.js";
import { seeded, type Random } from "./random.js";
import { deref, mergeAllOf, schemaName, type Schemas } from "./resolve.js";
import { fakeString } from "./strings.js";

/** Past this depth, objects get only their required properties and arrays their fewest items. */
const FULL_DEPTH = 4;
/** How many times one schema may be on the path being made before a nullable one answers null. */
const MAX_REPEATS = 2;

interface Context {
  readonly schemas: Schemas;
  readonly random: Random;
  readonly depth: number;
  readonly path: readonly string[];
  /** Whether the spec's examples (and defaults) win over generated values. */
  readonly examples: boolean;
}

export interface FakeOptions {
  /**
   * Whether the spec's examples and defaults win over generated values (default true). Off, every
   * value is generated for the seed (an example only stands in for a pattern too complex to
   * generate from): distinct items, as a paged list's are.
   */
  readonly examples?: boolean;
}

/** A value for the shape; `seed` picks which. */
export function fakeValue(shape: Shape, schemas: Schemas, seed = 1, options: FakeOptions = {}): unknown {
  return make(shape, { schemas, random: seeded(seed), depth: 0, path: [], examples: options.examples ?? true });
}

function make(shape: Shape, ctx: Context): unknown {
  if (shape.type === "ref") {
    const name = schemaName(shape.ref);
    const repeats = ctx.path.filter((p) => p === name).length;
    if ((repeats >= MAX_REPEATS && shape.nullable) || repeats > 3 * MAX_REPEATS) return null;
    return make(deref(shape, ctx.schemas), { ...ctx, path: [...ctx.path, name] });
  }
  if (ctx.examples && shape.example !== undefined) return structuredClone(shape.example);
  if (ctx.examples && shape.default !== undefined && shape.type !== "object" && shape.type !== "array") return structuredClone(shape.default);
  const deeper: Context = { ...ctx, depth: ctx.depth + 1 };
  switch (shape.type) {
    case "string":
      return fakeString(shape, ctx.random) ?? (typeof shape.example === "string" ? shape.example : "example");
    case "number":
    case "integer":
      return fakeNumber(shape, ctx.random);
    case "boolean":
      return shape.const ?? ctx.random.next() < 0.5;
    case "null":
      return null;
    case "any":
      return ctx.random.pick(["alpha", "bravo", "delta"]);
    case "array": {
      const min = shape.minItems ?? 0;
      const max = shape.maxItems ?? Math.max(min, 2);
      const count = ctx.depth >= FULL_DEPTH ? min : Math.min(max, Math.max(min, ctx.random.int(1, 2)));
      const items: unknown[] = [];
      const seen = new Set<string>();
      for (let i = 0, tries = 0; items.length < count && tries < count * 8; tries++, i++) {
        const item = shape.items === undefined ? ctx.random.int(0, 999) : make(shape.items, { ...deeper, random: ctx.random.fork(i) });
        const key = JSON.stringify(item);
        if (shape.uniqueItems && seen.has(key)) continue;
        seen.add(key);
        items.push(item);
      }
      return items;
    }
    case "object":
      return fakeObject(shape, deeper);
    case "allOf": {
      const merged = mergeAllOf(shape.of, ctx.schemas);
      return merged !== undefined ? fakeObject(merged, deeper) : make(shape.of[0] ?? { type: "any" }, deeper);
    }
    case "oneOf":
    case "anyOf":
      return fakeUnion(shape, deeper);
  }
}

function fakeObject(shape: ObjectShape, ctx: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(shape.required ?? []);
  for (const [name, property] of Object.entries(shape.properties ?? {})) {
    if (!required.has(name) && ctx.depth >= FULL_DEPTH) continue;
    out[name] = make(property, { ...ctx, random: ctx.random.fork(name) });
  }
  for (const name of required) if (!(name in out)) out[name] = ctx.random.pick(["alpha", "bravo"]);
  const extra = shape.additionalProperties;
  if (shape.properties === undefined && extra !== undefined && extra !== false && ctx.depth < FULL_DEPTH) {
    for (const key of ["alpha", "bravo"]) out[key] = make(extra, { ...ctx, random: ctx.random.fork(key) });
  }
  return out;
}

function fakeUnion(shape: UnionShape, ctx: Context): unknown {
  const discriminator = shape.discriminator;
  const mapped = discriminator === undefined ? [] : Object.entries(discriminator.mapping);
  if (discriminator !== undefined && mapped.length > 0) {
    const [value, ref] = ctx.random.pick(mapped);
    const made = make({ type: "ref", ref: schemaName(ref) }, ctx);
    return typeof made === "object" && made !== null ? { ...made, [discriminator.propertyName]: value } : made;
  }
  const options = shape.of.filter((option) => option.type !== "null");
  return make(ctx.random.pick(options.length > 0 ? options : shape.of), ctx);
}

function fakeNumber(shape: NumberShape, random: Random): number {
  if (shape.const !== undefined) return shape.const;
  if (shape.enum !== undefined && shape.enum.length > 0) return random.pick(shape.enum);
  const integer = shape.type === "integer" || (shape.multipleOf !== undefined && Number.isInteger(shape.multipleOf));
  const step = shape.multipleOf ?? (integer ? 1 : 0.01);
  let low = shape.minimum ?? (shape.exclusiveMinimum !== undefined ? shape.exclusiveMinimum + step : undefined);
  let high = shape.maximum ?? (shape.exclusiveMaximum !== undefined ? shape.exclusiveMaximum - step : undefined);
  if (shape.exclusiveMinimum !== undefined && low !== undefined && low <= shape.exclusiveMinimum) low = shape.exclusiveMinimum + step;
  if (shape.exclusiveMaximum !== undefined && high !== undefined && high >= shape.exclusiveMaximum) high = shape.exclusiveMaximum - step;
  low ??= high !== undefined ? Math.min(0, high - 1000) : 0;
  high ??= low + 1000;
  const first = Math.ceil(low / step);
  const last = Math.floor(high / step);
  const multiple = last >= first ? random.int(first, last) : first;
  const value = multiple * step;
  return integer ? Math.round(value) : Number(value.toFixed(6));
}

/** Data for a component schema, with `overrides` laid over an object's properties. */
export function fakeSchema(schemas: Schemas, name: string, options: { seed?: number; overrides?: Record<string, unknown> } = {}): unknown {
  const value = fakeValue({ type: "ref", ref: name }, schemas, options.seed ?? 1);
  if (options.overrides === undefined) return value;
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value, ...options.overrides } : value;
}

/** What a data builder lets a test set: some of an object's properties (nothing for other kinds of data). */
export type Overrides<T> = T extends readonly unknown[] ? never : T extends object ? Partial<T> : never;
