/**
 * Compares two versions of one schema, in the direction its values travel: what callers
 * send (`in`), what they read (`out`), or both. `$ref`s to one component schema on both
 * sides stop here: each component is judged once, by compareComponents.
 */
import { both, type DiffContext } from "./context.js";
import { asArray, asRecord, child, componentName, deepEqual, isRecord, show, unionKeys, type Json, type Located } from "./json.js";
import { compareValue, CONSTRAINTS } from "./schema-value.js";
import { inner, say, type SchemaScope } from "./schema-scope.js";

/** Keywords that only document: a change to them is a patch. */
export const DOC_KEYS = new Set(["description", "title", "summary", "example", "examples", "externalDocs", "$comment", "xml"]);
const HANDLED = new Set([
  "$ref", "definitions", "$defs", "type", "nullable", "enum", "const", "format", "default", "readOnly", "writeOnly", "deprecated",
  "properties", "required", "additionalProperties", "items", "allOf", "oneOf", "anyOf", ...Object.keys(CONSTRAINTS),
]);

/** A schema with its `$ref` followed; `props` says where each property lives when allOf members were merged. */
type Resolved = Located & { node: Json; props?: Readonly<Record<string, string>> };

/** Keywords of an allOf member that merge into one object type (openapi-typescript prints an intersection). */
const PLAIN_MEMBER = new Set(["type", "properties", "required", "definitions", "$defs", ...DOC_KEYS]);

export function compareSchema(ctx: DiffContext, scope: SchemaScope, before: Located, after: Located): void {
  const [bName, aName] = [componentName(before.node), componentName(after.node)];
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

/**
 * `allOf` of plain objects is one object type: its members' properties and required names
 * are merged, so moving properties into or out of allOf members is judged property by property.
 */
function flattenAllOf(ctx: DiffContext, side: "before" | "after", r: Resolved): Resolved {
  const members = asArray(r.node.allOf).map((m, i) => {
    const target = ctx.locate(side, m, child(r.at, "allOf", i));
    return { node: { ...asRecord(target.node), ...siblings(m) }, at: target.at };
  });
  const objectType = (n: Json) => n.type === undefined || n.type === "object";
  if (members.length === 0 || !members.every((m) => Object.keys(m.node).every((k) => PLAIN_MEMBER.has(k) || k.startsWith("x-")) && objectType(m.node))) return r;
  if (!objectType(r.node)) return r;
  const { allOf: _allOf, ...own } = r.node;
  const properties: Json = {};
  const props: Record<string, string> = {};
  const required = new Set(asArray(own.required));
  const listed = new Set(asArray(own.required));
  for (const part of [...members, { node: own, at: r.at }]) {
    const memberRequired = asArray(part.node.required);
    memberRequired.forEach((n) => listed.add(n));
    for (const [name, schema] of Object.entries(asRecord(part.node.properties))) {
      properties[name] = schema;
      props[name] = child(part.at, "properties", name);
      // As openapi-typescript prints it: a member's required names cover its own properties only.
      if (memberRequired.includes(name)) required.add(name);
    }
  }
  // Names required but defined by no member stay listed, so a change to them is still seen.
  for (const name of listed) if (!(String(name) in properties)) required.add(name);
  return { node: { ...own, type: "object", properties, ...(required.size > 0 ? { required: [...required] } : {}) }, at: r.at, props };
}

function siblings(node: unknown): Json {
  const { $ref: _ref, ...rest } = asRecord(node);
  return rest;
}

function compareKeywords(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved): void {
  if (deepEqual(b.node, a.node)) return;
  compareValue(ctx, scope, b, a);
  compareProperties(ctx, scope, b, a);
  compareAdditional(ctx, scope, b, a);
  if (b.node.items !== undefined || a.node.items !== undefined) {
    compareSchema(ctx, inner(scope, `${scope.label}[]`, scope.noun), at(b, "items"), at(a, "items"));
  }
  for (const key of ["allOf", "oneOf", "anyOf"] as const) compareMembers(ctx, scope, b, a, key);
  for (const key of ["definitions", "$defs"]) compareDefinitions(ctx, scope, b, a, key);
  compareRest(ctx, scope, b, a, HANDLED);
}

function at(r: Resolved, ...path: string[]): Located {
  let node: unknown = r.node;
  for (const key of path) node = asRecord(node)[key];
  const [first, name, ...rest] = path;
  const where = first === "properties" && name !== undefined && r.props?.[name] ? child(r.props[name], ...rest) : child(r.at, ...path);
  return { node: node ?? {}, at: where };
}

/**
 * Whether the generated type has the property, and without `?`: openapi-typescript prints a
 * property required when `required` lists it or when it has a default (even beside a `$ref`).
 */
function presence(s: Json, name: string): "required" | "default" | "optional" | undefined {
  const properties = asRecord(s.properties);
  if (!(name in properties)) return undefined;
  if (asArray(s.required).includes(name)) return "required";
  const property = properties[name];
  return isRecord(property) && property.default !== undefined ? "default" : "optional";
}

/** Names `required` lists with no such property: the generated type leaves them out, the server may not. */
function compareGhosts(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved): void {
  const ghosts = (r: Resolved) => asArray(r.node.required).map(String).filter((n) => !(n in asRecord(r.node.properties)));
  const [bg, ag] = [ghosts(b), ghosts(a)];
  const added = ag.filter((n) => !bg.includes(n));
  const removed = bg.filter((n) => !ag.includes(n));
  if (added.length > 0) {
    ctx.judge(scope.dir, child(a.at, "required"), say(scope, `now requires ${added.join(", ")}, which it does not define (the generated type leaves ${added.length > 1 ? "them" : "it"} out)`),
      { in: { bump: "major", why: "the server may refuse requests without it, and callers cannot send it through the type" }, out: { bump: "minor" } });
  }
  if (removed.length > 0) ctx.judge(scope.dir, child(b.at, "required"), say(scope, `no longer requires ${removed.join(", ")}, which it does not define`), both("minor"));
}

function compareProperties(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved): void {
  compareGhosts(ctx, scope, b, a);
  for (const name of unionKeys(b.node.properties, a.node.properties)) {
    const [bp, ap] = [presence(b.node, name), presence(a.node, name)];
    const sub = inner(scope, `${scope.label}.${name}`);
    if (ap === undefined) {
      ctx.judge(scope.dir, at(b, "properties", name).at, say(sub, "was removed"), {
        in: { bump: "major", why: "callers sending it no longer compile" }, out: { bump: "major", why: "callers reading it no longer compile" },
      });
    } else if (bp === undefined) {
      const required = ap !== "optional";
      ctx.judge(scope.dir, at(a, "properties", name).at, `${scope.context}new ${required ? "required" : "optional"} ${sub.noun} ${sub.label}`,
        required ? { in: { bump: "major", why: "callers must now send it" }, out: { bump: "minor" } } : both("minor"));
    } else {
      const [br, ar] = [bp !== "optional", ap !== "optional"];
      const why = (p: typeof bp) => (p === "default" ? "; it has a default, which openapi-typescript types as always present" : "");
      if (!br && ar) {
        ctx.judge(scope.dir, child(a.at, ap === "default" ? "properties" : "required", ...(ap === "default" ? [name, "default"] : [])),
          say(sub, `is now required${why(ap)}`), { in: { bump: "major", why: "callers must now send it" }, out: { bump: "minor" } });
      } else if (br && !ar) {
        ctx.judge(scope.dir, child(a.at, bp === "default" ? "properties" : "required", ...(bp === "default" ? [name] : [])),
          say(sub, `is no longer required${why(bp)}`), { in: { bump: "minor" }, out: { bump: "major", why: "callers reading it must handle undefined" } });
      }
      compareSchema(ctx, sub, at(b, "properties", name), at(a, "properties", name));
    }
  }
}

/** `additionalProperties: true` or a schema gives the type an index signature; absent or false does not. */
function compareAdditional(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved): void {
  const [bv, av] = [b.node.additionalProperties, a.node.additionalProperties];
  if (deepEqual(bv, av)) return;
  const open = (v: unknown) => v === true || isRecord(v);
  const pointer = child(a.at, "additionalProperties");
  if (open(bv) && open(av)) {
    compareSchema(ctx, inner(scope, `${scope.label}[string]`, scope.noun), { node: bv === true ? {} : bv, at: child(b.at, "additionalProperties") }, { node: av === true ? {} : av, at: pointer });
  } else if (open(bv)) {
    ctx.judge(scope.dir, pointer, say(scope, "no longer allows other properties"), {
      in: { bump: "major", why: "callers sending other properties no longer compile" }, out: { bump: "major", why: "callers reading other properties no longer compile" },
    });
  } else if (open(av)) {
    ctx.judge(scope.dir, pointer, say(scope, "now allows other properties"), both("minor"));
  } else if (av === false) {
    ctx.judge(scope.dir, pointer, say(scope, "now refuses other properties (additionalProperties: false)"), { in: { bump: "major", why: "requests with other properties are now refused" }, out: { bump: "minor" } });
  } else {
    ctx.judge(scope.dir, child(b.at, "additionalProperties"), say(scope, "no longer says additionalProperties: false"), both("minor"));
  }
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
