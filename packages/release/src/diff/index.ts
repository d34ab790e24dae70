/**
 * `diffModels`: every change between two loaded versions of a spec, each judged by its
 * effect on the generated SDK's TypeScript surface (major, minor or patch).
 */
import { loadSpec, type SpecModel } from "@x/codegen";
import { bumpRank, type Change } from "./change.js";
import { compareClient } from "./client.js";
import { compareComponents } from "./components.js";
import { asWritten } from "./as-written.js";
import { DiffContext } from "./context.js";
import { deepEqual } from "./json.js";
import { compareExports } from "./exports.js";
import { compareLeftovers } from "./leftovers.js";
import { compareOperations } from "./operations.js";
import { compareWebhooks } from "./webhooks.js";

export { bumpRank, highestBump, isBump, maxBump, type Bump, type Change, type ChangeBump } from "./change.js";

/** The changes from `before` to `after`, most severe first; empty when the SDK is the same. */
export function diffModels(before: SpecModel, after: SpecModel): Change[] {
  const ctx = new DiffContext(before, after);
  compareClient(ctx);
  const methods = compareOperations(ctx);
  compareExports(ctx, methods);
  compareComponents(ctx);
  compareWebhooks(ctx);
  compareLeftovers(ctx);
  if (ctx.changes.length === 0 && !deepEqual(asWritten(before), asWritten(after))) {
    // Same surface, different spec (properties regrouped, parameters reordered): the generated code still changes.
    ctx.add("patch", "#", "the spec changed without changing the SDK's surface (regenerated code may differ)");
  }
  const located = locate(ctx.changes, after, before);
  return located.map((c, i) => ({ c, i })).sort((x, y) => bumpRank(y.c.bump) - bumpRank(x.c.bump) || x.i - y.i).map(({ c }) => c);
}

/**
 * Changes with their pointers into the spec as written. A nested schema copied by the loader
 * is also seen inside its parent, so one change can be found twice: the copy's report,
 * which names the exported type, is kept.
 */
function locate(changes: readonly Change[], ...models: SpecModel[]): Change[] {
  const mapped = changes.map((c) => ({ change: { ...c, pointer: inSpec(c.pointer, ...models) }, copied: inSpec(c.pointer, ...models) !== c.pointer }));
  const key = (c: Change) => `${c.bump} ${c.pointer}`;
  const fromCopies = new Set(mapped.filter((m) => m.copied).map((m) => key(m.change)));
  return mapped.filter((m) => m.copied || !fromCopies.has(key(m.change))).map((m) => m.change);
}

/**
 * A pointer into a schema the loader copied out of another (`#/components/schemas/ConnectionStatus`)
 * becomes one into the spec as written (`#/components/schemas/Connection/definitions/status`).
 */
function inSpec(pointer: string, ...models: SpecModel[]): string {
  const match = /^#\/components\/schemas\/([^/]+)(.*)$/.exec(pointer);
  if (!match) return pointer;
  const name = decodeURIComponent(match[1]!).replaceAll("~1", "/").replaceAll("~0", "~");
  const origin = models.map((m) => m.hoistedFrom?.[name]).find((o) => o !== undefined);
  return origin === undefined ? pointer : `${origin}${match[2]}`;
}

/** A spec file: its display name (for messages) and where it is. */
export interface SpecFile {
  readonly file: string;
  readonly path: string;
}

/** Loads both files with the generator's loader (a load failure throws its CodegenError) and diffs them. */
export async function diffSpecFiles(before: SpecFile, after: SpecFile): Promise<Change[]> {
  return diffModels(await loadSpec(before.file, before.path), await loadSpec(after.file, after.path));
}
