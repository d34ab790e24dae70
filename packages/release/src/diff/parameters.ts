/** Path, query and header parameters of one method: the fields of its request object. */
import { defaultExplode, defaultStyle, type SpecModel } from "@x/codegen";
import type { DiffContext } from "./context.js";
import { asArray, asRecord, child, follow, type Json, type Located } from "./json.js";
import type { MethodRef } from "./methods.js";
import { compareRest, compareSchema } from "./schema.js";
import { contextOf } from "./schema-scope.js";

const COMPONENT = "#/components/parameters/";
type Parameter = SpecModel["resources"][number]["operations"][number]["parameters"][number];

const HANDLED = new Set(["name", "in", "required", "deprecated", "schema", "style", "explode", "allowReserved", "content"]);

export function compareParameters(ctx: DiffContext, b: MethodRef, a: MethodRef, methodContext: string): void {
  const key = (p: { in: string; name: string }) => `${p.in}:${p.name}`;
  const before = new Map(b.op.parameters.map((p) => [key(p), p]));
  const after = new Map(a.op.parameters.map((p) => [key(p), p]));
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    let context = methodContext;
    const [bp, ap] = [before.get(k), after.get(k)];
    const [braw, araw] = [bp && rawParameter(ctx, "before", b, bp), ap && rawParameter(ctx, "after", a, ap)];
    if (!ap || !araw) {
      ctx.add("major", braw!.at, `${context}parameter ${bp!.field} (${bp!.in} ${bp!.name}) removed; callers passing it no longer compile`);
    } else if (!bp || !braw) {
      if (ap.required) ctx.add("major", araw.at, `${context}new required parameter ${ap.field} (${ap.in} ${ap.name}); callers must now pass it`);
      else ctx.add("minor", araw.at, `${context}new optional parameter ${ap.field} (${ap.in} ${ap.name})`);
    } else {
      // A component parameter several methods share is judged once, naming them all.
      const shared = braw.at === araw.at && braw.at.startsWith(COMPONENT);
      if (shared && ctx.compared.has(braw.at)) continue;
      if (shared) ctx.compared.add(braw.at);
      if (shared) context = contextOf(sharedBy(ctx, braw.at));
      const subject = `${context}parameter ${ap.field}`;
      if (bp.required !== ap.required) {
        if (ap.required) ctx.add("major", child(araw.at, "required"), `${subject} is now required; callers must now pass it`);
        else ctx.add("minor", child(araw.at, "required"), `${subject} is no longer required`);
      }
      if (bp.deprecated !== ap.deprecated) {
        ctx.add(ap.deprecated ? "minor" : "patch", child(araw.at, "deprecated"), `${subject} ${ap.deprecated ? "is now deprecated" : "is no longer deprecated"}`);
      }
      compareSchema(ctx, { context, dir: "in", noun: "parameter", label: ap.field }, schemaOf(braw), schemaOf(araw));
      compareMediaType(ctx, subject, bp, ap, araw);
      compareSerialization(ctx, subject, ap.in, braw, araw);
      compareRest(ctx, subject, braw, araw, HANDLED);
    }
  }
}

type Location = Parameters<typeof defaultStyle>[0];
type Style = Parameters<typeof defaultExplode>[0];

/** The style, explode and allowReserved a parameter object means, its defaults (OpenAPI's, as the runtime's wire rules state them) filled in. */
function wireFormat(node: unknown, where: Location): { style: string; explode: boolean; allowReserved: boolean } {
  const p = (node ?? {}) as Json;
  // A style is kept as written, even one the location does not allow (the comparison is of the specs); defaultExplode is false for any but `form`.
  const style = typeof p.style === "string" ? p.style : defaultStyle(where);
  const explode = typeof p.explode === "boolean" ? p.explode : defaultExplode(style as Style);
  return { style, explode, allowReserved: where === "query" && p.allowReserved === true };
}

/**
 * `style`, `explode` and `allowReserved` change how a value is written on the wire, not
 * its type: a changed wire format is major (the server reads the old one), while
 * writing out a default (or dropping one) changes nothing and is a patch.
 */
function compareSerialization(ctx: DiffContext, subject: string, where: Location, b: Located, a: Located): void {
  const [before, after] = [wireFormat(b.node, where), wireFormat(a.node, where)];
  for (const key of ["style", "explode", "allowReserved"] as const) {
    const [bv, av] = [(b.node as Json | undefined)?.[key], (a.node as Json | undefined)?.[key]];
    if (bv === av) continue;
    const pointer = av === undefined ? child(b.at, key) : child(a.at, key);
    if (before[key] !== after[key]) {
      ctx.add("major", pointer, `${subject}: ${key} ${before[key]} → ${after[key]}; the value goes on the wire in another form, which the server may not read`);
    } else {
      ctx.add("patch", pointer, `${subject}: ${key} ${av === undefined ? "removed" : "written out"}, the default it was (${after[key]}); the wire format is unchanged`);
    }
  }
}

/** The schema of a parameter: its `schema`, or that of its one `content` media type (OpenAPI 3.2 `in: querystring`). */
function schemaOf(raw: Located): Located {
  const node = raw.node as Json;
  const [mediaType, media] = Object.entries(asRecord(node.content))[0] ?? [];
  if (node.schema !== undefined || mediaType === undefined) return { node: node.schema, at: child(raw.at, "schema") };
  return { node: asRecord(media).schema, at: child(raw.at, "content", mediaType, "schema") };
}

/** A querystring parameter written in another media type goes on the wire in another form. */
function compareMediaType(ctx: DiffContext, subject: string, b: Parameter, a: Parameter, araw: Located): void {
  const [bm, am] = [b.querystring?.mediaType, a.querystring?.mediaType];
  if (bm !== am) ctx.add("major", child(araw.at, "content"), `${subject}: written as ${am ?? "a schema"} instead of ${bm ?? "a schema"}; the server may not read the new form`);
}

/** The parameter object as the spec writes it: the operation's own first, then the path item's. */
function rawParameter(ctx: DiffContext, side: "before" | "after", m: MethodRef, p: { in: string; name: string }): Located | undefined {
  const doc = side === "before" ? ctx.beforeDoc : ctx.afterDoc;
  const lists: [unknown[], string][] = [
    [asArray(m.raw.parameters), child(m.at, "parameters")],
    [asArray(m.item.parameters), child("#/paths", m.op.path, "parameters")],
  ];
  for (const [list, at] of lists) {
    for (let i = 0; i < list.length; i++) {
      const found = follow(doc, list[i], child(at, i));
      const node = found.node as Json | undefined;
      if (node?.name === p.name && node.in === p.in) {
        if (found.at !== child(at, i)) ctx.cover(found.at);
        return found;
      }
    }
  }
  return undefined;
}

/** The methods (of the new spec) whose parameters include the component at `at`. */
function sharedBy(ctx: DiffContext, at: string): string[] {
  const users = ctx.methods.filter((m) => [...asArray(m.raw.parameters), ...asArray(m.item.parameters)].some((p) => (p as Json | undefined)?.$ref === at));
  return users.map((m) => m.id).sort();
}
