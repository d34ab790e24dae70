#!/usr/bin/env node
// `pnpm release`: build, run the test suite (what a passing run of the same code, versions
// aside, answered is not run again), then publish the public @x/* packages
// (changesets skips private ones and versions already on the registry) to the registry
// npm's own configuration names for the @x scope: `@x:registry` or `registry`, from
// .npmrc files, npm_config_* variables or NPM_CONFIG_USERCONFIG. A rehearsal and a real
// release therefore run this same command. Nothing is published unless every step before
// publishing passed.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCOPE = "@x";

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  return result.status ?? 1;
}

function fail(message) {
  console.error(`release: ${message}\nrelease: nothing was published.`);
  process.exit(1);
}

/** What `npm config get <key>` says, or undefined when unset. */
function npmConfig(key) {
  const result = spawnSync("npm", ["config", "get", key], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) fail(`\`npm config get ${key}\` failed: ${result.stderr.trim()}`);
  const value = result.stdout.trim();
  return value === "" || value === "undefined" || value === "null" ? undefined : value;
}

// Changesets not yet turned into versions would be published under the old version numbers.
const pending = readdirSync(new URL("../.changeset/", import.meta.url)).filter((f) => f.endsWith(".md") && f !== "README.md");
if (pending.length > 0) {
  fail(`pending changesets (${pending.join(", ")}): run \`pnpm version-packages\`, review and commit, then release.`);
}

// changesets reads only npm_config_* variables, not .npmrc; hand it what npm itself resolved.
const registry = npmConfig(`${SCOPE}:registry`) ?? npmConfig("registry");
if (!registry) fail("npm names no registry (`npm config get registry`)");
const where = new URL(registry);
console.log(`release: publishing ${SCOPE}/* to ${where.origin}${where.pathname}`);

if (run("pnpm", ["run", "build"]) !== 0) fail("the build failed");
// The README's test command, for the packages whose tasks no passing run of the same code,
// versions aside, answered (packages/release/src/cli/release-tests.ts prints which).
if (run(process.execPath, ["packages/release/bin/release-tests.js"]) !== 0) fail("the test suite failed");
const status = run("pnpm", ["exec", "changeset", "publish"], { ...process.env, [`npm_config_${SCOPE}:registry`]: registry });
if (status !== 0) {
  console.error("release: `changeset publish` failed; packages it reported as published are on the registry, run `pnpm release` again to publish the rest.");
  process.exit(status);
}
