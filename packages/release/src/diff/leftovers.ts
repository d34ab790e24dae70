/**
 * The safety net: every difference between the two documents that no comparator has
 * judged (top-level `security`, unused components, path-level servers...). Documentation
 * is a patch, extensions are not read by the generator, anything else is not recognised
 * and judged major.
 */
import { resolvePointer } from "@x/codegen";
import type { DiffContext } from "./context.js";
import { child, deepEqual, isRecord, unionKeys } from "./json.js";
import { narrowedServerVariables } from "./servers.js";
import { DOC_KEYS } from "./schema.js";

/** Top-level keys whose parts no comparator judges are not generated (webhook payloads are judged in webhooks.ts). */
const NOT_GENERATED = new Set(["webhooks"]);
/** Components the SDK does not type (responses' headers and links, callbacks). */
const UNTYPED_COMPONENTS = new Set(["headers", "links", "callbacks"]);

export function compareLeftovers(ctx: DiffContext): void {
  const covered = [...ctx.covered];
  const isCovered = (at: string) => covered.some((c) => at === c || at.startsWith(`${c}/`));
  const hasCoveredBelow = (at: string) => covered.some((c) => c.startsWith(`${at}/`));
  const walk = (b: unknown, a: unknown, at: string): void => {
    if (isCovered(at) || deepEqual(b, a)) return;
    const bothContainers = (isRecord(b) || b === undefined) && (isRecord(a) || a === undefined);
    const sameArrays = Array.isArray(b) && Array.isArray(a) && b.length === a.length;
    if (bothContainers && (hasCoveredBelow(at) || (b !== undefined && a !== undefined))) {
      for (const key of unionKeys(b, a)) walk((b as Record<string, unknown> | undefined)?.[key], (a as Record<string, unknown> | undefined)?.[key], child(at, key));
    } else if (sameArrays) {
      b.forEach((v, i) => walk(v, a[i], child(at, i)));
    } else {
      report(ctx, at, b, a);
    }
  };
  walk(ctx.beforeDoc, ctx.afterDoc, "#");
}

/** A change under a path item's `servers`, judged on the whole list (see servers.ts). */
function judgePathServers(ctx: DiffContext, at: string, segments: readonly string[], what: string): void {
  const list = `#/${segments.slice(0, segments.indexOf("servers") + 1).join("/")}`;
  const lost = narrowedServerVariables(resolvePointer(ctx.beforeDoc, list), resolvePointer(ctx.afterDoc, list));
  if (lost.length > 0) ctx.add("major", at, `${at} ${what}; ServerVariables no longer takes ${lost.join(", ")} (callers passing it no longer compile)`);
  else ctx.add("minor", at, `${at} ${what} (the generated client sends the path's operations to its first server, unless the caller passes serverURL)`);
}

function report(ctx: DiffContext, at: string, b: unknown, a: unknown): void {
  const segments = at.split("/").slice(1);
  const what = b === undefined ? "added" : a === undefined ? "removed" : "changed";
  if (segments.some((s) => DOC_KEYS.has(s))) ctx.add("patch", at, `${at} ${what} (documentation only)`);
  else if (segments.some((s) => s.startsWith("x-")) || NOT_GENERATED.has(segments[0] ?? "")) ctx.add("patch", at, `${at} ${what} (the generator does not read it)`);
  else if (segments[0] === "components" && UNTYPED_COMPONENTS.has(segments[1] ?? "")) ctx.add("minor", at, `${at} ${what} (the SDK does not type ${segments[1]})`);
  else if (segments[0] === "paths" && segments.includes("servers")) judgePathServers(ctx, at, segments, what);
  else if (what === "added" && segments[0] === "components") ctx.add("minor", at, `${at} added (not used by any method; only the exported components type gains it)`);
  else ctx.add("major", at, `unrecognised change: ${at} ${what}; judged major to be safe`);
}
