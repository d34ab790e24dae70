/**
 * The value a schema allows: JSON types, null, enum values, format, constraints, default
 * and flags. Each difference is judged for callers who send the value and who read it.
 */
import type { DiffContext } from "./context.js";
import { both } from "./context.js";
import { child, deepEqual, show, type Json, type Located } from "./json.js";
import { say, type SchemaScope } from "./schema-scope.js";

const SENDING = "callers sending the old values no longer compile or are refused";

/** The JSON types a schema allows (without null); `undefined` when it says nothing (any). */
export function typesOf(s: Json): string[] | undefined {
  if (typeof s.type === "string") return s.type === "null" ? [] : [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t) => t !== "null").map(String).sort();
  const values = s.const !== undefined ? [s.const] : Array.isArray(s.enum) ? s.enum : undefined;
  if (values) return [...new Set(values.filter((v) => v !== null).map(jsonType))].sort();
  if (s.properties !== undefined || s.additionalProperties !== undefined || s.required !== undefined) return ["object"];
  if (s.items !== undefined) return ["array"];
  return undefined;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function isNullable(s: Json): boolean {
  return s.nullable === true || s.type === "null" || (Array.isArray(s.type) && s.type.includes("null")) || (Array.isArray(s.enum) && s.enum.includes(null));
}

/** Enum values without null (null is judged as nullability); `undefined` when any value goes. */
function enumOf(s: Json): unknown[] | undefined {
  if (s.const !== undefined) return [s.const];
  return Array.isArray(s.enum) ? s.enum.filter((v) => v !== null) : undefined;
}

/** Every type `narrow` allows, `wide` allows too (an integer is a number). */
function covers(wide: string[] | undefined, narrow: string[] | undefined): boolean {
  if (wide === undefined) return true;
  if (narrow === undefined) return false;
  return narrow.every((t) => wide.includes(t) || (t === "integer" && wide.includes("number")));
}

const showTypes = (t: string[] | undefined) => (t === undefined ? "any" : t.length === 0 ? "null" : t.join(" | "));

export function compareValue(ctx: DiffContext, scope: SchemaScope, b: Located & { node: Json }, a: Located & { node: Json }): void {
  const before = b.node;
  const after = a.node;
  const [bt, at] = [typesOf(before), typesOf(after)];
  if (!deepEqual(bt, at)) {
    const widened = covers(at, bt);
    const narrowed = covers(bt, at);
    const text = say(scope, `changes type from ${showTypes(bt)} to ${showTypes(at)}`);
    if (widened && !narrowed) ctx.judge(scope.dir, child(a.at, "type"), text, { in: { bump: "minor" }, out: { bump: "major", why: "callers reading it may get values of the new type" } });
    else if (narrowed && !widened) ctx.judge(scope.dir, child(a.at, "type"), text, { in: { bump: "major", why: SENDING }, out: { bump: "minor" } });
    else ctx.judge(scope.dir, child(a.at, "type"), text, both("major", "callers using the old type no longer compile"));
  }
  const [bn, an] = [isNullable(before), isNullable(after)];
  if (bn !== an) {
    ctx.judge(scope.dir, a.at, say(scope, an ? "can now be null" : "can no longer be null"), an
      ? { in: { bump: "minor" }, out: { bump: "major", why: "callers reading it must handle null" } }
      : { in: { bump: "major", why: "callers sending null no longer compile" }, out: { bump: "minor" } });
  }
  compareEnum(ctx, scope, b, a);
  compareFormat(ctx, scope, b, a);
  compareConstraints(ctx, scope, b, a);
  compareFlags(ctx, scope, b, a);
}

function compareEnum(ctx: DiffContext, scope: SchemaScope, b: Located & { node: Json }, a: Located & { node: Json }): void {
  const [be, ae] = [enumOf(b.node), enumOf(a.node)];
  const at = child(a.at, a.node.const !== undefined ? "const" : "enum");
  if (be === undefined && ae === undefined) return;
  if (be === undefined) {
    ctx.judge(scope.dir, at, say(scope, `is now limited to ${ae!.map(show).join(", ")}`), both("major", "callers using other values no longer compile"));
    return;
  }
  if (ae === undefined) {
    ctx.judge(scope.dir, child(b.at, "enum"), say(scope, "is no longer limited to enum values"), { in: { bump: "minor" }, out: { bump: "major", why: "callers reading it may get any value" } });
    return;
  }
  const removed = be.filter((v) => !ae.some((x) => deepEqual(x, v)));
  const added = ae.filter((v) => !be.some((x) => deepEqual(x, v)));
  if (removed.length > 0) {
    ctx.judge(scope.dir, child(b.at, "enum"), say(scope, `loses enum value${removed.length > 1 ? "s" : ""} ${removed.map(show).join(", ")}`), both("major", `callers using ${removed.length > 1 ? "them" : "it"} no longer compile`));
  }
  if (added.length > 0) {
    const warn = scope.dir !== "in";
    ctx.judge(scope.dir, at, say(scope, `gains enum value${added.length > 1 ? "s" : ""} ${added.map(show).join(", ")}`), {
      in: { bump: "minor" },
      out: { bump: "minor", why: "warning: callers reading it may get the new values; exhaustive switches over it will notice" },
    }, warn);
  }
}

/** Formats whose values all fit another: going from the first to the second loosens. */
const WIDER_FORMAT: Readonly<Record<string, string>> = { int32: "int64", float: "double" };

function compareFormat(ctx: DiffContext, scope: SchemaScope, b: Located & { node: Json }, a: Located & { node: Json }): void {
  const [bf, af] = [b.node.format, a.node.format];
  if (deepEqual(bf, af)) return;
  const text = say(scope, `changes format from ${show(bf)} to ${show(af)}`);
  if (bf === "binary" || af === "binary") ctx.judge(scope.dir, child(a.at, "format"), text, both("major", "a binary value is typed as a Blob, any other string as a string"));
  else if (af === undefined) ctx.judge(scope.dir, child(b.at, "format"), text, both("minor"));
  else if (typeof bf === "string" && WIDER_FORMAT[bf] === af) ctx.judge(scope.dir, child(a.at, "format"), text, { in: { bump: "minor" }, out: { bump: "minor", why: "callers reading it may get larger values" } });
  else ctx.judge(scope.dir, child(a.at, "format"), text, { in: { bump: "major", why: "values callers send may now be refused" }, out: { bump: "minor" } });
}

/** Lower bounds tighten as they rise, upper bounds as they fall; the rest tighten whenever they change. */
export const CONSTRAINTS: Readonly<Record<string, "min" | "max" | "other">> = {
  minimum: "min", exclusiveMinimum: "min", minLength: "min", minItems: "min", minProperties: "min",
  maximum: "max", exclusiveMaximum: "max", maxLength: "max", maxItems: "max", maxProperties: "max",
  pattern: "other", multipleOf: "other", uniqueItems: "other",
};

function compareConstraints(ctx: DiffContext, scope: SchemaScope, b: Located & { node: Json }, a: Located & { node: Json }): void {
  for (const [key, kind] of Object.entries(CONSTRAINTS)) {
    const [bv, av] = [b.node[key], a.node[key]];
    if (deepEqual(bv, av)) continue;
    const numbers = typeof bv === "number" && typeof av === "number";
    const loosened = av === undefined || (key === "uniqueItems" && av === false) ||
      (numbers && (kind === "min" ? av < bv : kind === "max" ? av > bv : false));
    const text = say(scope, `${key} ${show(bv)} → ${show(av)} (${loosened ? "loosened" : "tightened"})`);
    const at = av === undefined ? child(b.at, key) : child(a.at, key);
    if (loosened) ctx.judge(scope.dir, at, text, both("minor"));
    else ctx.judge(scope.dir, at, text, { in: { bump: "major", why: "values callers send may now be refused" }, out: { bump: "minor" } });
  }
}

function compareFlags(ctx: DiffContext, scope: SchemaScope, b: Located & { node: Json }, a: Located & { node: Json }): void {
  const flag = (key: string) => [b.node[key] === true, a.node[key] === true] as const;
  if (!deepEqual(b.node.default, a.node.default)) {
    ctx.judge(scope.dir, child(a.node.default === undefined ? b.at : a.at, "default"), say(scope, `default ${show(b.node.default)} → ${show(a.node.default)}`), both("minor"));
  }
  const [bro, aro] = flag("readOnly");
  if (bro !== aro) {
    ctx.judge(scope.dir, child(a.at, "readOnly"), say(scope, aro ? "is now read-only" : "is no longer read-only"), aro ? both("major", "it is typed readonly: callers assigning to it no longer compile") : both("minor"));
  }
  const [bwo, awo] = flag("writeOnly");
  if (bwo !== awo) {
    ctx.judge(scope.dir, child(a.at, "writeOnly"), say(scope, awo ? "is now write-only" : "is no longer write-only"),
      awo ? { in: { bump: "minor" }, out: { bump: "major", why: "the server no longer returns it" } } : both("minor"));
  }
  const [bd, ad] = flag("deprecated");
  if (bd !== ad) ctx.judge(scope.dir, child(a.at, "deprecated"), say(scope, ad ? "is now deprecated" : "is no longer deprecated"), both(ad ? "minor" : "patch"));
}
