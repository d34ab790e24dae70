/**
 * Generated files that live outside src/generated, at paths relative to the package
 * (today only the README, when `"x-codegen": { "readme": "README.md" }` asks for it).
 * Unlike src/generated they share a directory with hand-written files, so only the
 * listed files are compared and written: nothing else in the package is touched.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "./emit/source.js";
import type { Drift } from "./generate.js";

/** Each listed file that is missing or differs from what the spec produces. */
export async function findPackageDrift(packageDir: string, files: readonly GeneratedFile[]): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const file of files) {
    const current = await readFile(join(packageDir, file.path), "utf8").catch(() => undefined);
    if (current === undefined) drift.push({ path: file.path, reason: "missing" });
    else if (current !== file.contents) drift.push({ path: file.path, reason: "changed" });
  }
  return drift.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes the files that drifted, each through a temp file and a rename so none is left half written. */
export async function writePackageFiles(packageDir: string, files: readonly GeneratedFile[]): Promise<Drift[]> {
  const drift = await findPackageDrift(packageDir, files);
  for (const change of drift) {
    const target = join(packageDir, change.path);
    const temp = `${target}.${process.pid}.tmp`;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, files.find((f) => f.path === change.path)!.contents);
    await rename(temp, target);
  }
  return drift;
}
