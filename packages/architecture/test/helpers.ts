/** The repository's hand-written files, as git sees them (tracked, or new and not ignored). */
import { execFileSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Generated code (src/generated, snapshots, declaration files) is not hand-written. */
const GENERATED = /(^|\/)(generated|__snapshots__|dist|node_modules)\/|\.d\.ts$/;

export function handWrittenSources(): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  return listed.split("\n").filter((f) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(f) && !GENERATED.test(f));
}
