/** Media type maps (`content`) and other parts of a spec the generator does not type. */
import type { DiffContext } from "./context.js";
import { asRecord, child, deepEqual, isRecord, unionKeys, type Located } from "./json.js";
import { compareRest, DOC_KEYS } from "./schema.js";

const SCHEMA_ONLY = new Set(["schema"]);

/**
 * Compares the `content` of a request body or a success response. The media type the SDK
 * uses by default (`chosen`) is compared by the caller, its schema included; here only its
 * examples and other keys. The others are selectable per call (`contentType` / `accept`,
 * typed as unions of them): a new one is a minor, a removed one a major (a caller naming
 * it no longer compiles), and a changed one is not compared in depth, so a change beyond
 * documentation is judged major to be safe.
 */
export function compareContent(ctx: DiffContext, subject: string, b: Located, a: Located, chosen: readonly (string | undefined)[]): void {
  for (const type of unionKeys(b.node, a.node)) {
    const [bm, am] = [{ node: asRecord(b.node)[type], at: child(b.at, type) }, { node: asRecord(a.node)[type], at: child(a.at, type) }];
    if (chosen.includes(type)) {
      if (bm.node !== undefined && am.node !== undefined) compareRest(ctx, `${subject} (${type})`, bm, am, SCHEMA_ONLY);
      continue;
    }
    const what = `${subject}: media type ${type}, selectable per call (contentType / accept),`;
    if (deepEqual(bm.node, am.node)) continue;
    if (bm.node === undefined) ctx.add("minor", am.at, `${what} added`);
    else if (am.node === undefined) ctx.add("major", bm.at, `${what} removed; callers naming it no longer compile`);
    else if (deepEqual(withoutDocs(bm.node), withoutDocs(am.node))) ctx.add("patch", am.at, `${what} documentation changed`);
    else ctx.add("major", am.at, `${what} changed; its schema is not compared in depth, so judged major to be safe`);
  }
}

/** Something the generated SDK does not use: documentation only is a patch, anything else minor. */
export function compareUngenerated(ctx: DiffContext, subject: string, b: Located, a: Located): void {
  if (deepEqual(b.node, a.node)) return;
  if (b.node === undefined) ctx.add("minor", a.at, `${subject} added`);
  else if (a.node === undefined) ctx.add("minor", b.at, `${subject} removed`);
  else ctx.add(deepEqual(withoutDocs(b.node), withoutDocs(a.node)) ? "patch" : "minor", a.at, `${subject} changed`);
}

/** The node without documentation keywords, at any depth. */
export function withoutDocs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDocs);
  if (!isRecord(node)) return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => !DOC_KEYS.has(k)).map(([k, v]) => [k, withoutDocs(v)]));
}
