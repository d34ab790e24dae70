/**
 * The test phase of `pnpm release` (scripts/release.mjs): the root `test` script (the README's
 * test command), narrowed to the packages with a task that no passing run of the same code,
 * versions aside, has answered.
 *
 * After `pnpm version-packages`, turbo gives every versioned package and everything that
 * depends on one a new hash, so the root test script alone would run the whole suite again
 * right after it passed on the same code. This reads turbo's dry run of the test phase and the
 * summaries of past runs (`--summarize`, which the root test script passes), prints which tasks
 * a past run answered and which must run and why, then runs the root test script for the
 * packages that have a task to run. Its exit code is that run's (0 when nothing had to run).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describePlan, dryRun, planReplay, readSummaries, repositoryFiles } from "../replay/index.ts";

/** The root `test` script as a command line, and the tasks it runs (`turbo run <tasks> <flags>`). */
export function rootTestCommand(root: string): { readonly argv: readonly string[]; readonly tasks: readonly string[] } {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const script = manifest.scripts?.test ?? "";
  const argv = script.trim().split(/\s+/);
  if (argv[0] !== "turbo" || argv[1] !== "run") throw new Error(`the root test script is not \`turbo run …\`: ${JSON.stringify(script)}`);
  const tasks = argv.slice(2).filter((a) => !a.startsWith("-"));
  return { argv, tasks };
}

export function main(argv: readonly string[], root: string): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log("usage: node packages/release/bin/release-tests.js [--plan]\n  --plan   print the plan and run nothing");
    return 0;
  }
  const unknown = argv.filter((a) => a !== "--plan");
  if (unknown.length > 0) {
    console.error(`release-tests: unknown argument ${unknown[0]} (see --help)`);
    return 2;
  }
  const { argv: command, tasks } = rootTestCommand(root);
  const plan = planReplay(dryRun(root, tasks, process.env), readSummaries(root), tasks, repositoryFiles(root));
  for (const line of describePlan(plan)) console.log(line);
  if (argv.includes("--plan") || plan.packages.length === 0) return 0;
  const filters = plan.packages.map((name) => `--filter=${name}`);
  console.log(`release: ${command.join(" ")} ${filters.join(" ")}`);
  const result = spawnSync("pnpm", ["exec", ...command, ...filters], { cwd: root, stdio: "inherit", env: process.env });
  return result.status ?? 1;
}
