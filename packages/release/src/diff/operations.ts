/**
 * Methods of the SDK, matched by their path (`books.getBook`): removed, renamed (the same
 * HTTP method and path under another name), added, and, for each pair, everything about them.
 */
import { sdkPath, type SpecModel } from "@x/codegen";
import { narrowedServerVariables } from "./servers.js";
import { compareBody } from "./body.js";
import type { DiffContext } from "./context.js";
import { child, deepEqual } from "./json.js";
import { methodsOf, type MethodRef } from "./methods.js";
import { compareParameters } from "./parameters.js";
import { compareResponses } from "./responses.js";
import { compareRest } from "./schema.js";

type Resource = SpecModel["resources"][number];
type Operation = Resource["operations"][number];

const HANDLED = new Set(["tags", "operationId", "x-speakeasy-name-override", "x-speakeasy-group", "deprecated", "x-idempotent", "parameters", "requestBody", "responses", "security", "servers"]);

/** Compares every method; returns the operations that only one side has (their types go with them). */
export function compareOperations(ctx: DiffContext): { removed: Operation[]; added: Operation[] } {
  const [before, after] = [methodsOf(ctx.before), methodsOf(ctx.after)];
  ctx.methods = [...after.values()];
  for (const m of [...before.values(), ...after.values()]) {
    ctx.cover(m.at);
    ctx.cover(child("#/paths", m.op.path, "parameters"));
  }
  const unmatched = new Map([...after].filter(([id]) => !before.has(id)));
  const removed: Operation[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    if (a) {
      compareOperation(ctx, b, a);
      continue;
    }
    const renamed = [...unmatched.values()].find((m) => m.op.method === b.op.method && m.op.path === b.op.path);
    if (!renamed) {
      removed.push(b.op);
      ctx.add("major", b.at, `${id}: method removed (${b.op.method.toUpperCase()} ${b.op.path}); callers calling it no longer compile`);
      continue;
    }
    unmatched.delete(renamed.id);
    ctx.add("major", renamed.at, `${id} is renamed to ${renamed.id} (${renameCause(b, renamed)}); callers calling ${id} no longer compile`);
    compareOperation(ctx, b, renamed);
  }
  for (const a of unmatched.values()) ctx.add("minor", a.at, `${a.id}: new method (${a.op.method.toUpperCase()} ${a.op.path})`);
  // What only a removed or added method refers to goes with it.
  for (const m of [...before.values()].filter((m) => removed.includes(m.op)).concat([...unmatched.values()])) {
    for (const ref of refsOf([m.raw, m.item.parameters])) if (/^#\/components\/(parameters|requestBodies|responses)\/[^/]+$/.test(ref)) ctx.cover(ref);
  }
  return { removed, added: [...unmatched.values()].map((m) => m.op) };
}

/** An untagged operation is a method of the client itself (its resource's tag is ""). */
function tagOf(resource: Resource): string {
  return resource.onClient ? "(none)" : resource.tag;
}

/** Where a method is reached: `the client`, `client.accountsPayable.bills`. */
function placeOf(resource: Resource): string {
  return resource.onClient ? "the client" : `client.${resource.path.join(".")}`;
}

/** What moved a method to another resource: its tags, or its grouping (`x-speakeasy-group`, a tag's `parent`). */
function movedBy(b: MethodRef, a: MethodRef): string {
  const regrouped = !deepEqual(b.raw["x-speakeasy-group"], a.raw["x-speakeasy-group"]) || deepEqual(b.raw.tags, a.raw.tags);
  return regrouped ? `grouping ${placeOf(b.resource)} → ${placeOf(a.resource)}` : `tag ${tagOf(b.resource)} → ${tagOf(a.resource)}`;
}

function renameCause(b: MethodRef, a: MethodRef): string {
  const causes = [
    placeOf(b.resource) !== placeOf(a.resource) ? movedBy(b, a) : undefined,
    b.op.operationId !== a.op.operationId ? `operationId ${b.op.operationId} → ${a.op.operationId}` : undefined,
    !deepEqual(b.raw["x-speakeasy-name-override"], a.raw["x-speakeasy-name-override"]) ? "x-speakeasy-name-override changed" : undefined,
  ].filter(Boolean);
  return causes.length > 0 ? causes.join(", ") : "method name changed";
}

function compareOperation(ctx: DiffContext, b: MethodRef, a: MethodRef): void {
  const context = `${a.id}: `;
  const where = (m: MethodRef) => `${m.op.method.toUpperCase()} ${m.op.path}`;
  if (where(b) !== where(a)) {
    ctx.add("major", a.at, `${context}now calls ${where(a)} instead of ${where(b)} (the exported paths type changes)`);
  }
  if (b.op.operationId !== a.op.operationId) {
    ctx.add("major", child(a.at, "operationId"), `${context}operationId ${b.op.operationId} → ${a.op.operationId} (the exported operations type is keyed by it)`);
  }
  if (!deepEqual(b.raw.tags, a.raw.tags) && placeOf(b.resource) === placeOf(a.resource)) {
    ctx.add("patch", child(a.at, "tags"), `${context}tags changed; the method stays on ${placeOf(a.resource)}`);
  }
  if (!deepEqual(b.raw["x-speakeasy-group"], a.raw["x-speakeasy-group"]) && placeOf(b.resource) === placeOf(a.resource)) {
    ctx.add("patch", child(a.at, "x-speakeasy-group"), `${context}x-speakeasy-group changed; the method stays on ${placeOf(a.resource)}`);
  }
  if (!deepEqual(b.raw["x-speakeasy-name-override"], a.raw["x-speakeasy-name-override"]) && b.op.methodName === a.op.methodName) {
    ctx.add("patch", child(a.at, "x-speakeasy-name-override"), `${context}x-speakeasy-name-override changed; the method name stays ${a.op.methodName}`);
  }
  if (b.op.deprecated !== a.op.deprecated) {
    ctx.add(a.op.deprecated ? "minor" : "patch", child(a.at, "deprecated"), `${context}${a.op.deprecated ? "is now deprecated" : "is no longer deprecated"}`);
  }
  if (b.op.idempotent !== a.op.idempotent) {
    ctx.add("minor", child(a.at, "x-idempotent"), `${context}${a.op.idempotent ? "is now marked x-idempotent: retried like a GET" : "is no longer marked x-idempotent: retried only when the request never left"}`);
  }
  if (Boolean(b.op.paging) !== Boolean(a.op.paging)) {
    const all = `${sdkPath(a.resource, a.op)}All`;
    if (a.op.paging) ctx.add("minor", a.at, `${context}is now a paged list: new method ${all} iterates every page`);
    else ctx.add("major", b.at, `${context}is no longer a paged list: method ${b.id}All removed (callers calling it no longer compile)`);
  }
  if (!deepEqual(b.raw.security, a.raw.security)) {
    ctx.add("minor", child(a.at, "security"), `${context}security requirements changed; the client now picks the credentials it sends by the new ones, and the API may ask for other credentials`);
  }
  if (!deepEqual(b.raw.servers, a.raw.servers)) {
    const lost = narrowedServerVariables(b.raw.servers, a.raw.servers);
    if (lost.length > 0) ctx.add("major", child(a.at, "servers"), `${context}servers changed; ServerVariables no longer takes ${lost.join(", ")} (callers passing it no longer compile)`);
    else ctx.add("minor", child(a.at, "servers"), `${context}servers changed; the generated client sends the operation to its first server (unless the caller passes serverURL)`);
  }
  compareParameters(ctx, b, a, context);
  compareBody(ctx, b, a, context);
  compareResponses(ctx, b, a, context);
  compareRest(ctx, a.id, { node: b.raw, at: b.at }, { node: a.raw, at: a.at }, HANDLED);
}

function refsOf(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, refs));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") refs.push(value);
      else refsOf(value, refs);
    }
  }
  return refs;
}
