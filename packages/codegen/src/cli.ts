/**
 * `x-codegen [--check | --write] [--verbose] [package-dir...]` (default: the current directory).
 *
 * Writes each package's src/generated/ (and its README, when `x-codegen.readme` asks) from
 * its spec. `--check` writes nothing and exits 1 listing stale files. Warnings are printed one
 * line per kind (its count and first locations); `--verbose` prints every one. On CI (`CI` set) checking is the default, so a build
 * there can never paper over generated files someone forgot to commit.
 */
import { join, relative } from "node:path";
import { CodegenError } from "./errors.js";
import { findDrift, generatePackage, writeFiles, type Drift } from "./generate.js";
import { findPackageDrift, writePackageFiles } from "./package-files.js";
import { readTarget } from "./target.js";
import { warningLines } from "./load/warnings.js";

export async function main(args: readonly string[], env = process.env): Promise<number> {
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--check" && a !== "--write" && a !== "--verbose");
  if (unknown.length > 0) {
    console.error(`x-codegen: unknown option ${unknown.join(", ")}\nusage: x-codegen [--check | --write] [--verbose] [package-dir...]`);
    return 2;
  }
  const onCI = Boolean(env.CI) && env.CI !== "false";
  const check = args.includes("--check") || (onCI && !args.includes("--write"));
  const dirs = args.filter((a) => !a.startsWith("-"));
  let failed = false;
  for (const dir of dirs.length > 0 ? dirs : [process.cwd()]) {
    try {
      const target = await readTarget(dir);
      const { files, packageFiles, kindedWarnings } = await generatePackage(target);
      // Files outside src/generated (the README) are listed by their path from here.
      const outside = (drift: readonly Drift[]) => drift.map((d) => ({ ...d, path: relative(process.cwd(), join(target.packageDir, d.path)) || d.path }));
      for (const line of warningLines(kindedWarnings, args.includes("--verbose"))) console.error(`x-codegen: warning: ${target.specFile}: ${line}`);
      const where = relative(process.cwd(), target.outDir) || ".";
      if (check) {
        const drift = [...(await findDrift(target.outDir, files)), ...outside(await findPackageDrift(target.packageDir, packageFiles))];
        if (drift.length > 0) {
          failed = true;
          console.error(`${target.packageName}: generated files are stale (${where}):\n${describe(drift)}`);
          console.error(`Run \`pnpm generate\` and commit the result.${onCI && !args.includes("--check") ? " (CI is set, so x-codegen checks instead of writing.)" : ""}`);
        } else console.log(`${target.packageName}: ${files.length + packageFiles.length} generated files up to date with ${target.specFile}`);
      } else {
        const drift = [...(await writeFiles(target.outDir, files)), ...outside(await writePackageFiles(target.packageDir, packageFiles))];
        console.log(`${target.packageName}: ${drift.length === 0 ? "no changes" : `updated ${where}:\n${describe(drift)}`}`);
      }
    } catch (error) {
      failed = true;
      if (error instanceof CodegenError) console.error(`x-codegen: ${error.message}\nNothing was written.`);
      else throw error;
    }
  }
  return failed ? 1 : 0;
}

function describe(drift: readonly Drift[]): string {
  return drift.map((d) => `  ${d.path} (${d.reason})`).join("\n");
}
