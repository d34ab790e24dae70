/**
 * What a published @x/* package must be, checked on the tarball `pnpm pack` makes:
 * publint (strict) and arethetypeswrong find nothing, its run-time dependencies are
 * the expected ones, no workspace: protocol is left, and its ESM entry fits its budget.
 * Used by each published package's test/package.test.ts.
 */
import { createPackageFromTarballData, checkPackage } from "@arethetypeswrong/core";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

export interface PackageExpectations {
  /** Exactly the run-time dependencies the package may have. */
  readonly dependencies: readonly string[];
  /** Budget of the gzipped ESM entry (dist/index.js), in bytes. */
  readonly gzipBudgetBytes: number;
}

export interface PackageReport {
  readonly problems: string[];
  readonly gzipBytes: number;
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

    const gzipBytes = gzipSync(await readFile(join(packageDir, "dist/index.js")), { level: 9 }).length;
    if (gzipBytes > want.gzipBudgetBytes) problems.push(`dist/index.js is ${gzipBytes} B gzipped, over its ${want.gzipBudgetBytes} B budget`);
    const files = pkg.listFiles().map((f) => f.replace(`/node_modules/${pkg.packageName}/`, "")).sort();
    return { problems, gzipBytes, files };
  } finally {
    await rm(dest, { recursive: true, force: true });
  }
}
