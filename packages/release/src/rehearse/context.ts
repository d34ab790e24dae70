/**
 * What the rehearsal's steps share: the options, the temp root and its paths, the report
 * being filled in, the children's environment, and everything started that cleanup must
 * stop. `step` numbers, times, prints and records each step.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext } from "playwright-core";
import type { MockServer } from "@x/mock-server";
import { cleanEnv, repoRoot, type Options } from "./options.ts";
import { startedPids, type RunOptions } from "./proc.ts";
import type { Registry } from "./registry.ts";
import type { RehearsalReport, StepRecord } from "./report.ts";
import { workspacePackages } from "./scratch.ts";

export interface Context {
  readonly options: Options;
  readonly started: number;
  /** When (epoch ms) the run's one limit passes: commands still running then are stopped. */
  readonly deadline: number;
  /** The checkout (only read). */
  readonly root: string;
  readonly tmp: string;
  readonly logs: string;
  /** The scratch repository, in the temp root. */
  readonly repo: string;
  readonly consumersDir: string;
  /** The throwaway npm user config that routes `@x` to Verdaccio. */
  readonly userconfig: string;
  readonly turboCache: string;
  readonly env: NodeJS.ProcessEnv;
  readonly report: RehearsalReport;
  /** The registry npm uses for everything but `@x` (read in the first step). */
  uplink: string;

  // Everything started that cleanup must stop.
  registry?: Registry;
  readonly mocks: MockServer[];
  staticServer?: Server;
  browserContext?: BrowserContext;
  /** Set by the first cleanup; later ones wait on it. */
  cleaned?: Promise<void>;

  /** How a command of the step runs: logged to `<logs>/<log>.log`, in `cwd` (the scratch repo), stopped at the run's deadline. */
  opts(log: string, cwd?: string): RunOptions;
  /** Milliseconds left before the run's deadline (at least 1). */
  remainingMs(): number;
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Prism's URLs: common, sync-commerce. */
  mockUrls(): [string, string];
  /** The scratch repo's public packages and their versions. */
  versionsOf(): Record<string, string>;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const note = (line: string) => console.log(`    ${line}`);

/** Every step's time, as a table: what the report's `steps` hold, for reading at the end of the output. */
export function stepTimes(steps: readonly StepRecord[]): string {
  const total = steps.reduce((sum, s) => sum + s.ms, 0);
  const rows = steps.map((s, i) => `| ${i + 1} | ${s.name.replace(/\|/g, "\\|")} | ${s.ok ? "ok" : "FAILED"} | ${(s.ms / 1000).toFixed(1)} |`);
  return ["| step | what | result | seconds |", "|---|---|---|---|", ...rows, `| | all steps | | ${(total / 1000).toFixed(1)} |`].join("\n");
}

/** Creates the temp root (and the logs directory) and everything the steps share. */
export function createContext(options: Options): Context {
  const started = Date.now();
  const deadline = started + options.limitMinutes * 60_000;
  const root = repoRoot();
  const tmp = mkdtempSync(join(tmpdir(), "x-rehearsal-"));
  const logs = options.logs ?? join(tmp, "logs");
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const repo = join(tmp, "repo");
  const userconfig = join(tmp, "npmrc");

  const report: RehearsalReport = {
    ok: false, ms: 0, limitMinutes: options.limitMinutes, tmpRoot: tmp, logs, pids: startedPids, versions: {}, published: {}, releaseTests: {}, consumers: {}, steps: [],
  };

  const turboCache = process.env.TURBO_CACHE_DIR ? resolve(root, process.env.TURBO_CACHE_DIR) : join(root, ".turbo", "cache");
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(root),
    NPM_CONFIG_USERCONFIG: userconfig,
    npm_config_cache: join(tmp, "npm-cache"),
    TURBO_CACHE_DIR: turboCache,
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
  };

  let stepNumber = 0;
  const ctx: Context = {
    options, started, deadline, root, tmp, logs, repo, consumersDir: join(tmp, "consumers"), userconfig, turboCache, env, report,
    uplink: "",
    mocks: [],

    opts: (log, cwd = repo) => ({ cwd, env, log: join(logs, `${log}.log`), echo: options.verbose, deadline }),

    remainingMs: () => Math.max(1, deadline - Date.now()),

    async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
      stepNumber++;
      const t0 = Date.now();
      console.log(`▶ ${stepNumber}. ${name}`);
      try {
        const value = await fn();
        const ms = Date.now() - t0;
        report.steps.push({ name, ok: true, ms });
        console.log(`✔ ${stepNumber}. ${name} (${seconds(ms)})`);
        return value;
      } catch (error) {
        const ms = Date.now() - t0;
        const message = error instanceof Error ? error.message : String(error);
        report.steps.push({ name, ok: false, ms, error: message });
        console.log(`✖ ${stepNumber}. ${name} (${seconds(ms)})\n${message.replace(/^/gm, "    ")}`);
        throw error;
      }
    },

    mockUrls: () => {
      if (ctx.mocks.length !== 2) throw new Error("Prism is not running");
      return [ctx.mocks[0]!.url, ctx.mocks[1]!.url];
    },

    versionsOf: () => Object.fromEntries(workspacePackages(repo).filter((p) => !p.private).map((p) => [p.name, p.version])),
  };
  return ctx;
}
