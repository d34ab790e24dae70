/**
 * The object side of a schema as openapi-typescript prints it: which properties the type
 * has and which without `?`, its index signature (`additionalProperties`), and `allOf` of
 * plain objects merged into one object.
 */
import { both, type DiffContext } from "./context.js";
import { asArray, asRecord, child, deepEqual, isRecord, unionKeys, type Json, type Located } from "./json.js";
import { inner, say, type SchemaScope } from "./schema-scope.js";

/** Keywords that only document: a change to them is a patch. */
export const DOC_KEYS = new Set(["description", "title", "summary", "example", "examples", "externalDocs", "$comment", "xml"]);

/** Compares two schemas in a scope: compareSchema, handed in so this file does not import it back. */
export type Recurse = (scope: SchemaScope, before: Located, after: Located) => void;

/** A schema with its `$ref` followed; `props` says where each property lives when allOf members were merged. */
export type Resolved = Located & { node: Json; props?: Readonly<Record<string, string>> };

/** Keywords of an allOf member that merge into one object type (openapi-typescript prints an intersection). */
const PLAIN_MEMBER = new Set(["type", "properties", "required", "definitions", "$defs", ...DOC_KEYS]);

export function at(r: Resolved, ...path: string[]): Located {
  let node: unknown = r.node;
  for (const key of path) node = asRecord(node)[key];
  const [first, name, ...rest] = path;
  const where = first === "properties" && name !== undefined && r.props?.[name] ? child(r.props[name], ...rest) : child(r.at, ...path);
  return { node: node ?? {}, at: where };
}

/**
 * `allOf` of plain objects is one object type: its members' properties and required names
 * are merged, so moving properties into or out of allOf members is judged property by property.
 */
export function flattenAllOf(ctx: DiffContext, side: "before" | "after", r: Resolved): Resolved {
  const members = asArray(r.node.allOf).map((m, i) => {
    const target = ctx.locate(side, m, child(r.at, "allOf", i));
    return { node: { ...asRecord(target.node), ...siblingsOf(m) }, at: target.at };
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

function siblingsOf(node: unknown): Json {
  const { $ref: _ref, ...rest } = asRecord(node);
  return rest;
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

export function compareProperties(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved, recurse: Recurse): void {
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
      recurse(sub, at(b, "properties", name), at(a, "properties", name));
    }
  }
}

/** `additionalProperties: true` or a schema gives the type an index signature; absent or false does not. */
export function compareAdditional(ctx: DiffContext, scope: SchemaScope, b: Resolved, a: Resolved, recurse: Recurse): void {
  const [bv, av] = [b.node.additionalProperties, a.node.additionalProperties];
  if (deepEqual(bv, av)) return;
  const open = (v: unknown) => v === true || isRecord(v);
  const pointer = child(a.at, "additionalProperties");
  if (open(bv) && open(av)) {
    recurse(inner(scope, `${scope.label}[string]`, scope.noun), { node: bv === true ? {} : bv, at: child(b.at, "additionalProperties") }, { node: av === true ? {} : av, at: pointer });
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
