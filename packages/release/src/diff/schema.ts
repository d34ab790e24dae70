/**
 * Compares two versions of one schema, in the direction its values travel: what callers
 * send (`in`), what they read (`out`), or both. `$ref`s to one component schema on both
 * sides stop here: each component is judged once, by compareComponents.
 */
import { both, type DiffContext } from "./context.js";
import { asArray, asRecord, child, deepEqual, show, unionKeys, type Json, type Located } from "./json.js";
import { at, compareAdditional, compareProperties, DOC_KEYS, flattenAllOf, type Resolved } from "./schema-object.js";
import { compareValue, CONSTRAINTS } from "./schema-value.js";
import { inner, say, type SchemaScope } from "./schema-scope.js";

export { DOC_KEYS } from "./schema-object.js";

const HANDLED = new Set([
  "$ref", "definitions", "$defs", "type", "nullable", "enum", "const", "format", "default", "readOnly", "writeOnly", "deprecated",
  "properties", "required", "additionalProperties", "items", "allOf", "oneOf", "anyOf", ...Object.keys(CONSTRAINTS),
]);

export function compareSchema(ctx: DiffContext, scope: SchemaScope, before: Located, after: Located): void {
  const [bName, aName] = [ctx.componentOf("before", before.node), ctx.componentOf("after", after.node)];
  if (bName !== undefined && bName === aName) {
    // The component itself is judged once; here only what sits beside the $ref.
    compareKeywords(ctx, scope, { node: siblings(before.node), at: before.at }, { node: siblings(after.node), at: after.at });
    return;
  }
  if (bName !== aName) {
    const name = (side: "before" | "after", n: string | undefined) =>
      n === undefined ? "an inline schema" : `type ${ctx[side].schemas.find((s) => s.name === n)?.typeName ?? n}`;
    // The label already names the new type when it is one: `response Volume now uses type Volume` says it twice.
    const label = aName !== undefined && scope.label === ctx.after.schemas.find((s) => s.name === aName)?.typeName ? "" : ` ${scope.label}`;
    ctx.add("patch", after.at, `${scope.context}${scope.noun}${label} now uses ${name("after", aName)} instead of ${name("before", bName)}`);
  }
  const key = `${before.at}|${after.at}|${scope.dir}`;
  if (ctx.compared.has(key)) return;
  ctx.compared.add(key);
  compareKeywords(ctx, scope, resolve(ctx, "before", before), resolve(ctx, "after", after));
}

/** What a `$ref` leads to, with any keywords beside it laid over (as 3.1 reads them). */
function resolve(ctx: DiffContext, side: "before" | "after", at: Located): Resolved {
  const target = ctx.locate(side, at.node, at.at);
  const extra = siblings(at.node);
  return flattenAllOf(ctx, side, { node: { ...asRecord(target.node), ...extra }, at: target.at });
}

function siblings(node: unknown): Json {
  const { $ref: _ref, ...rest } = asRecord(node);
  return rest;
}

function compareKeywords(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved): void {
  if (deepEqual(b.node, a.node)) return;
  compareValue(ctx, scope, b, a);
  const recurse = (sub: SchemaScope, before: Located, after: Located) => compareSchema(ctx, sub, before, after);
  compareProperties(ctx, scope, b, a, recurse);
  compareAdditional(ctx, scope, b, a, recurse);
  if (b.node.items !== undefined || a.node.items !== undefined) {
    compareSchema(ctx, inner(scope, `${scope.label}[]`, scope.noun), at(b, "items"), at(a, "items"));
  }
  for (const key of ["allOf", "oneOf", "anyOf"] as const) compareMembers(ctx, scope, b, a, key);
  for (const key of ["definitions", "$defs"]) compareDefinitions(ctx, scope, b, a, key);
  compareRest(ctx, scope, b, a, HANDLED);
}

function compareMembers(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved, key: "allOf" | "oneOf" | "anyOf"): void {
  const [bl, al] = [asArray(b.node[key]), asArray(a.node[key])];
  if (bl.length === 0 && al.length === 0) return;
  for (let i = 0; i < Math.min(bl.length, al.length); i++) {
    compareSchema(ctx, inner(scope, `${scope.label}(${key} ${i})`, scope.noun), at(b, key, String(i)), at(a, key, String(i)));
  }
  if (al.length === bl.length) return;
  const text = say(scope, `${key} goes from ${bl.length} to ${al.length} members`);
  if (al.length > bl.length && key !== "allOf") {
    ctx.judge(scope.dir, child(a.at, key), text, { in: { bump: "minor" }, out: { bump: "major", why: "callers reading it may get the new shapes" } });
  } else {
    ctx.judge(scope.dir, child(a.at, key), text, both("major", "the type changes"));
  }
}

/**
 * Schemas nested under `definitions` only count when a `$ref` points at them, and the loader
 * then copies each to its own component, judged there; here the nested copies are compared
 * too, and one added or removed is a patch (a reference to it shows up elsewhere).
 */
function compareDefinitions(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved, key: string): void {
  for (const name of unionKeys(b.node[key], a.node[key])) {
    const [bd, ad] = [asRecord(b.node[key])[name], asRecord(a.node[key])[name]];
    if (bd === undefined || ad === undefined) {
      ctx.add("patch", bd === undefined ? child(a.at, key, name) : child(b.at, key, name), say(scope, `${bd === undefined ? "gains" : "loses"} the nested schema ${key}/${name}`));
    } else {
      compareSchema(ctx, inner(scope, `${scope.label}/${key}/${name}`, scope.noun), at(b, key, name), at(a, key, name));
    }
  }
}

/** Documentation is a patch, extensions are not read by the generator, anything else is not recognised. */
export function compareRest(ctx: DiffContext, scope: SchemaScope | string, b: Located, a: Located, handled: ReadonlySet<string>): void {
  const subject = typeof scope === "string" ? scope : `${scope.context}${scope.noun} ${scope.label}`;
  for (const key of unionKeys(b.node, a.node)) {
    if (handled.has(key)) continue;
    const [bv, av] = [asRecord(b.node)[key], asRecord(a.node)[key]];
    if (deepEqual(bv, av)) continue;
    const pointer = av === undefined ? child(b.at, key) : child(a.at, key);
    const what = bv === undefined ? "added" : av === undefined ? "removed" : "changed";
    if (DOC_KEYS.has(key)) ctx.add("patch", pointer, `${subject}: ${key} ${what}`);
    else if (key.startsWith("x-")) ctx.add("patch", pointer, `${subject}: extension ${key} ${what} (the generator does not read it)`);
    else ctx.add("major", pointer, `${subject}: unrecognised change: ${key} ${what}${typeof av !== "object" && av !== undefined ? ` (${show(bv)} → ${show(av)})` : ""}; judged major to be safe`);
  }
}
