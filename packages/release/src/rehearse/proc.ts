/**
 * Child processes of the rehearsal. Every command runs in its own process group, so a
 * command that starts others (pnpm → turbo → vitest workers) can be stopped as a whole
 * by the PID we started; its output goes to a log file and is kept in memory for the
 * checks and for the tail printed when it fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Appended to (command line, then stdout and stderr as they come). */
  readonly log: string;
  /**
   * When (epoch ms) to kill the command (its whole group) if it is still running: the
   * rehearsal's one limit for the whole run, not a guess at what one command needs.
   */
  readonly deadline?: number;
  /** Also echo the output to our own stdout. */
  readonly echo?: boolean;
}

export interface RunResult {
  readonly command: string;
  /** Exit code; null when killed by a signal (or at the deadline). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Processes started and not yet ended: what cleanup stops. */
const running = new Set<ChildProcess>();

/** Every PID this process started (the test checks none outlives the rehearsal). */
export const startedPids: number[] = [];

export function track(child: ChildProcess): void {
  if (child.pid !== undefined) startedPids.push(child.pid);
  running.add(child);
  child.once("exit", () => running.delete(child));
}

/** PIDs of children started and not yet exited (a PID alone could have been reused since). */
export function stillRunning(): number[] {
  return [...running].filter((c) => c.exitCode === null && c.signalCode === null && c.pid !== undefined).map((c) => c.pid!);
}

/** Signals a child's process group (falls back to the child alone). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** SIGTERM, then SIGKILL after `graceMs`, for one child; resolves when it has exited. */
export async function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child still running (cleanup, signal handlers). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

export function quote(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./^-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const line = quote([command, ...args]);
  appendFileSync(options.log, `\n$ ${line}   (in ${options.cwd})\n`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    track(child);
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      appendFileSync(options.log, chunk);
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      appendFileSync(options.log, chunk);
      if (options.echo) process.stderr.write(chunk);
    });
    let timedOut = false;
    const timer = options.deadline === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      appendFileSync(options.log, `\n[rehearsal] the run's limit passed after ${Date.now() - started} ms of this command: killing ${line}\n`);
      void stopChild(child);
    }, Math.max(0, options.deadline - Date.now()));
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${line}: ${error.message}`));
    });
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ms = Date.now() - started;
      appendFileSync(options.log, `[rehearsal] exit ${code ?? signal} after ${ms} ms\n`);
      resolve({ command: line, code, signal, timedOut, stdout, stderr, ms });
    };
    child.once("close", finish);
    // A grandchild left holding our pipes (a daemon) must not keep us waiting for "close".
    child.once("exit", (code, signal) => setTimeout(() => finish(code, signal), 2_000).unref());
  });
}

/** The last `lines` lines of a command's combined output, for error messages. */
export function tail(result: Pick<RunResult, "stdout" | "stderr">, lines = 40): string {
  const all = `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => l.trim() !== "");
  return all.slice(-lines).join("\n");
}

/** Runs a command and throws (with the tail of its output) unless it exits 0. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut ? `was still running when the rehearsal's limit passed (after ${(result.ms / 1000).toFixed(1)} s)` : `exited ${result.code ?? result.signal}`;
    throw new Error(`\`${result.command}\` ${why} (log: ${options.log})\n${tail(result)}`);
  }
  return result;
}
