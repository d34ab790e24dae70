/**
 * A value checked against a shape (shape.ts), as response validation does it: tolerant of
 * the drift an API goes through without breaking its clients.
 *
 * Issues: a missing required property, a value of the wrong type, a string not of its format
 * (formats.ts), a number out of its bounds, a string or array of the wrong length, a string
 * not matching its pattern.
 *
 * Never issues (drift): a property the schema does not list (`additionalProperties: false`
 * included), a string or number outside its `enum`, a value other than its `const` (a
 * one-value enum), a discriminator value the mapping does not list (a new variant). A
 * `pattern` that does not compile, a `$ref` to no schema and an unknown format check nothing.
 *
 * `oneOf` is checked as `anyOf` (one passing branch is enough): with unknown properties
 * allowed, the branches of most unions overlap. With a discriminator, the value's variant
 * is checked against the branch its mapping selects.
 *
 * `closed` checks as Prism checks a request (the test kit's request checks): what drift allows
 * becomes an issue too, an `enum` or `const` not matched, a property a closed object
 * (`additionalProperties: false`) does not list, a discriminator value its mapping does not list.
 */
import type { ValidationIssue } from "../errors.js";
import type { ArrayShape, BooleanShape, NumberShape, ObjectShape, Shape, Shapes, StringShape, UnionShape } from "../shape.js";
import { describeShape, describeValue, pointerTo } from "./describe.js";
import { matchesFormat } from "./formats.js";

/** Deeper data is not checked further (a hostile body must not overflow the stack). */
const MAX_DEPTH = 256;
const NO_REFS: ReadonlySet<string> = new Set();

interface Walk {
  readonly shapes: Pick<Shapes, "schemas">;
  readonly issues: ValidationIssue[];
  /** Drift is an issue too (see above). */
  readonly closed: boolean;
}

export interface ValidateOptions {
  /** Check as Prism checks a request: enums, consts, closed objects and unmapped variants too. */
  readonly closed?: boolean;
}

/**
 * Every issue of `value` against `shape`, `$ref`s followed by name in `shapes.schemas`;
 * `[]` when it passes. Each issue's `pointer` is a JSON pointer into `value` (`""` for the
 * value itself). Never throws for a shape the generator writes.
 */
export function validate(shape: Shape, value: unknown, shapes: Pick<Shapes, "schemas">, options: ValidateOptions = {}): ValidationIssue[] {
  const walk: Walk = { shapes, issues: [], closed: options.closed === true };
  check(shape, value, "", walk, NO_REFS, 0);
  const seen = new Set<string>();
  return walk.issues.filter((issue) => {
    const key = `${issue.pointer}\u0000${issue.expected}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** `refs`: the schemas entered by name since the last step into the data, so a `$ref` cycle ends. */
function check(shape: Shape, value: unknown, pointer: string, walk: Walk, refs: ReadonlySet<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (value === null && (shape.nullable || shape.type === "null" || shape.type === "any")) return;
  switch (shape.type) {
    case "any":
      return;
    case "ref": {
      const target = Object.hasOwn(walk.shapes.schemas, shape.ref) ? walk.shapes.schemas[shape.ref] : undefined;
      if (target === undefined || refs.has(shape.ref)) return;
      check(target, value, pointer, walk, new Set(refs).add(shape.ref), depth);
      return;
    }
    case "allOf":
      for (const branch of shape.of) check(branch, value, pointer, walk, refs, depth);
      return;
    case "oneOf":
    case "anyOf":
      checkUnion(shape, value, pointer, walk, refs, depth);
      return;
    case "string":
      if (typeof value !== "string") return mismatch(shape, value, pointer, walk);
      checkString(shape, value, pointer, walk);
      return;
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value) || (shape.type === "integer" && !Number.isInteger(value))) {
        return mismatch(shape, value, pointer, walk);
      }
      checkNumber(shape, value, pointer, walk);
      return;
    case "boolean":
      if (typeof value !== "boolean") mismatch(shape, value, pointer, walk);
      else if (walk.closed) closedValue(shape, value, (expected) => walk.issues.push({ pointer, expected, received: describeValue(value) }));
      return;
    case "null":
      mismatch(shape, value, pointer, walk);
      return;
    case "array":
      if (!Array.isArray(value)) return mismatch(shape, value, pointer, walk);
      checkArray(shape, value, pointer, walk, depth);
      return;
    case "object":
      if (!isObject(value)) return mismatch(shape, value, pointer, walk);
      checkObject(shape, value, pointer, walk, depth);
      return;
  }
}

function mismatch(shape: Shape, value: unknown, pointer: string, walk: Walk): void {
  walk.issues.push({ pointer, expected: describeShape(shape), received: describeValue(value) });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkString(shape: StringShape, value: string, pointer: string, walk: Walk): void {
  const issue = (expected: string) => walk.issues.push({ pointer, expected, received: describeValue(value) });
  if (walk.closed) closedValue(shape, value, issue);
  if (shape.format !== undefined && !matchesFormat(shape.format, value)) issue(`string (${shape.format})`);
  if (shape.minLength !== undefined || shape.maxLength !== undefined) {
    const length = [...value].length;
    if (shape.minLength !== undefined && length < shape.minLength) issue(`string of at least ${shape.minLength} characters`);
    if (shape.maxLength !== undefined && length > shape.maxLength) issue(`string of at most ${shape.maxLength} characters`);
  }
  if (shape.pattern !== undefined && compiled(shape.pattern)?.test(value) === false) issue(`string matching /${shape.pattern}/`);
}

const patterns = new Map<string, RegExp | null>();

/** The spec's pattern as a RegExp (Unicode first, as JSON Schema means it); `null` when it does not compile. */
function compiled(pattern: string): RegExp | null {
  let regex = patterns.get(pattern);
  if (regex !== undefined) return regex;
  regex = null;
  for (const flags of ["u", ""]) {
    try {
      regex = new RegExp(pattern, flags);
      break;
    } catch {
      // Tried without the Unicode flag next; a pattern neither compiles checks nothing.
    }
  }
  patterns.set(pattern, regex);
  return regex;
}

function checkNumber(shape: NumberShape, value: number, pointer: string, walk: Walk): void {
  const issue = (expected: string) => walk.issues.push({ pointer, expected: `${shape.type} ${expected}`, received: describeValue(value) });
  if (walk.closed) closedValue(shape, value, (expected) => walk.issues.push({ pointer, expected, received: describeValue(value) }));
  if (shape.minimum !== undefined && value < shape.minimum) issue(`≥ ${shape.minimum}`);
  if (shape.maximum !== undefined && value > shape.maximum) issue(`≤ ${shape.maximum}`);
  if (shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum) issue(`> ${shape.exclusiveMinimum}`);
  if (shape.exclusiveMaximum !== undefined && value >= shape.exclusiveMaximum) issue(`< ${shape.exclusiveMaximum}`);
  if (shape.multipleOf !== undefined && shape.multipleOf > 0) {
    const quotient = value / shape.multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) issue(`multiple of ${shape.multipleOf}`);
  }
}

function checkArray(shape: ArrayShape, value: readonly unknown[], pointer: string, walk: Walk, depth: number): void {
  const issue = (expected: string) => walk.issues.push({ pointer, expected, received: describeValue(value) });
  if (shape.minItems !== undefined && value.length < shape.minItems) issue(`array of at least ${shape.minItems} items`);
  if (shape.maxItems !== undefined && value.length > shape.maxItems) issue(`array of at most ${shape.maxItems} items`);
  if (shape.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size < value.length) issue("array of unique items");
  if (shape.items === undefined) return;
  for (let i = 0; i < value.length; i++) check(shape.items, value[i], pointerTo(pointer, i), walk, NO_REFS, depth + 1);
}

function checkObject(shape: ObjectShape, value: Record<string, unknown>, pointer: string, walk: Walk, depth: number): void {
  for (const name of shape.required ?? []) {
    if (!Object.hasOwn(value, name) || value[name] === undefined) walk.issues.push({ pointer: pointerTo(pointer, name), expected: "required property" });
  }
  const properties = shape.properties ?? {};
  const keys = Object.keys(value);
  const count = (expected: string) => walk.issues.push({ pointer, expected, received: `object (${keys.length} properties)` });
  if (shape.minProperties !== undefined && keys.length < shape.minProperties) count(`object of at least ${shape.minProperties} properties`);
  if (shape.maxProperties !== undefined && keys.length > shape.maxProperties) count(`object of at most ${shape.maxProperties} properties`);
  const extra = shape.additionalProperties === false ? undefined : shape.additionalProperties;
  for (const key of keys) {
    const declared = Object.hasOwn(properties, key) ? properties[key] : undefined;
    // A property the schema does not list is drift, not an issue; a map's values are checked.
    const own = declared ?? extra;
    if (walk.closed && declared === undefined && shape.additionalProperties === false) walk.issues.push({ pointer: pointerTo(pointer, key), expected: "no such property" });
    if (own !== undefined && value[key] !== undefined) check(own, value[key], pointerTo(pointer, key), walk, NO_REFS, depth + 1);
  }
}

function checkUnion(shape: UnionShape, value: unknown, pointer: string, walk: Walk, refs: ReadonlySet<string>, depth: number): void {
  const discriminator = shape.discriminator;
  if (discriminator !== undefined && isObject(value) && typeof value[discriminator.propertyName] === "string") {
    const tag = value[discriminator.propertyName] as string;
    const ref = Object.hasOwn(discriminator.mapping, tag) ? discriminator.mapping[tag] : undefined;
    // A variant the mapping does not list is a new one: drift, like a new enum value.
    if (ref !== undefined) check({ type: "ref", ref }, value, pointer, walk, refs, depth);
    else if (walk.closed) walk.issues.push({ pointer: pointerTo(pointer, discriminator.propertyName), expected: oneOf(Object.keys(discriminator.mapping)), received: describeValue(tag) });
    return;
  }
  const trials = shape.of.map((branch) => {
    const trial: Walk = { shapes: walk.shapes, issues: [], closed: walk.closed };
    check(branch, value, pointer, trial, refs, depth);
    return trial.issues;
  });
  if (trials.some((issues) => issues.length === 0)) return;
  // The branch closest to the value: one whose type it has (no issue at the value itself), with the fewest issues.
  const close = trials.filter((issues) => issues.every((issue) => issue.pointer !== pointer));
  if (close.length === 0) return mismatch(shape, value, pointer, walk);
  walk.issues.push(...close.reduce((best, issues) => (issues.length < best.length ? issues : best)));
}

/** Closed checks only: the value is one of the `enum`, or the `const`. */
function closedValue(shape: StringShape | NumberShape | BooleanShape, value: string | number | boolean, issue: (expected: string) => void): void {
  if (shape.const !== undefined && value !== shape.const) issue(oneOf([shape.const]));
  if ("enum" in shape && shape.enum !== undefined && !(shape.enum as readonly unknown[]).includes(value)) issue(oneOf(shape.enum));
}

function oneOf(values: readonly unknown[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
}
