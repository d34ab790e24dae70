/**
 * A method's responses: the success body it resolves to, the error statuses it throws
 * typed errors for, and the rest (other statuses, headers, links), which the SDK does not type.
 */
import { isJsonMediaType } from "@x/codegen";
import type { DiffContext } from "./context.js";
import { asRecord, child, deepEqual, type Located } from "./json.js";
import type { MethodRef } from "./methods.js";
import { compareContent, compareUngenerated, withoutDocs } from "./content.js";
import { compareRest, compareSchema } from "./schema.js";

const HANDLED = new Set(["content", "headers", "links"]);
const SUCCESS_RE = /^2(\d\d|XX)$/i;
const ERROR_RE = /^([45](\d\d|XX)|default)$/i;

export function compareResponses(ctx: DiffContext, b: MethodRef, a: MethodRef, context: string): void {
  const [br, ar] = [b.op.response, a.op.response];
  const responsesAt = (m: MethodRef) => child(m.at, "responses");
  const locate = (side: "before" | "after", m: MethodRef, status: string) =>
    ctx.locate(side, asRecord(m.raw.responses)[status], child(responsesAt(m), status));
  if (br.status !== ar.status) {
    ctx.add("major", child(responsesAt(a), ar.status), `${context}success status ${br.status} → ${ar.status} (status ${br.status} is no longer a success the SDK expects)`);
  }
  if (br.kind !== ar.kind) {
    ctx.add("major", child(responsesAt(a), ar.status), `${context}now resolves to ${describe(ar)} instead of ${describe(br)}; callers using the result no longer compile`);
  } else if ("mediaType" in br && "mediaType" in ar && br.mediaType !== ar.mediaType) {
    ctx.add("major", child(responsesAt(a), ar.status, "content"), `${context}success media type ${br.mediaType} is no longer returned (now ${ar.mediaType}); the SDK asks for the new one`);
  }
  if (br.kind === "json" && ar.kind === "json") {
    const label = ar.schemaName ? ctx.typeNameOf("after", ar.schemaName) : a.op.names.response!;
    compareSchema(ctx, { context, dir: "out", noun: "response", label },
      { node: br.schema, at: child(locate("before", b, br.status).at, "content", br.mediaType, "schema") },
      { node: ar.schema, at: child(locate("after", a, ar.status).at, "content", ar.mediaType, "schema") });
  }
  const errors = (m: MethodRef) => new Map(m.op.errors.map((e) => [e.status, e.schemaName]));
  const [be, ae] = [errors(b), errors(a)];
  const chosen = new Set([br.status, ar.status]);
  for (const status of new Set([...b.op.statuses, ...a.op.statuses])) {
    const [bl, al] = [locate("before", b, status), locate("after", a, status)];
    const sites = { before: child(responsesAt(b), status), after: child(responsesAt(a), status) };
    const key = /^default$/i.test(status) ? "default" : status.toUpperCase();
    const subject = `${context}response ${status}`;
    // A component response several methods share is judged once, under its own name.
    const shared = bl.at === al.at && bl.at.startsWith("#/components/responses/");
    const partsSubject = shared ? `response ${bl.at.slice("#/components/responses/".length)} (shared)` : subject;
    const compareOnce = (judge: () => void) => {
      if (bl.node === undefined || al.node === undefined || (shared && ctx.compared.has(bl.at))) return;
      if (shared) ctx.compared.add(bl.at);
      judge();
    };
    if (chosen.has(status)) {
      compareOnce(() => compareParts(ctx, partsSubject, bl, al, [mediaTypeOf(br), mediaTypeOf(ar)]));
    } else if (SUCCESS_RE.test(status)) {
      compareOtherSuccess(ctx, subject, { ...bl, at: sites.before }, { ...al, at: sites.after }, locate("after", a, ar.status));
    } else if (be.has(key) || ae.has(key)) {
      compareError(ctx, subject, key, sites, be.get(key), ae.get(key));
      compareOnce(() => compareErrorBody(ctx, partsSubject, bl, al));
    } else if (ERROR_RE.test(status)) {
      compareUngenerated(ctx, `${subject} (no JSON error body: the SDK throws SDKError for it either way)`, bl, al);
    } else {
      compareUngenerated(ctx, `${subject} (not a success or error status the SDK types)`, bl, al);
    }
  }
}

function describe(r: { kind: string; mediaType?: string }): string {
  if (r.kind === "unknown") return "whatever body arrives (unknown)";
  return r.kind === "empty" ? "no body (void)" : `a ${r.kind} body (${r.mediaType})`;
}

function mediaTypeOf(r: { kind: string; mediaType?: string }): string | undefined {
  return r.kind === "empty" || r.kind === "unknown" ? undefined : r.mediaType;
}

function compareParts(ctx: DiffContext, subject: string, b: Located, a: Located, chosen: (string | undefined)[]): void {
  const part = (l: Located, key: string): Located => ({ node: asRecord(l.node)[key], at: child(l.at, key) });
  compareRest(ctx, subject, b, a, HANDLED);
  compareContent(ctx, subject, part(b, "content"), part(a, "content"), chosen);
  for (const key of ["headers", "links"]) compareUngenerated(ctx, `${subject}: ${key}`, part(b, key), part(a, key));
}

/** Another 2XX the SDK returns as if it were the first: fine only when its body is the same. */
function compareOtherSuccess(ctx: DiffContext, subject: string, b: Located, a: Located, first: Located): void {
  const content = (l: Located) => withoutDocs(asRecord(l.node).content);
  if (b.node === undefined) {
    const same = deepEqual(content(a), content(first));
    ctx.add(same ? "minor" : "major", a.at, `${subject} added${same ? "" : "; the SDK types its body as the first success status's"}`);
  } else if (a.node === undefined) {
    ctx.add("major", b.at, `${subject} (a success status) removed`);
  } else if (!deepEqual(content(b), content(a))) {
    ctx.add("major", a.at, `${subject} (a success status the SDK types as the first) changed its body`);
  } else {
    compareUngenerated(ctx, subject, b, a);
  }
}

function compareError(ctx: DiffContext, subject: string, status: string, sites: { before: string; after: string }, bSchema?: string, aSchema?: string): void {
  const errorClass = (side: "before" | "after", schema: string) => {
    const s = ctx[side].schemas.find((x) => x.name === schema);
    return s?.errorClass?.className ?? s?.typeName ?? schema;
  };
  if (!aSchema) {
    // Judgement call: callers catching the typed error for this status would silently stop matching.
    ctx.add("major", sites.before, `${subject}: error status ${status} is no longer documented, so it throws SDKError instead of ${errorClass("before", bSchema!)} (callers catching that miss it)`);
  } else if (!bSchema) {
    ctx.add("minor", sites.after, `${subject}: new error status ${status}, thrown as ${errorClass("after", aSchema)}`);
  } else if (bSchema !== aSchema) {
    ctx.add("major", sites.after, `${subject}: error status ${status} now throws ${errorClass("after", aSchema)} instead of ${errorClass("before", bSchema)}`);
  }
}

/** The error body's schema (its component is judged on its own) and the rest of the response. */
function compareErrorBody(ctx: DiffContext, subject: string, b: Located, a: Located): void {
  const jsonType = (l: Located) => Object.keys(asRecord(asRecord(l.node).content)).find(isJsonMediaType);
  const [bt, at] = [jsonType(b), jsonType(a)];
  if (bt && at) {
    const schema = (l: Located, t: string): Located => ({ node: asRecord(asRecord(asRecord(l.node).content)[t]).schema, at: child(l.at, "content", t, "schema") });
    compareSchema(ctx, { context: "", dir: "out", noun: subject, label: "error body" }, schema(b, bt), schema(a, at));
  }
  compareParts(ctx, subject, b, a, [bt, at]);
}
