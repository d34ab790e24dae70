#!/usr/bin/env node
// corpus <folder>: runs test/corpus.test.ts on every *.yaml, *.yml and *.json spec in <folder>
// (relative to where the user ran the command: pnpm's INIT_CWD). Root script: `pnpm corpus <folder>`.
// Writes reports/vitest.json like every test package; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const [folder, ...rest] = process.argv.slice(2);
if (!folder || folder.startsWith("-")) {
  console.error("usage: pnpm corpus <folder of OpenAPI specs> [vitest options]");
  process.exit(2);
}
const corpus = resolve(process.env.INIT_CWD ?? process.cwd(), folder);
if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
  console.error(`corpus: ${corpus} is not a folder`);
  process.exit(2);
}
const vitest = join(dirname(createRequire(join(here, "package.json")).resolve("vitest/package.json")), "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", ...rest], { cwd: here, stdio: "inherit", env: { ...process.env, CORPUS_DIR: corpus } });
process.exit(run.status ?? 1);
