/**
 * The TypeScript compilers a consumer's type-check runs with, installed in the consumer
 * from the registry (through Verdaccio's uplink) as a product team would: npm's
 * `typescript` (now 7.0, a native binary with no JS API: its `tsc` is run), our own 5.9
 * and the lowest 5.x the README claims, as npm aliases beside it. Each is run under every
 * module resolution the README promises: `node16` (module node16) and `bundler` (module
 * esnext).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Compiler {
  /** The folder under node_modules (`typescript`, `typescript-5.9`...). */
  readonly alias: string;
  /** What it is: `typescript@7.0.2`. */
  readonly spec: string;
}

/** npm's `latest` TypeScript, the one the README's range ends at. */
export const TYPESCRIPT_LATEST = "7.0.2";
/** The lowest TypeScript the README claims (`moduleResolution: bundler` came in 5.0). */
export const TYPESCRIPT_LOWEST = "5.0.4";

/** The compilers, lowest first: the lowest claimed, the workspace's own (`workspaceVersion`, 5.9.x), npm's latest. */
export function compilers(workspaceVersion: string): Compiler[] {
  return [
    { alias: "typescript-5.0", spec: `typescript@${TYPESCRIPT_LOWEST}` },
    { alias: "typescript-5.9", spec: `typescript@${workspaceVersion}` },
    { alias: "typescript", spec: `typescript@${TYPESCRIPT_LATEST}` },
  ];
}

/** The devDependencies that install `list` (an alias is `npm:typescript@x`). */
export function compilerDependencies(list: readonly Compiler[]): Record<string, string> {
  return Object.fromEntries(list.map((c) => [c.alias, c.alias === "typescript" ? c.spec.slice("typescript@".length) : `npm:${c.spec}`]));
}

/** The version npm installed under `alias` in `dir`. */
export function installedCompiler(dir: string, alias: string): string {
  const file = join(dir, "node_modules", alias, "package.json");
  if (!existsSync(file)) throw new Error(`${dir}: no ${alias} installed (node_modules/${alias}/package.json)`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { name: string; version: string };
  if (manifest.name !== "typescript") throw new Error(`${dir}: node_modules/${alias} is ${manifest.name}, not typescript`);
  return manifest.version;
}

/** The `tsc` entry of the compiler installed under `alias` in `dir` (run with node: 7.x's starts its native binary). */
export function tscEntry(dir: string, alias: string): string {
  return join(dir, "node_modules", alias, "bin", "tsc");
}

export interface TypecheckPlan {
  readonly compiler: Compiler;
  readonly tsconfig: string;
  /** `node16` or `bundler`. */
  readonly resolution: string;
  /** Whether this check writes `dist/` (the one the consumer then runs): npm's latest under node16. */
  readonly emits: boolean;
}

/** The ESM consumer's tsconfigs, one per module resolution. */
export const ESM_TSCONFIGS = [
  { tsconfig: "tsconfig.node16.json", resolution: "node16" },
  { tsconfig: "tsconfig.bundler.json", resolution: "bundler" },
] as const;

/** Every compiler under every resolution, lowest compiler first. */
export function typecheckPlans(list: readonly Compiler[]): TypecheckPlan[] {
  return list.flatMap((compiler) => ESM_TSCONFIGS.map(({ tsconfig, resolution }) => ({
    compiler, tsconfig, resolution, emits: compiler.alias === "typescript" && resolution === "node16",
  })));
}

/** The step's name for one check: which TypeScript, which resolution. */
export function planName(plan: TypecheckPlan): string {
  return `${plan.compiler.spec}, moduleResolution ${plan.resolution} (${plan.tsconfig})`;
}
