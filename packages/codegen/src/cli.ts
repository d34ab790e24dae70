/**
 * `x-codegen [--check | --write] [package-dir...]` (default: the current directory).
 *
 * Writes each package's src/generated/ from its spec. `--check` writes nothing and
 * exits 1 listing stale files. On CI (`CI` set) checking is the default, so a build
 * there can never paper over generated files someone forgot to commit.
 */
import { relative } from "node:path";
import { CodegenError } from "./errors.js";
import { findDrift, generateFiles, writeFiles, type Drift } from "./generate.js";
import { readTarget } from "./target.js";

export async function main(args: readonly string[], env = process.env): Promise<number> {
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--check" && a !== "--write");
  if (unknown.length > 0) {
    console.error(`x-codegen: unknown option ${unknown.join(", ")}\nusage: x-codegen [--check | --write] [package-dir...]`);
    return 2;
  }
  const onCI = Boolean(env.CI) && env.CI !== "false";
  const check = args.includes("--check") || (onCI && !args.includes("--write"));
  const dirs = args.filter((a) => !a.startsWith("-"));
  let failed = false;
  for (const dir of dirs.length > 0 ? dirs : [process.cwd()]) {
    try {
      const target = await readTarget(dir);
      const files = await generateFiles(target);
      const where = relative(process.cwd(), target.outDir) || ".";
      if (check) {
        const drift = await findDrift(target.outDir, files);
        if (drift.length > 0) {
          failed = true;
          console.error(`${target.packageName}: generated files are stale (${where}):\n${describe(drift)}`);
          console.error(`Run \`pnpm generate\` and commit the result.${onCI && !args.includes("--check") ? " (CI is set, so x-codegen checks instead of writing.)" : ""}`);
        } else console.log(`${target.packageName}: ${files.length} generated files up to date with ${target.specFile}`);
      } else {
        const drift = await writeFiles(target.outDir, files);
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
