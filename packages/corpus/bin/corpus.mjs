#!/usr/bin/env node
// corpus [folder or file]...: runs the corpus test (test/corpus.test.ts) on the specs given
// (*.yaml, *.yml and *.json files of each folder, not its subfolders; paths relative to
// where the user ran the command: pnpm's INIT_CWD). With no argument, on the public corpus:
// the reference specs in ../shared/reference-specs (beside the repository; required when
// CI is set), every OpenAPI 3.0, 3.1 and Swagger 2.0 JSON document of @readme/oas-examples,
// GitHub's REST spec from @octokit/openapi, and our own fixtures of what public specs do that
// those do not, in our own words: ./fixtures (streamed responses, read to their end) and
// OWN_FIXTURES (a spec written as many files). Vitest options go after `--`.
// Writes one reports/vitest.json like every test package; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const repoRoot = resolve(here, "../..");
const require = createRequire(join(here, "package.json"));
const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];
/** Specs of our own words, each the root file of what it tests (paths from the repository root). */
const OWN_FIXTURES = [
  // A root file with relative refs into nested folders (codegen's bundler, load/bundle.ts).
  "packages/codegen/test/fixtures/multi-file/fleet.yaml",
];

const args = process.argv.slice(2);
const dashes = args.indexOf("--");
const targets = dashes === -1 ? args.filter((a) => !a.startsWith("-")) : args.slice(0, dashes);
const vitestOptions = dashes === -1 ? args.filter((a) => a.startsWith("-")) : args.slice(dashes + 1);

/**
 * A folder or file of specs: `label` names it in the report, `suffix` tells apart documents
 * of the same name from different folders (the SDK's directory and client name).
 */
const sources = targets.length > 0
  ? targets.map((t) => {
    const from = process.env.INIT_CWD ?? process.cwd();
    const path = resolve(from, t);
    const local = relative(from, path);
    return { path, label: local && !local.startsWith("..") ? local : path, suffix: "" };
  })
  : publicCorpus();
if (sources === undefined) process.exit(2);

const specs = [];
const names = new Set();
for (const { path, label, suffix } of sources) {
  if (!existsSync(path)) {
    console.error(`corpus: ${path} does not exist`);
    process.exit(2);
  }
  const files = statSync(path).isDirectory()
    ? readdirSync(path).filter((f) => SPEC_EXTENSIONS.includes(extname(f).toLowerCase())).sort().map((f) => join(path, f))
    : [path];
  if (files.length === 0) {
    console.error(`corpus: no *.yaml, *.yml or *.json spec in ${path}`);
    process.exit(2);
  }
  const isFolder = files.length !== 1 || files[0] !== path;
  for (const file of files) {
    const stem = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "spec";
    let name = suffix ? `${stem}-${suffix}` : stem;
    for (let n = 2; names.has(name); n++) name = `${suffix ? `${stem}-${suffix}` : stem}-${n}`;
    names.add(name);
    specs.push({ path: file, label: isFolder ? `${label}/${basename(file)}` : label, name });
  }
}

const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", ...vitestOptions], {
  cwd: here,
  stdio: "inherit",
  env: { ...process.env, CORPUS_SPECS: JSON.stringify(specs) },
});
process.exit(run.status ?? 1);

function publicCorpus() {
  const reference = resolve(repoRoot, "../shared/reference-specs");
  const examples = dirname(require.resolve("@readme/oas-examples/package.json"));
  const octokit = dirname(require.resolve("@octokit/openapi/package.json"));
  const list = [];
  if (existsSync(reference)) list.push({ path: reference, label: "reference-specs", suffix: "" });
  else if (process.env.CI) {
    console.error(`corpus: ${reference} not found; CI needs the reference specs beside the clone`);
    return undefined;
  } else console.warn(`corpus: ${reference} not found; running without the reference specs`);
  for (const version of ["3.0", "3.1", "2.0"]) {
    list.push({ path: join(examples, version, "json"), label: `oas-examples/${version}`, suffix: `v${version.replace(".", "")}` });
  }
  list.push({ path: join(octokit, "generated", "api.github.com.json"), label: "octokit/api.github.com.json", suffix: "" });
  // Our own specs of constructs no public spec above has (streamed responses), in our own words.
  list.push({ path: join(here, "fixtures"), label: "corpus-fixtures", suffix: "" });
  for (const fixture of OWN_FIXTURES) list.push({ path: join(repoRoot, fixture), label: `fixtures/${basename(dirname(fixture))}/${basename(fixture)}`, suffix: "" });
  return list;
}

