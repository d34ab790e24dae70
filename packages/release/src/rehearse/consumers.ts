/**
 * Consumer projects outside the workspace, installed with npm from the rehearsal
 * registry as a product team would: an ESM TypeScript project (type-checked with
 * moduleResolution node16 and bundler, run with node), a CommonJS one (run with node),
 * and the browser one (see browser.ts). Templates live in `rehearsal/consumers/`.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { run, runOk, tail, type RunOptions } from "./proc.ts";

export interface ConsumerReport {
  readonly consumer: string;
  readonly node: string;
  readonly installed: Record<string, string>;
  readonly sdkVersion: Record<string, string>;
  readonly userAgents: Record<string, string | null>;
  readonly resolved?: Record<string, string>;
  readonly results: Record<string, string>;
}

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export interface TypecheckResult {
  readonly tsconfig: string;
  /** The compiler's version (`7.0.2`), as installed in the consumer. */
  readonly typescript: string;
  readonly ok: boolean;
  readonly diagnostics: Diagnostic[];
  readonly ms: number;
}

/** Copies a template and writes its package.json (a fresh `npm init`-like manifest). */
export function createConsumer(template: string, dest: string, manifest: Record<string, unknown>): void {
  cpSync(template, dest, { recursive: true });
  writeFileSync(join(dest, "package.json"), `${JSON.stringify({ version: "1.0.0", private: true, license: "UNLICENSED", ...manifest }, null, 2)}\n`);
}

/** `npm install` from scratch (no lockfile, no node_modules), as after a fresh clone with `^` ranges. */
export async function npmInstall(dir: string, options: RunOptions): Promise<number> {
  rmSync(join(dir, "node_modules"), { recursive: true, force: true });
  rmSync(join(dir, "package-lock.json"), { force: true });
  const result = await runOk("npm", ["install", "--no-audit", "--no-fund", "--loglevel=warn"], { ...options, cwd: dir });
  return result.ms;
}

/** The version npm installed of a package in a consumer. */
export function installedVersion(dir: string, name: string): string | undefined {
  const file = join(dir, "node_modules", name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : undefined;
}

/** `src/main.ts(42,36): error TS18048: 'x' is possibly 'undefined'.` lines of `tsc --pretty false`. */
export function parseDiagnostics(output: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (m) out.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), code: m[4]!, message: m[5]! });
    else {
      const global = /^error (TS\d+): (.*)$/.exec(line.trim());
      if (global) out.push({ file: "", line: 0, column: 0, code: global[1]!, message: global[2]! });
    }
  }
  return out;
}

/**
 * `tsc -p <tsconfig> --pretty false` with the compiler whose `tsc` entry is `tsc` (version
 * `version`), in `dir`; `noEmit` adds `--noEmit`. Fails only when tsc exits non-zero without
 * a diagnostic (a crash, an unknown option): type errors are the result's to report.
 */
export async function typecheck(dir: string, tsconfig: string, tsc: { entry: string; version: string; noEmit: boolean }, options: RunOptions): Promise<TypecheckResult> {
  const args = [tsc.entry, "-p", tsconfig, "--pretty", "false", ...(tsc.noEmit ? ["--noEmit"] : [])];
  const result = await run(process.execPath, args, { ...options, cwd: dir });
  const diagnostics = parseDiagnostics(`${result.stdout}\n${result.stderr}`);
  if (result.code !== 0 && diagnostics.length === 0) {
    throw new Error(`TypeScript ${tsc.version}: tsc -p ${tsconfig} in ${dir} exited ${result.code ?? result.signal} without a diagnostic:\n${tail(result)}`);
  }
  return { tsconfig, typescript: tsc.version, ok: result.code === 0, diagnostics, ms: result.ms };
}

/** Runs a consumer's program and parses the JSON line it prints last. */
export async function runConsumer(dir: string, args: readonly string[], options: RunOptions): Promise<{ exitCode: number | null; report: ConsumerReport; ms: number }> {
  const result = await run(process.execPath, args, { ...options, cwd: dir });
  const last = result.stdout.trim().split("\n").pop() ?? "";
  let report: ConsumerReport;
  try {
    report = JSON.parse(last) as ConsumerReport;
  } catch {
    throw new Error(`\`${result.command}\` in ${dir} printed no report (exit ${result.code ?? result.signal}):\n${tail(result)}`);
  }
  return { exitCode: result.code, report, ms: result.ms };
}

/** 1-based line of the first line of `file` containing `marker`. */
export function markerLine(file: string, marker: string): number {
  const index = readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`${file}: marker ${JSON.stringify(marker)} not found`);
  return index + 1;
}
