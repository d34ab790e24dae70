/**
 * `diffModels`: every change between two loaded versions of a spec, each judged by its
 * effect on the generated SDK's TypeScript surface (major, minor or patch).
 */
import { loadSpec, type SpecModel } from "@x/codegen";
import { bumpRank, type Change } from "./change.js";
import { compareClient } from "./client.js";
import { compareComponents } from "./components.js";
import { DiffContext } from "./context.js";
import { deepEqual } from "./json.js";
import { compareExports } from "./exports.js";
import { compareLeftovers } from "./leftovers.js";
import { compareOperations } from "./operations.js";

export { bumpRank, highestBump, isBump, maxBump, type Bump, type Change, type ChangeBump } from "./change.js";

/** The changes from `before` to `after`, most severe first; empty when the SDK is the same. */
export function diffModels(before: SpecModel, after: SpecModel): Change[] {
  const ctx = new DiffContext(before, after);
  compareClient(ctx);
  const methods = compareOperations(ctx);
  compareExports(ctx, methods);
  compareComponents(ctx);
  compareLeftovers(ctx);
  if (ctx.changes.length === 0 && !deepEqual(before.document, after.document)) {
    // Same surface, different spec (properties regrouped, parameters reordered): the generated code still changes.
    ctx.add("patch", "#", "the spec changed without changing the SDK's surface (regenerated code may differ)");
  }
  return ctx.changes.map((c, i) => ({ c, i })).sort((x, y) => bumpRank(y.c.bump) - bumpRank(x.c.bump) || x.i - y.i).map(({ c }) => c);
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
