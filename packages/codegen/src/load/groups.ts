/**
 * Where an operation lives on the client: the grouping the spec gives it, nested the way the
 * vendor's own SDK nests it (`client.accountsPayable.bills.get`).
 *
 * 1. `x-speakeasy-group` on the operation: a dotted path of groups (`accountsPayable.bills`),
 *    each segment camel-cased into a property. It wins over the tags, as in the vendor's SDKs.
 * 2. Else its first tag that groups, nested under that tag's `parent` chain (OpenAPI 3.2).
 *    A tag groups when its `kind` (3.2) is absent or `nav`: `badge`, `audience` and other
 *    kinds label operations for documentation, so an operation is grouped by its first
 *    `nav` tag and an operation with only labels is a method of the client itself.
 * 3. Else (no tag) the client itself.
 */
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import { camelCase, isIdentifier } from "./naming.js";
import type { LoadContext } from "./context.js";

export const GROUP_EXTENSION = "x-speakeasy-group";
/** Tag kinds (OpenAPI 3.2 `kind`) that make resources; a tag without `kind` is one too. */
const GROUPING_KINDS = new Set(["nav"]);

/** One step of an operation's placement: a tag (by name) or a segment of `x-speakeasy-group` (camel-cased). */
export type Segment = { readonly tag: string } | { readonly group: string };

/** The spec's tags, by name, with their index in `tags` (the order resources are listed in) and the parent each nests under. */
export interface TagIndex {
  readonly byName: ReadonlyMap<string, { readonly index: number; readonly node: Record<string, unknown> }>;
  /** The tag each tag nests under (3.2 `parent`), once a parent that is missing, does not group, or closes a cycle is dropped. */
  readonly parentOf: ReadonlyMap<string, string>;
}

export function readTags(ctx: LoadContext): TagIndex {
  const byName = new Map<string, { index: number; node: Record<string, unknown> }>();
  const tags = Array.isArray(ctx.document.tags) ? ctx.document.tags : [];
  tags.forEach((raw: unknown, index) => {
    if (!isRecord(raw) || typeof raw.name !== "string" || byName.has(raw.name)) return;
    byName.set(raw.name, { index, node: raw });
    if (raw.kind !== undefined && typeof raw.kind !== "string") ctx.warn("tags", `${pointer("tags", index, "kind")}: must be a string; the tag groups operations as a nav tag`);
  });
  const index = { byName, parentOf: new Map<string, string>() };
  for (const [name, { index: i, node }] of byName) {
    const parent = node.parent;
    if (parent === undefined) continue;
    const at = pointer("tags", i, "parent");
    const target = typeof parent === "string" ? byName.get(parent) : undefined;
    if (!target) ctx.warn("tags", `${at}: ${JSON.stringify(parent)} names no tag of #/tags; ${JSON.stringify(name)} is reached from the client`);
    else if (!groups(index, parent as string)) ctx.warn("tags", `${at}: the parent ${JSON.stringify(parent)} is a ${String(target.node.kind)} tag, which does not group operations; ${JSON.stringify(name)} is reached from the client`);
    else index.parentOf.set(name, parent as string);
  }
  breakCycles(ctx, index);
  return index;
}

/** A cycle of parents is cut above its tag written first, which is then reached from the client; one warning per cycle. */
function breakCycles(ctx: LoadContext, tags: { byName: TagIndex["byName"]; parentOf: Map<string, string> }): void {
  for (const start of tags.byName.keys()) {
    const walk: string[] = [];
    for (let t: string | undefined = start; t !== undefined && !walk.includes(t); t = tags.parentOf.get(t)) walk.push(t);
    const back = tags.parentOf.get(walk.at(-1)!);
    if (back === undefined || !walk.includes(back)) continue;
    const cycle = walk.slice(walk.indexOf(back));
    const root = cycle.reduce((a, b) => (tags.byName.get(a)!.index <= tags.byName.get(b)!.index ? a : b));
    const order: string[] = [root];
    for (let t = tags.parentOf.get(root)!; t !== root; t = tags.parentOf.get(t)!) order.push(t);
    tags.parentOf.delete(root);
    ctx.warn("tags", `${pointer("tags", tags.byName.get(root)!.index, "parent")}: tag parents form a cycle (${[...order, root].join(" → ")}); ${JSON.stringify(root)} is reached from the client`);
  }
}

/** Whether a tag makes a resource (see the module's comment). */
function groups(tags: Pick<TagIndex, "byName">, name: string): boolean {
  const kind = tags.byName.get(name)?.node.kind;
  return typeof kind !== "string" || GROUPING_KINDS.has(kind);
}

/** The placement of the operation `op` written at `at`: outermost first; `[]` is the client itself. */
export function placementOf(ctx: LoadContext, tags: TagIndex, op: Record<string, unknown>, at: string): Segment[] {
  const group = op[GROUP_EXTENSION];
  if (group !== undefined) {
    const segments = typeof group === "string" ? group.split(".").map((s) => camelCase(s)) : [];
    if (segments.length > 0 && segments.every((s) => isIdentifier(s) && s !== "")) return segments.map((s) => ({ group: s }));
    ctx.warn("naming", `${at}/${GROUP_EXTENSION}: ${JSON.stringify(group)} is not a dotted path of names (like "accountsPayable.bills"); the operation is grouped by its tag instead`);
  }
  const names = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [];
  const tag = names.find((t) => groups(tags, t));
  return tag === undefined ? [] : tagChain(tags, tag).map((t) => ({ tag: t }));
}

/** `tag` under its `parent` chain, outermost first. */
function tagChain(tags: TagIndex, tag: string): string[] {
  const chain = [tag];
  for (let parent = tags.parentOf.get(tag); parent !== undefined; parent = tags.parentOf.get(parent)) chain.unshift(parent);
  return chain;
}
