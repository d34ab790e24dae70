/**
 * What a published @x/* package must be, checked on the tarball `pnpm pack` makes:
 * publint (strict) and arethetypeswrong find nothing, its run-time dependencies are
 * the expected ones, no workspace: protocol is left, and its ESM entry fits its budget (the
 * entry file with the chunks it imports statically: what importing it loads).
 * Used by each published package's test/package.test.ts.
 */
import { createPackageFromTarballData, checkPackage } from "@arethetypeswrong/core";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

export interface PackageExpectations {
  /** Exactly the run-time dependencies the package may have. */
  readonly dependencies: readonly string[];
  /** Budget of the gzipped ESM entry (dist/index.js and the chunks it imports statically, each compressed apart), in bytes. */
  readonly gzipBudgetBytes: number;
  /** Budgets of other ESM entries, counted the same way: `{ "dist/core.js": 24_800 }`. */
  readonly entryBudgets?: Readonly<Record<string, number>>;
}

export interface PackageReport {
  readonly problems: string[];
  /** dist/index.js's gzip bytes, counted as its budget is. */
  readonly gzipBytes: number;
  /** Each entry of `entryBudgets`, counted the same way. */
  readonly entryGzipBytes: Record<string, number>;
  readonly files: string[];
}

export async function checkPublishedPackage(packageDir: string, want: PackageExpectations): Promise<PackageReport> {
  const dest = await mkdtemp(join(tmpdir(), "x-pack-"));
  try {
    const { stdout } = await promisify(execFile)("pnpm", ["pack", "--pack-destination", dest], { cwd: packageDir });
    const tarball = await readFile(stdout.trim().split("\n").at(-1)!);
    const problems: string[] = [];

    // The same tarball for every check; publint finds package.json inside it.
    const packed = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength);
    const lint = await publint({ pack: { tarball: packed }, strict: true, level: "warning" });
    problems.push(...lint.messages.map((m) => `publint: ${formatMessage(m, lint.pkg) ?? m.code}`));

    const pkg = createPackageFromTarballData(new Uint8Array(tarball));
    const types = await checkPackage(pkg);
    if (!types.types) problems.push("attw: the package ships no types");
    else problems.push(...types.problems.map((p) => `attw: ${p.kind}${"entrypoint" in p ? ` at ${p.entrypoint}` : ""}`));

    const manifest = JSON.parse(pkg.readFile(`/node_modules/${pkg.packageName}/package.json`)) as { dependencies?: Record<string, string> };
    const deps = Object.keys(manifest.dependencies ?? {}).sort();
    if (JSON.stringify(deps) !== JSON.stringify([...want.dependencies].sort())) {
      problems.push(`dependencies are [${deps.join(", ")}], expected [${[...want.dependencies].sort().join(", ")}]`);
    }
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (range.startsWith("workspace:")) problems.push(`dependency ${name} still has the range ${range}`);
    }

    const gzipBytes = await eagerGzipBytes(packageDir, "dist/index.js");
    if (gzipBytes > want.gzipBudgetBytes) problems.push(`dist/index.js is ${gzipBytes} B gzipped, over its ${want.gzipBudgetBytes} B budget`);
    const entryGzipBytes: Record<string, number> = {};
    for (const [entry, budget] of Object.entries(want.entryBudgets ?? {})) {
      entryGzipBytes[entry] = await eagerGzipBytes(packageDir, entry);
      if (entryGzipBytes[entry] > budget) problems.push(`${entry} is ${entryGzipBytes[entry]} B gzipped, over its ${budget} B budget`);
    }
    const files = pkg.listFiles().map((f) => f.replace(`/node_modules/${pkg.packageName}/`, "")).sort();
    return { problems, gzipBytes, entryGzipBytes, files };
  } finally {
    await rm(dest, { recursive: true, force: true });
  }
}

/**
 * Gzip bytes of an ESM file of the build and of the files of the build it imports statically
 * (`import … from "./chunk-….js"`, either quote; a dynamic `import()` is a lazy chunk, not counted), each
 * compressed apart: with code splitting an entry may be a few lines that import a shared chunk.
 */
async function eagerGzipBytes(packageDir: string, entry: string): Promise<number> {
  const files = [entry];
  let total = 0;
  for (let i = 0; i < files.length; i++) {
    const code = await readFile(join(packageDir, files[i]!));
    total += gzipSync(code, { level: 9 }).length;
    for (const [, path] of code.toString("utf8").matchAll(/^(?:import|export)\s*(?:[^;"']*?from\s*)?["'](\.\/[^"']+)["']/gm)) {
      const file = join(dirname(files[i]!), path!);
      if (!files.includes(file)) files.push(file);
    }
  }
  return total;
}
