/**
 * Spec → files, all in memory; only then are files written (or compared, in check
 * mode). A spec that fails to load therefore never touches existing output.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CodegenError } from "./errors.js";
import { emitBarrel, exportedNames } from "./emit/barrel.js";
import { emitClient } from "./emit/client.js";
import { emitErrors } from "./emit/errors.js";
import { emitModels } from "./emit/models.js";
import { emitRequests } from "./emit/requests.js";
import { emitResource } from "./emit/resources.js";
import type { EmitContext, GeneratedFile } from "./emit/source.js";
import { emitTypes } from "./emit/types.js";
import { loadSpec } from "./load/index.js";
import type { PackageTarget } from "./target.js";

export async function generateFiles(target: PackageTarget): Promise<GeneratedFile[]> {
  const model = await loadSpec(target.specFile, target.specPath);
  const names = exportedNames(model, target.clientName);
  const clashes = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (clashes.length > 0) {
    throw new CodegenError(target.specFile, clashes.map((n) => `two generated exports are named ${n}; rename an operationId or schema`));
  }
  const ctx: EmitContext = { specPath: target.specFile, clientName: target.clientName, runtimeImport: target.runtimeImport };
  const files = [
    await emitTypes(model, ctx),
    emitModels(model, ctx),
    emitErrors(model, ctx),
    emitRequests(model, ctx),
    ...model.resources.map((r) => emitResource(model, r, ctx)),
    emitClient(model, ctx),
    emitBarrel(model, ctx),
  ];
  return files.sort((a, b) => a.path.localeCompare(b.path));
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

/** Writes only what changed and removes files the spec no longer produces. */
export async function writeFiles(outDir: string, files: readonly GeneratedFile[]): Promise<Drift[]> {
  const drift = await findDrift(outDir, files);
  await mkdir(outDir, { recursive: true });
  for (const change of drift) {
    const target = join(outDir, change.path);
    if (change.reason === "not generated") await rm(target);
    else await writeFile(target, files.find((f) => f.path === change.path)!.contents);
  }
  return drift;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}
