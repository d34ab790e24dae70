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

/** The spec's tags, by name, with their index in `tags` (the order resources are listed in). */
export interface TagIndex {
  readonly byName: ReadonlyMap<string, { readonly index: number; readonly node: Record<string, unknown> }>;
}

export function readTags(ctx: LoadContext): TagIndex {
  const byName = new Map<string, { index: number; node: Record<string, unknown> }>();
  const tags = Array.isArray(ctx.document.tags) ? ctx.document.tags : [];
  tags.forEach((raw: unknown, index) => {
    if (!isRecord(raw) || typeof raw.name !== "string" || byName.has(raw.name)) return;
    byName.set(raw.name, { index, node: raw });
    if (raw.kind !== undefined && typeof raw.kind !== "string") ctx.warn("tags", `${pointer("tags", index, "kind")}: must be a string; the tag groups operations as a nav tag`);
  });
  return { byName };
}

/** Whether a tag makes a resource (see the module's comment). */
function groups(tags: TagIndex, name: string): boolean {
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
  return tag === undefined ? [] : tagChain(ctx, tags, tag).map((t) => ({ tag: t }));
}

/** `tag` under its `parent` chain, outermost first. A parent no tag declares, a cycle or a non-grouping parent ends the chain, with a warning. */
function tagChain(ctx: LoadContext, tags: TagIndex, tag: string): string[] {
  const chain = [tag];
  for (let current = tags.byName.get(tag); current && current.node.parent !== undefined;) {
    const parent = current.node.parent;
    const at = pointer("tags", current.index, "parent");
    const next = typeof parent === "string" ? tags.byName.get(parent) : undefined;
    if (typeof parent !== "string" || !next) {
      ctx.warn("tags", `${at}: ${JSON.stringify(parent)} names no tag of #/tags; ${JSON.stringify(chain[0])} is reached from the client`);
      break;
    }
    if (chain.includes(parent)) {
      ctx.warn("tags", `${at}: tag parents form a cycle (${[...chain].reverse().join(" → ")} → ${parent}); ${JSON.stringify(chain[0])} is reached from the client`);
      break;
    }
    if (!groups(tags, parent)) {
      ctx.warn("tags", `${at}: the parent ${JSON.stringify(parent)} is a ${String(next.node.kind)} tag, which does not group operations; ${JSON.stringify(chain[0])} is reached from the client`);
      break;
    }
    chain.unshift(parent);
    current = next;
  }
  return chain;
}
