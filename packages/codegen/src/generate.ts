/**
 * Spec → files, all in memory; only then are files written (or compared, in check
 * mode). A spec that fails to load therefore never touches existing output.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { emitBarrel, exportedNames } from "./emit/barrel.js";
import { emitClient, emitCore } from "./emit/client.js";
import { emitErrors } from "./emit/errors.js";
import { emitModels } from "./emit/models.js";
import { emitReadme } from "./emit/readme/index.js";
import { emitRequests } from "./emit/requests.js";
import { emitResource } from "./emit/resources.js";
import { emitShapes } from "./emit/shapes.js";
import { emitTesting } from "./emit/testing.js";
import type { EmitContext, GeneratedFile } from "./emit/source.js";
import { emitTypes } from "./emit/types.js";
import { emitValidation } from "./emit/validation.js";
import { loadSpec } from "./load/index.js";
import type { PackageTarget } from "./target.js";
import type { Warning } from "./load/warnings.js";

export async function generateFiles(target: PackageTarget): Promise<GeneratedFile[]> {
  return (await generatePackage(target)).files;
}

/**
 * The files, and the warnings: what the generator did instead of something unsupported.
 * `packageFiles` are generated outside src/generated (the README), with paths relative
 * to the package; see package-files.ts.
 */
export async function generatePackage(target: PackageTarget): Promise<{
  files: GeneratedFile[]; packageFiles: GeneratedFile[]; warnings: readonly string[]; kindedWarnings: readonly Warning[];
}> {
  const model = await loadSpec(target.specFile, target.specPath, { clientName: target.clientName });
  const clientName = model.clientName ?? target.clientName;
  const names = exportedNames(model, clientName);
  const seen = new Set<string>();
  const clashes = [...new Set(names.filter((n) => seen.has(n) || !seen.add(n)))];
  // The loader settles every clash (load/type-names.ts); one left is the generator's bug.
  if (clashes.length > 0) throw new Error(`${target.specFile}: internal error: two generated exports are named ${clashes.join(", ")}`);
  const ctx: EmitContext = {
    specPath: target.specFile,
    clientName,
    runtimeImport: target.runtimeImport,
    packageName: target.packageName,
    packageVersion: target.packageVersion ?? "0.0.0",
  };
  const files = [
    await emitTypes(model, ctx),
    emitModels(model, ctx),
    emitErrors(model, ctx),
    emitRequests(model, ctx),
    ...model.resources.filter((r) => !r.onClient).map((r) => emitResource(model, r, ctx)),
    emitCore(model, ctx),
    emitClient(model, ctx),
    emitBarrel(model, ctx),
    emitShapes(model, ctx),
    emitTesting(model, ctx),
    emitValidation(model, ctx),
  ];
  const packageFiles = target.readme ? [emitReadme(model, { ...ctx, ...target.readme, packageDescription: target.packageDescription })] : [];
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), packageFiles, warnings: model.warnings, kindedWarnings: model.kindedWarnings };
}

export interface Drift {
  readonly path: string;
  readonly reason: "changed" | "missing" | "not generated";
}

/** Compares what the spec produces with what is on disk. */
export async function findDrift(outDir: string, files: readonly GeneratedFile[]): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const file of files) {
    const current = await readFile(join(outDir, file.path), "utf8").catch(() => undefined);
    if (current === undefined) drift.push({ path: file.path, reason: "missing" });
    else if (current !== file.contents) drift.push({ path: file.path, reason: "changed" });
  }
  const expected = new Set(files.map((f) => f.path));
  for (const name of await listFiles(outDir)) {
    if (!expected.has(name)) drift.push({ path: name, reason: "not generated" });
  }
  return drift.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Replaces `outDir` with exactly `files` when anything differs. The files are written
 * to a fresh sibling folder first, then swapped in by two renames, so a failure part
 * way (a full disk, a crash) leaves the previous output whole.
 */
export async function writeFiles(outDir: string, files: readonly GeneratedFile[]): Promise<Drift[]> {
  const drift = await findDrift(outDir, files);
  if (drift.length === 0) return drift;
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(outDir)}-new-`));
  const previous = `${staging.replace(/-new-/, "-old-")}`;
  try {
    for (const file of files) await writeFile(join(staging, file.path), file.contents);
    const hadOutput = await stat(outDir).then(() => true, () => false);
    if (hadOutput) await rename(outDir, previous);
    try {
      await rename(staging, outDir);
    } catch (error) {
      if (hadOutput) await rename(previous, outDir);
      throw error;
    }
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return drift;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}
