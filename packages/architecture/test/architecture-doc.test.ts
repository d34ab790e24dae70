/** ARCHITECTURE.md names files and folders that exist: a moved or renamed one fails here until the map is updated. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** Where a path the document writes short starts. */
const PREFIXES: Record<string, string> = {
  "load/": "packages/codegen/src/load/",
  "emit/": "packages/codegen/src/emit/",
  "codegen/": "packages/codegen/",
  "runtime/": "packages/runtime/",
  "release/": "packages/release/",
};

it("every file and folder ARCHITECTURE.md names exists", () => {
  const text = readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\n");
  const named = [...text.matchAll(/`([\w.@/*<>-]+)`/g)].map((m) => m[1]!).filter((t) => /\.(ts|md|cjs|json)$|\/$/.test(t) && !/[<>*]/.test(t));
  expect(named.length).toBeGreaterThan(40);
  const missing = named.filter((token) => {
    const prefix = Object.keys(PREFIXES).find((p) => token.startsWith(p));
    if (prefix) return !existsSync(join(ROOT, PREFIXES[prefix]! + token.slice(prefix.length)));
    if (existsSync(join(ROOT, token))) return false;
    // A name in a list after its folder (`servers.ts` after `load/security.ts`, `retry/` after `runtime/src/`): some file of the repository is there.
    return !files.some((f) => f.includes(`/${token}`));
  });
  expect(missing).toEqual([]);
});
