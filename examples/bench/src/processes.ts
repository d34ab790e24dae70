/**
 * Whole-process measurements: wall time from spawn to exit, and the child's own CPU time and
 * peak RSS (reported by usage-on-exit.mjs). CPU time moves far less than wall time when
 * other work shares the machine.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const USAGE_HOOK = pathToFileURL(join(import.meta.dirname, "usage-on-exit.mjs")).href;

export interface Command {
  readonly name: string;
  /** A Node script and its arguments, run as `node --import <usage hook> script ...args`. */
  readonly script: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Run before each measured run, outside the timing (e.g. removing the previous output). */
  readonly before?: () => void;
}

export interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssKiB: number;
}

export async function runOnce(command: Command): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), "bench-usage-"));
  const usageFile = join(dir, "usage.json");
  command.before?.();
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", USAGE_HOOK, command.script, ...command.args], {
      cwd: command.cwd,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile, CI: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`${command.name} exited ${code}:\n${stderr.slice(-2000)}`);
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKiB: number; cpuMs: number };
    return { ms, ...usage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ProcessFigures {
  readonly name: string;
  readonly medianMs: number;
  readonly medianCpuMs: number;
  readonly medianMaxRssKiB: number;
}

/** Runs the commands in turn, `rounds` times (after one untimed warm-up round), and takes medians. */
export async function compareProcesses(commands: readonly Command[], rounds: number): Promise<ProcessFigures[]> {
  for (const command of commands) await runOnce(command);
  const samples = commands.map(() => [] as Sample[]);
  for (let i = 0; i < rounds; i++) {
    for (const [c, command] of commands.entries()) samples[c]!.push(await runOnce(command));
  }
  return commands.map((command, c) => ({
    name: command.name,
    medianMs: median(samples[c]!.map((s) => s.ms)),
    medianCpuMs: median(samples[c]!.map((s) => s.cpuMs)),
    medianMaxRssKiB: median(samples[c]!.map((s) => s.maxRssKiB)),
  }));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
