/**
 * Which test-phase tasks of a release must run, and which a passing run of the same code
 * already answered.
 *
 * turbo hashes every file of a package's task, its package.json always included, so
 * `pnpm version-packages` gives every versioned package (and every task that depends on one)
 * a new hash, and turbo alone would run the whole suite again for code whose only change is
 * its version stamps. A task is answered by a past run's task when the two are the same task
 * but for version stamps: the same command, definition, environment, external dependencies
 * and global inputs, the same input files each with the same content or a version-only change
 * of the workspace package that holds it (`version-only.ts`; a check over the whole repository
 * hashes other packages' files), and dependencies that are the same in that sense in the
 * same past run. The past task must have passed (exit code 0, run or replayed).
 *
 * A task without a script (a package with no `build`) runs nothing, but its hash, which its
 * dependents include, covers its package's files (a source package others import as it is).
 * Run summaries leave such tasks out, so its past inputs are read from the tasks of that run
 * that hashed the same files; a file none of them hashed, or a file of its package that one of
 * them hashed and that is gone, makes it differ.
 */
import { posix } from "node:path";
import { isVersionOnlyChange, manifestVersion, type VersionChange } from "./version-only.ts";
import type { RunSummary, TaskSummary } from "./summary.ts";

/** How the plan reads files: paths are relative to the repository. */
export interface Files {
  /** A file's earlier text by its git blob hash (`git cat-file`), or undefined. */
  blob(hash: string): string | undefined;
  /** A file of the tree being released; undefined unless its blob hash is `hash`. */
  now(path: string, hash: string): string | undefined;
  /** Whether the tree being released has the file. */
  exists(path: string): boolean;
}

export interface Replayed {
  readonly taskId: string;
  /** The past run (its summary id) and the commit it ran at. */
  readonly run: string;
  readonly sha: string | undefined;
  /** That run's hash of the task. */
  readonly hash: string;
  /** Input files whose only change is a version stamp, e.g. `packages/common/package.json`. */
  readonly restamped: readonly string[];
}

export interface ReplayPlan {
  /** Test-phase tasks turbo replays from its cache by itself, or that have no script. */
  readonly cached: readonly string[];
  /** Test-phase tasks a past passing run answered. */
  readonly replayed: readonly Replayed[];
  /** Test-phase tasks that must run, each with the reason no past run answered it. */
  readonly run: ReadonlyArray<{ readonly taskId: string; readonly why: string }>;
  /** The packages to hand turbo (`--filter`): every package with a task to run. */
  readonly packages: readonly string[];
}

const NO_SCRIPT = "<NONEXISTENT>";
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A task's input file (relative to its package) relative to the repository. */
const pathIn = (dir: string, file: string) => posix.join(dir, file);

type Verdict = { readonly ok: true; readonly restamped: readonly string[] } | { readonly ok: false; readonly why: string };

/** Compares tasks of the run to be made with tasks of one past run. */
class Comparison {
  readonly #now: ReadonlyMap<string, TaskSummary>;
  readonly #then: ReadonlyMap<string, TaskSummary>;
  readonly #verdicts = new Map<string, Verdict>();
  readonly past: RunSummary;
  readonly #files: Files;

  /** The workspace packages' folders, longest first, and every file either run hashed, by repository path. */
  readonly #packageDirs: readonly string[];
  readonly #nowHashes: ReadonlyMap<string, string>;
  readonly #thenHashes: ReadonlyMap<string, string>;
  readonly #versions = new Map<string, VersionChange | undefined>();

  constructor(now: RunSummary, past: RunSummary, files: Files) {
    this.#now = new Map(now.tasks.map((t) => [t.taskId, t]));
    this.#then = new Map(past.tasks.map((t) => [t.taskId, t]));
    this.past = past;
    this.#files = files;
    this.#packageDirs = [...new Set(now.tasks.map((t) => t.directory).filter((d) => d !== "" && d !== "."))].sort((a, b) => b.length - a.length);
    const hashes = (tasks: readonly TaskSummary[]) => new Map(tasks.flatMap((t) => Object.entries(t.inputs).map(([f, h]) => [pathIn(t.directory, f), h] as const)));
    this.#nowHashes = hashes(now.tasks);
    this.#thenHashes = hashes(past.tasks);
  }

  verdict(taskId: string): Verdict {
    const known = this.#verdicts.get(taskId);
    if (known) return known;
    const verdict = this.#compare(taskId);
    this.#verdicts.set(taskId, verdict);
    return verdict;
  }

  #compare(taskId: string): Verdict {
    const now = this.#now.get(taskId);
    if (now?.command === NO_SCRIPT && !this.#then.has(taskId)) return this.#compareScriptless(now);
    const then = this.#then.get(taskId);
    if (!now || !then) return { ok: false, why: `${taskId} is not in run ${this.past.id}` };
    if (now.hash === then.hash) return { ok: true, restamped: [] };
    for (const field of ["command", "cliArguments", "hashOfExternalDependencies", "directory", "envMode", "framework", "resolvedTaskDefinition", "environmentVariables"] as const) {
      if (!same(now[field], then[field])) return { ok: false, why: `${taskId}: its ${field} changed` };
    }
    const added = Object.keys(now.inputs).find((f) => !(f in then.inputs));
    if (added !== undefined) return { ok: false, why: `${taskId}: ${pathIn(now.directory, added)} is new` };
    const removed = Object.keys(then.inputs).find((f) => !(f in now.inputs));
    if (removed !== undefined) return { ok: false, why: `${taskId}: ${pathIn(now.directory, removed)} is gone` };
    if (!same([...now.dependencies].sort(), [...then.dependencies].sort())) return { ok: false, why: `${taskId}: its dependencies changed` };
    return this.#compareFiles(now, then.inputs);
  }

  /** A task without a script, which the past run's summary leaves out: its inputs as the run's other tasks hashed them. */
  #compareScriptless(now: TaskSummary): Verdict {
    const known = new Map<string, string>();
    for (const task of this.#then.values()) for (const [file, hash] of Object.entries(task.inputs)) known.set(pathIn(task.directory, file), hash);
    const then: Record<string, string> = {};
    for (const file of Object.keys(now.inputs)) {
      const hash = known.get(pathIn(now.directory, file));
      if (hash === undefined) return { ok: false, why: `${now.taskId}: ${pathIn(now.directory, file)} is new, or no task of run ${this.past.id} hashed it` };
      then[file] = hash;
    }
    const mine = new Set(Object.keys(now.inputs).map((f) => pathIn(now.directory, f)));
    const gone = [...known.keys()].find((path) => path.startsWith(`${now.directory}/`) && !mine.has(path) && !this.#files.exists(path));
    if (gone !== undefined) return { ok: false, why: `${now.taskId}: ${gone} is gone` };
    return this.#compareFiles(now, then);
  }

  /**
   * The task's input files against their past hashes (each the same, or a version-only change),
   * then its dependencies. A file carries the version stamps of the workspace package that holds
   * it, whichever task hashes it: a check over the whole repository sees every package's stamps.
   */
  #compareFiles(now: TaskSummary, then: Readonly<Record<string, string>>): Verdict {
    const restamped: string[] = [];
    for (const file of Object.keys(now.inputs)) {
      if (now.inputs[file] === then[file]) continue;
      const path = pathIn(now.directory, file);
      const owner = this.#packageDirs.find((dir) => path.startsWith(`${dir}/`));
      const before = this.#files.blob(then[file]!);
      const after = this.#files.now(path, now.inputs[file]!);
      if (owner === undefined || before === undefined || after === undefined || !isVersionOnlyChange(posix.relative(owner, path), before, after, this.#versionChange(owner))) {
        return { ok: false, why: `${now.taskId}: ${path} changed` };
      }
      restamped.push(path);
    }
    for (const dependency of now.dependencies) {
      const verdict = this.verdict(dependency);
      if (!verdict.ok) return verdict;
      restamped.push(...verdict.restamped);
    }
    return { ok: true, restamped: [...new Set(restamped)].sort() };
  }

  /** The version of the package in `dir` before and after, read from its package.json as the two runs hashed it. */
  #versionChange(dir: string): VersionChange | undefined {
    if (this.#versions.has(dir)) return this.#versions.get(dir);
    const manifest = posix.join(dir, "package.json");
    const beforeHash = this.#thenHashes.get(manifest);
    const afterHash = this.#nowHashes.get(manifest);
    const before = beforeHash === undefined ? undefined : this.#files.blob(beforeHash);
    const after = afterHash === undefined ? undefined : this.#files.now(manifest, afterHash);
    const versions = { before: before && manifestVersion(before), after: after && manifestVersion(after) };
    const change = versions.before && versions.after ? { before: versions.before, after: versions.after } : undefined;
    this.#versions.set(dir, change);
    return change;
  }
}

/**
 * Plans the test phase (`phase`, e.g. `["typecheck", "test"]`) of the run `now` (turbo's dry
 * run) against `past` run summaries, newest first: the first past run that answers a task is
 * the one named.
 */
export function planReplay(now: RunSummary, past: readonly RunSummary[], phase: readonly string[], files: Files): ReplayPlan {
  const comparable = past.filter((run) => run.turboVersion === now.turboVersion && same(run.globalCacheInputs, now.globalCacheInputs));
  const comparisons = comparable.map((run) => new Comparison(now, run, files));
  const cached: string[] = [];
  const replayed: Replayed[] = [];
  const run: Array<{ taskId: string; why: string }> = [];
  for (const task of now.tasks.filter((t) => phase.includes(t.task))) {
    if (task.command === NO_SCRIPT || task.cache.status === "HIT") {
      cached.push(task.taskId);
      continue;
    }
    // Why the newest past run in which the task passed does not answer it.
    let why: string | undefined;
    let answered = false;
    for (const comparison of comparisons) {
      const then = comparison.past.tasks.find((t) => t.taskId === task.taskId);
      if (then?.execution?.exitCode !== 0) continue;
      const verdict = comparison.verdict(task.taskId);
      if (!verdict.ok) {
        why ??= verdict.why;
        continue;
      }
      replayed.push({ taskId: task.taskId, run: comparison.past.id, sha: comparison.past.scm?.sha, hash: then.hash, restamped: verdict.restamped });
      answered = true;
      break;
    }
    if (!answered) {
      why ??= comparable.length === 0 ? `no past run with the same global inputs and turbo (of ${past.length} read)` : "it passed in no past run";
      run.push({ taskId: task.taskId, why });
    }
  }
  const packages = [...new Set(run.map((r) => now.tasks.find((t) => t.taskId === r.taskId)!.package))].sort();
  return { cached: cached.sort(), replayed, run, packages };
}
