/**
 * The parts of turbo's run summaries we read: `turbo run … --summarize` writes one per run to
 * `.turbo/runs/<id>.json`, and `turbo run … --dry=json` prints the same shape for a run not yet
 * made. Both name every task with its hash and the git blob hash of each input file.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface TaskSummary {
  readonly taskId: string;
  readonly task: string;
  readonly package: string;
  readonly hash: string;
  /** Input files, relative to `directory`, and their git blob hashes. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly hashOfExternalDependencies: string;
  readonly command: string;
  readonly cliArguments: readonly string[];
  readonly directory: string;
  readonly dependencies: readonly string[];
  readonly resolvedTaskDefinition: unknown;
  readonly envMode: string;
  readonly framework: string;
  readonly environmentVariables: unknown;
  /** `source`: where a hit came from (`LOCAL`, `REMOTE`). */
  readonly cache: { readonly status: string; readonly source?: string };
  /** Only in a summary of a run made; `exitCode` 0 when the task passed (or replayed a pass). */
  readonly execution?: { readonly exitCode?: number | null; readonly startTime?: number; readonly endTime?: number };
}

export interface RunSummary {
  readonly id: string;
  readonly turboVersion: string;
  readonly globalCacheInputs: unknown;
  readonly envMode: string;
  readonly tasks: readonly TaskSummary[];
  readonly scm?: { readonly sha?: string; readonly branch?: string };
}

/** The directory turbo writes run summaries to. */
export const summariesDir = (repo: string) => join(repo, ".turbo", "runs");

/** The newest `limit` run summaries of `repo`, newest first by time written (run ids do not sort by time); unreadable files are skipped. */
export function readSummaries(repo: string, limit = 20): RunSummary[] {
  const dir = summariesDir(repo);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const newest = files
    .map((f) => ({ path: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)
    .slice(0, limit);
  const summaries: RunSummary[] = [];
  for (const { path } of newest) {
    try {
      const summary = JSON.parse(readFileSync(path, "utf8")) as RunSummary;
      if (Array.isArray(summary.tasks)) summaries.push(summary);
    } catch {
      // a summary being written, or not one of turbo's: not evidence of anything
    }
  }
  return summaries;
}

/** What `turbo run <tasks> --dry=json` says the run would do, in `repo` with `env`. */
export function dryRun(repo: string, tasks: readonly string[], env: NodeJS.ProcessEnv): RunSummary {
  const out = execFileSync("pnpm", ["exec", "turbo", "run", ...tasks, "--dry=json"], {
    cwd: repo,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as RunSummary;
}
