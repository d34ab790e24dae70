/** A method's request body: the `requestBody` (or component-named) field of its request object. */
import type { DiffContext } from "./context.js";
import { child, type Located } from "./json.js";
import type { MethodRef } from "./methods.js";
import { compareContent } from "./content.js";
import { compareRest, compareSchema } from "./schema.js";

const HANDLED = new Set(["required", "content"]);

export function compareBody(ctx: DiffContext, b: MethodRef, a: MethodRef, context: string): void {
  const [bb, ab] = [b.op.body, a.op.body];
  const braw = ctx.locate("before", b.raw.requestBody, child(b.at, "requestBody"));
  const araw = ctx.locate("after", a.raw.requestBody, child(a.at, "requestBody"));
  if (!bb && !ab) {
    if (braw.node !== undefined && araw.node !== undefined) compareRest(ctx, `${context}request body`, braw, araw, new Set());
    return;
  }
  if (!ab) {
    ctx.add("major", braw.at, `${context}request body removed; callers passing ${bb!.field} no longer compile`);
    return;
  }
  if (!bb) {
    if (ab.required) ctx.add("major", araw.at, `${context}now needs a request body (${ab.field}); callers must now pass it`);
    else ctx.add("minor", araw.at, `${context}accepts an optional request body (${ab.field})`);
    return;
  }
  if (bb.field !== ab.field) {
    ctx.add("major", araw.at, `${context}request body field ${bb.field} → ${ab.field}; callers passing ${bb.field} no longer compile`);
  }
  if (bb.mediaType !== ab.mediaType) {
    ctx.add("major", child(araw.at, "content"), `${context}request body is sent as ${ab.mediaType} instead of ${bb.mediaType}`);
  }
  if (bb.required !== ab.required) {
    if (ab.required) ctx.add("major", child(araw.at, "required"), `${context}request body ${ab.field} is now required; callers must now pass it`);
    else ctx.add("minor", child(araw.at, "required"), `${context}request body ${ab.field} is no longer required`);
  }
  const schemaAt = (raw: Located, mediaType: string) => child(raw.at, "content", mediaType, "schema");
  // A binary body has no type of its own (its field takes a Blob, bytes or a string): it is named by the type
  // callers knew (the old version's), else as the request's field.
  const label = ab.schemaName ? ctx.typeNameOf("after", ab.schemaName) : (a.op.names.requestBody ?? b.op.names.requestBody ?? `${a.op.names.request}.${ab.field}`);
  compareSchema(ctx, { context, dir: "in", noun: "request body", label },
    { node: bb.schema, at: schemaAt(braw, bb.mediaType) }, { node: ab.schema, at: schemaAt(araw, ab.mediaType) });
  compareRest(ctx, `${context}request body`, braw, araw, HANDLED);
  const content = (raw: Located): Located => ({ node: (raw.node as Record<string, unknown>).content, at: child(raw.at, "content") });
  compareContent(ctx, `${context}request body`, content(braw), content(araw), bb.mediaType === ab.mediaType ? [ab.mediaType] : [bb.mediaType, ab.mediaType]);
}
