/**
 * `pnpm pipeline:scale`: the build and test pipeline of a workspace with many SDK packages.
 *
 * In a scratch copy of the working tree it adds SDK packages with `pnpm sdk:new` (the
 * reference specs beside the clone, then the public corpus's documents) until the
 * workspace has `--packages` (default 20), then times, with a turbo cache of its own:
 *   1. `pnpm build` and `pnpm test` from scratch;
 *   2. both again with nothing changed (every task must replay from the cache);
 *   3. both after a one-line change to one spec: only that package's tasks (and those of
 *      packages that depend on it) may run, every other task must replay.
 * Prints a table; exits 1 if step 2 or 3 ran a task it should not have. The temp root is
 * removed at the end, pass or fail.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { createRequire } from "node:module";
import { cleanEnv, repoRoot } from "../rehearse/options.ts";
import { run, runOk, stopAll, tail, type RunOptions } from "../rehearse/proc.ts";
import { copyWorkingTree, initRepo, install, workspacePackages } from "../rehearse/scratch.ts";
import { readRunSummary, type TaskOutcome } from "./remote-cache.ts";

/** Specs larger than this are the scale case of the corpus, not a typical package. */
const MAX_SPEC_BYTES = 2_000_000;
/** The run's one time limit: about ten minutes on a quiet machine; generous for a busy one. */
const LIMIT_MS = 3 * 60 * 60_000;

interface Measured {
  readonly scenario: string;
  readonly command: string;
  readonly seconds: number;
  readonly tasks: readonly TaskOutcome[];
}

/** Candidate specs, in order: the reference specs, then the corpus's OpenAPI 3.x documents. */
export function candidateSpecs(root: string): string[] {
  const folders = [join(root, "../shared/reference-specs")];
  const require = createRequire(join(root, "packages/corpus/package.json"));
  try {
    const examples = join(require.resolve("@readme/oas-examples/package.json"), "..");
    folders.push(join(examples, "3.0/json"), join(examples, "3.1/json"));
  } catch {
    // the corpus package is not installed: reference specs only
  }
  return folders.filter(existsSync).flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => [".yaml", ".yml", ".json"].includes(extname(f)) && statSync(join(folder, f)).size <= MAX_SPEC_BYTES)
      .sort()
      .map((f) => join(folder, f)),
  );
}

/** Tasks that ran (not replayed) whose package is not among `allowed`. */
export function unexpectedRuns(tasks: readonly TaskOutcome[], allowed: ReadonlySet<string>): string[] {
  return tasks.filter((t) => t.status !== "HIT" && !allowed.has(t.taskId.split("#")[0]!)).map((t) => t.taskId);
}

/** Appends a line to the first `description:` or `summary:` of a YAML or JSON spec: a one-line, meaningful edit. */
export function editOneLine(specPath: string): void {
  const text = readFileSync(specPath, "utf8");
  const edited = text.replace(/("?(?:summary|description)"?\s*:\s*"?)([^\n"]*)/, (_m, head: string, rest: string) => `${head}${rest} (edited by pipeline:scale)`);
  if (edited === text) throw new Error(`${specPath}: no summary or description to edit`);
  writeFileSync(specPath, edited);
}

export async function main(argv: readonly string[]): Promise<number> {
  const want = Number(argv[argv.indexOf("--packages") + 1] ?? 20) || 20;
  const keep = argv.includes("--keep");
  const root = repoRoot();
  const tmp = mkdtempSync(join(tmpdir(), "x-pipeline-scale-"));
  const repo = join(tmp, "repo");
  const logs = join(tmp, "logs");
  mkdirSync(logs);
  const env: NodeJS.ProcessEnv = { ...cleanEnv(root), TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", TURBO_CACHE_DIR: join(tmp, "turbo-cache"), CI: "" };
  for (const key of ["TURBO_API", "TURBO_TOKEN", "TURBO_TEAM"]) delete env[key];
  // One limit for the whole run (every install, scaffold and turbo run), not one per command.
  const deadline = Date.now() + LIMIT_MS;
  const opts = (log: string): RunOptions => ({ cwd: repo, env, log: join(logs, `${log}.log`), deadline });
  const results: Measured[] = [];
  const measure = async (scenario: string, script: "build" | "test"): Promise<Measured> => {
    const started = Date.now();
    const args = script === "build" ? ["turbo", "run", "build"] : ["turbo", "run", "typecheck", "test", "--continue"];
    const result = await run("pnpm", ["exec", ...args, "--summarize", "--output-logs=errors-only"], opts(`${scenario}-${script}`));
    const measured = { scenario, command: `pnpm ${script}`, seconds: (Date.now() - started) / 1000, tasks: readRunSummary(repo) };
    results.push(measured);
    const ran = measured.tasks.filter((t) => t.status !== "HIT").length;
    console.log(`  ${scenario}: pnpm ${script}: ${measured.seconds.toFixed(1)} s, ${measured.tasks.length} tasks, ${ran} ran, ${measured.tasks.length - ran} from the cache${result.code === 0 ? "" : ` (exit ${result.code})`}`);
    if (result.code !== 0) throw new Error(`pnpm ${script} failed in ${scenario}:\n${tail(result, 30)}`);
    return measured;
  };
  try {
    copyWorkingTree(root, repo);
    await initRepo(repo, opts("git"));
    await install(opts("install"));
    let sdks = workspacePackages(repo).filter((p) => !p.private).length - 1; // the runtime is not an SDK
    const added: { name: string; spec: string }[] = [];
    for (const spec of candidateSpecs(root)) {
      if (sdks >= want) break;
      const name = `scale-${basename(spec, extname(spec)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
      const result = await run("pnpm", ["sdk:new", spec, "--name", `@x/${name}`, "--no-install"], opts("sdk-new"));
      if (result.code !== 0) {
        console.log(`  sdk:new ${basename(spec)}: refused (see ${join(logs, "sdk-new.log")})`);
        continue;
      }
      added.push({ name: `@x/${name}`, spec: join(repo, "openapi", `${name}${extname(spec)}`) });
      sdks++;
    }
    if (sdks < want) throw new Error(`only ${sdks} SDK packages could be made (wanted ${want})`);
    // New workspace packages change the lockfile, so this install resolves (from the store when it can).
    await runOk("pnpm", ["install", "--prefer-offline"], opts("install-added"));
    await runOk("git", ["add", "-A"], opts("git"));
    await runOk("git", ["-c", "user.name=scale", "-c", "user.email=scale@localhost", "commit", "-qm", "SDK packages for the scale run"], opts("git"));
    console.log(`pipeline:scale: ${sdks} SDK packages (${added.length} added by sdk:new) in ${repo}`);

    await measure("from scratch", "build");
    await measure("from scratch", "test");
    const unchanged = [await measure("nothing changed", "build"), await measure("nothing changed", "test")];
    const target = added[0]!;
    editOneLine(target.spec);
    const changed = [await measure(`one line of ${basename(target.spec)}`, "build"), await measure(`one line of ${basename(target.spec)}`, "test")];

    const failures: string[] = [];
    for (const m of unchanged) {
      const ran = unexpectedRuns(m.tasks, new Set());
      if (ran.length > 0) failures.push(`nothing changed, yet ${m.command} ran ${ran.join(", ")}`);
    }
    // Nothing in the workspace depends on a package sdk:new added, so only its own tasks may run.
    for (const m of changed) {
      const ran = unexpectedRuns(m.tasks, new Set([target.name]));
      if (ran.length > 0) failures.push(`after one line of ${target.name}'s spec, ${m.command} also ran ${ran.join(", ")}`);
      if (!m.tasks.some((t) => t.taskId.startsWith(`${target.name}#`) && t.status !== "HIT")) failures.push(`after one line of ${target.name}'s spec, ${m.command} ran none of its tasks`);
    }
    console.log(`\n| scenario | command | seconds | tasks | ran | from cache |\n|---|---|---|---|---|---|`);
    for (const m of results) {
      const ran = m.tasks.filter((t) => t.status !== "HIT");
      console.log(`| ${m.scenario} | ${m.command} | ${m.seconds.toFixed(1)} | ${m.tasks.length} | ${ran.length}${ran.length > 0 && ran.length <= 4 ? ` (${ran.map((t) => t.taskId).join(", ")})` : ""} | ${m.tasks.length - ran.length} |`);
    }
    for (const f of failures) console.error(`pipeline:scale: FAIL ${f}`);
    console.log(`pipeline:scale: ${failures.length === 0 ? "ok" : "FAILED"}`);
    return failures.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`pipeline:scale: ${(error as Error).message}`);
    return 1;
  } finally {
    await stopAll();
    if (keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
