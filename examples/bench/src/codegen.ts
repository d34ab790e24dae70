/**
 * Our whole generator against the openapi-typescript CLI, each as a fresh process per run,
 * interleaved round by round on the same spec: `x-codegen --write <package>` (read, parse,
 * lint, model, openapi-typescript's types, every emitter and the README, written to disk)
 * against `openapi-typescript <spec> -o <file>` (its parse, lint, bundle, types, written).
 * Reports the median wall time (spawn to exit, Node start-up included), CPU time (user +
 * system, steadier than wall time on a shared machine) and peak RSS of each, with our ratio
 * to theirs, on our specs, the reference specs (when
 * ../shared/reference-specs exists), GitHub's REST spec (when the corpus has it installed)
 * and synthetic specs of 500, 2,000 and 8,000 operations, whose per-operation figures
 * show whether generation stays linear.
 *
 * `BENCH_ROUNDS=<n>` sets the rounds for every spec; `BENCH_ONLY=<substring>[,<substring>…]` picks specs;
 * `BENCH_X_CODEGEN=<bin>` runs another x-codegen (e.g. an older checkout's) in place of ours.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadSpec } from "@x/codegen";
import { compareProcesses, type Command } from "./processes.ts";
import { syntheticSpec } from "./synthetic-spec.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
// Both as this package installs them (openapi-typescript at the version @x/codegen uses).
// BENCH_X_CODEGEN=<path to an x-codegen bin> measures another generator (an older checkout) instead.
const X_CODEGEN = process.env.BENCH_X_CODEGEN ? resolve(process.env.BENCH_X_CODEGEN) : resolve(import.meta.dirname, "../node_modules/@x/codegen/bin/x-codegen.js");
const OPENAPI_TS = resolve(import.meta.dirname, "../node_modules/openapi-typescript/bin/cli.js");

interface Case {
  readonly name: string;
  readonly path: string;
  readonly rounds: number;
}

const work = mkdtempSync(join(tmpdir(), "bench-codegen-"));
const cases: Case[] = [
  { name: "openapi/common.yaml", path: resolve(ROOT, "openapi/common.yaml"), rounds: 7 },
  { name: "openapi/sync-commerce.yaml", path: resolve(ROOT, "openapi/sync-commerce.yaml"), rounds: 7 },
];
const references = resolve(ROOT, "../shared/reference-specs");
if (existsSync(references)) {
  for (const file of readdirSync(references).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()) {
    cases.push({ name: `reference ${file}`, path: join(references, file), rounds: 7 });
  }
}
const github = resolve(ROOT, "packages/corpus/node_modules/@octokit/openapi/generated/api.github.com.json");
if (existsSync(github)) cases.push({ name: "GitHub api.github.com.json", path: github, rounds: 3 });
else console.log(`(GitHub's spec is not installed at ${github}; run pnpm install to include it)\n`);
for (const [operations, rounds] of [[500, 5], [2000, 5], [8000, 3]] as const) {
  const path = join(work, `synthetic-${operations}.json`);
  writeFileSync(path, `${JSON.stringify(syntheticSpec(operations), null, 2)}\n`);
  cases.push({ name: `synthetic ${operations}`, path, rounds });
}

const only = process.env.BENCH_ONLY?.split(",");
const roundsOverride = Number(process.env.BENCH_ROUNDS) || undefined;
const rows: string[] = [];
const synthetic: { operations: number; ms: number; cpuMs: number; rssMiB: number }[] = [];
try {
  for (const c of cases.filter((c) => !only || only.some((o) => c.name.includes(o)))) {
    const operations = (await loadSpec(c.name, c.path)).resources.reduce((n, r) => n + r.operations.length, 0);
    const pkg = join(work, `pkg-${rows.length}`);
    mkdirSync(pkg);
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "@x/bench-target", version: "0.0.0", "x-codegen": { spec: c.path, readme: "README.md" } }));
    const ours: Command = {
      name: "x-codegen",
      script: X_CODEGEN,
      args: ["--write", pkg],
      // Each run starts from an empty package, so every run writes every file.
      before: () => {
        rmSync(join(pkg, "src"), { recursive: true, force: true });
        rmSync(join(pkg, "README.md"), { force: true });
      },
    };
    const theirs: Command = { name: "openapi-typescript", script: OPENAPI_TS, args: [c.path, "-o", join(work, "openapi-typescript.ts")] };
    const rounds = roundsOverride ?? c.rounds;
    const [them, us] = await compareProcesses([theirs, ours], rounds);
    const mib = (kib: number) => kib / 1024;
    const ratio = (ours: number, theirs: number) => `**${(ours / theirs).toFixed(2)}×**`;
    rows.push(
      `| ${c.name} | ${operations} | ${rounds} | ${them!.medianMs.toFixed(0)} | ${us!.medianMs.toFixed(0)} | ${ratio(us!.medianMs, them!.medianMs)} | ` +
        `${them!.medianCpuMs.toFixed(0)} | ${us!.medianCpuMs.toFixed(0)} | ${ratio(us!.medianCpuMs, them!.medianCpuMs)} | ` +
        `${mib(them!.medianMaxRssKiB).toFixed(0)} | ${mib(us!.medianMaxRssKiB).toFixed(0)} | ${ratio(us!.medianMaxRssKiB, them!.medianMaxRssKiB)} |`,
    );
    console.log(rows.at(-1));
    if (c.name.startsWith("synthetic")) synthetic.push({ operations, ms: us!.medianMs, cpuMs: us!.medianCpuMs, rssMiB: mib(us!.medianMaxRssKiB) });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(
  [
    "",
    "### Generate one SDK package, whole process (fresh processes, interleaved; medians)",
    "",
    "| spec | operations | rounds | openapi-typescript wall ms | x-codegen wall ms | wall ratio | openapi-typescript CPU ms | x-codegen CPU ms | CPU ratio | openapi-typescript peak RSS MiB | x-codegen peak RSS MiB | memory ratio |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
if (synthetic.length > 1) {
  // Whole-process figures include a fixed start-up; the cost of each further operation is the slope between sizes.
  const lines = synthetic.map((s, i) => {
    const prev = synthetic[i - 1];
    const added = prev ? s.operations - prev.operations : 0;
    const slope = prev
      ? `${((s.ms - prev.ms) / added).toFixed(2)} | ${((s.cpuMs - prev.cpuMs) / added).toFixed(2)} | ${(((s.rssMiB - prev.rssMiB) * 1024) / added).toFixed(1)}`
      : "– | – | –";
    return `| ${s.operations} | ${s.ms.toFixed(0)} | ${(s.ms / s.operations).toFixed(2)} | ${s.cpuMs.toFixed(0)} | ${(s.cpuMs / s.operations).toFixed(2)} | ${slope} | ${s.rssMiB.toFixed(0)} | ${((s.rssMiB * 1024) / s.operations).toFixed(1)} |`;
  });
  console.log(
    [
      "### x-codegen scaling on synthetic specs",
      "",
      "| operations | wall ms | wall ms per operation | CPU ms | CPU ms per operation | wall ms per added operation | CPU ms per added operation | KiB RSS per added operation | peak RSS MiB | KiB RSS per operation |",
      "|---|---|---|---|---|---|---|---|---|---|",
      ...lines,
      "",
    ].join("\n"),
  );
}
