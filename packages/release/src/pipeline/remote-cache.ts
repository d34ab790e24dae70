/**
 * `pnpm cache:proof`: proves that a shared turbo remote cache works for this repository.
 *
 * 1. Starts a self-hosted cache server (turborepo-remote-cache, local storage in a temp
 *    folder) on 127.0.0.1 with a free port and a random token, in this process.
 * 2. Copies the working tree into two scratch repositories (as two clean clones would be),
 *    each installed from the warm pnpm store, each with its own empty local turbo cache.
 * 3. `turbo run build` in the first, pointed at the server by TURBO_API, TURBO_TOKEN and
 *    TURBO_TEAM: every task runs and uploads its outputs.
 * 4. The same in the second: every task must be a cache hit from the remote cache, and the
 *    build outputs must be there, restored from it.
 * 5. The server hands an uploaded artifact to the token, and refuses a wrong token.
 *
 * Everything it started is stopped and the temp root removed, pass or fail. Exit 0 only if
 * every check passed. The token is never printed.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanEnv, repoRoot } from "../rehearse/options.ts";
import { runOk, stopAll, type RunOptions } from "../rehearse/proc.ts";
import { copyWorkingTree, initRepo, install } from "../rehearse/scratch.ts";
import { readSummaries, summariesDir } from "../replay/summary.ts";

/** The turbo team name the cache keys artifacts under (any slug will do for a self-hosted server). */
const TEAM = "x-sdk-platform";
/** The proof's one time limit: under a minute on a quiet machine; generous for a busy one. */
export const PROOF_LIMIT_MS = 30 * 60_000;

export interface CacheServer {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/** turborepo-remote-cache in this process, storing artifacts under `storage`. */
export async function startCacheServer(storage: string): Promise<CacheServer> {
  const token = randomBytes(24).toString("hex");
  // The server reads its configuration from the environment when the app is created.
  Object.assign(process.env, {
    STORAGE_PROVIDER: "local",
    STORAGE_PATH: storage,
    STORAGE_PATH_USE_TMP_FOLDER: "false",
    TURBO_TOKEN: token,
    LOG_LEVEL: "warn",
  });
  const { createApp } = await import("turborepo-remote-cache");
  const app = createApp({ logger: false });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  delete process.env.TURBO_TOKEN;
  return { url: address.replace("://localhost", "://127.0.0.1"), token, close: () => app.close() };
}

export interface TaskOutcome {
  readonly taskId: string;
  readonly status: string;
  readonly source?: string;
  readonly exitCode?: number;
  readonly ms: number;
}

/** The tasks of the newest `--summarize` run summary in `repo`. */
export function readRunSummary(repo: string): TaskOutcome[] {
  const [summary] = readSummaries(repo, 1);
  if (!summary) throw new Error(`${summariesDir(repo)}: turbo wrote no run summary`);
  return summary.tasks.map((t) => ({
    taskId: t.taskId,
    status: t.cache.status,
    ...(t.cache.source ? { source: t.cache.source } : {}),
    ...(typeof t.execution?.exitCode === "number" ? { exitCode: t.execution.exitCode } : {}),
    ms: (t.execution?.endTime ?? 0) - (t.execution?.startTime ?? 0),
  }));
}

/** What the second clone must show: every task a hit from the remote cache. */
export function remoteMisses(tasks: readonly TaskOutcome[]): string[] {
  return tasks.filter((t) => t.status !== "HIT" || t.source?.toUpperCase() !== "REMOTE").map((t) => `${t.taskId} (${t.status}${t.source ? ` from ${t.source}` : ""})`);
}

export async function main(argv: readonly string[]): Promise<number> {
  const keep = argv.includes("--keep");
  const root = repoRoot();
  const tmp = mkdtempSync(join(tmpdir(), "x-remote-cache-"));
  const logs = join(tmp, "logs");
  mkdirSync(logs);
  let server: CacheServer | undefined;
  const started = Date.now();
  try {
    const storage = join(tmp, "cache-storage");
    server = await startCacheServer(storage);
    console.log(`cache server ${server.url} (turborepo-remote-cache, storage ${storage})`);
    const env: NodeJS.ProcessEnv = { ...cleanEnv(root), TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", TURBO_API: server.url, TURBO_TOKEN: server.token, TURBO_TEAM: TEAM };
    delete env.TURBO_CACHE_DIR;
    delete env.TURBO_REMOTE_ONLY;
    const runs: TaskOutcome[][] = [];
    for (const name of ["first", "second"]) {
      const repo = join(tmp, name);
      // One limit for the whole proof (installs and builds of two clones), not one per command.
      const opts = (log: string): RunOptions => ({ cwd: repo, env, log: join(logs, `${name}-${log}.log`), deadline: started + PROOF_LIMIT_MS });
      const files = copyWorkingTree(root, repo);
      await initRepo(repo, opts("git"));
      const how = await install(opts("install"));
      const t0 = Date.now();
      await runOk("pnpm", ["exec", "turbo", "run", "build", "--summarize", "--output-logs=errors-only"], opts("build"));
      const tasks = readRunSummary(repo);
      runs.push(tasks);
      const hits = tasks.filter((t) => t.status === "HIT");
      console.log(`${name} clone: ${files} files, install ${how}; turbo run build: ${tasks.length} tasks, ${hits.length} cache hits (${hits.filter((t) => t.source?.toUpperCase() === "REMOTE").length} remote) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    const [first, second] = runs as [TaskOutcome[], TaskOutcome[]];
    const failures: string[] = [];
    const failedTasks = first.filter((t) => t.status !== "HIT" && t.exitCode !== 0);
    if (failedTasks.length > 0) failures.push(`first clone: tasks failed: ${failedTasks.map((t) => t.taskId).join(", ")}`);
    const misses = remoteMisses(second);
    if (misses.length > 0) failures.push(`second clone: not restored from the remote cache: ${misses.join(", ")}`);
    if (second.length !== first.length) failures.push(`second clone ran ${second.length} tasks, the first ${first.length}`);
    for (const output of ["packages/runtime/dist/index.js", "packages/common/dist/index.js", "packages/sync-commerce/dist/index.js"]) {
      if (!existsSync(join(tmp, "second", output))) failures.push(`second clone: ${output} missing after the cache replay`);
    }
    // An artifact the first clone uploaded: the token fetches it, a wrong token does not.
    const artifact = readdirSync(join(storage, TEAM)).sort()[0];
    if (artifact === undefined) failures.push(`the cache server stored nothing under ${TEAM}`);
    else {
      const get = (token: string) => fetch(`${server!.url}/v8/artifacts/${artifact}?slug=${TEAM}`, { headers: { authorization: `Bearer ${token}` } });
      const [right, wrong] = [(await get(server.token)).status, (await get(`not-${server.token}`)).status];
      console.log(`artifact ${artifact}: HTTP ${right} with the token, HTTP ${wrong} with a wrong one`);
      if (right !== 200) failures.push(`the cache server answered ${right} to the right token (expected 200)`);
      if (wrong !== 401) failures.push(`the cache server answered ${wrong} to a wrong token (expected 401)`);
    }
    for (const f of failures) console.error(`cache proof: FAIL ${f}`);
    console.log(`cache proof: ${failures.length === 0 ? "ok" : "FAILED"}: the second clean clone's ${second.length} build tasks ${misses.length === 0 ? "all came" : "did not all come"} from the first clone's remote cache (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
    return failures.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`cache proof: ${(error as Error).message}`);
    return 1;
  } finally {
    await stopAll();
    await server?.close();
    if (keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
