/**
 * The consumers' steps and what they check: each installs the published SDKs with npm from
 * the rehearsal registry and calls the API through them against Prism. The ESM TypeScript
 * one is type-checked first, each check its own step: TypeScript 5.0 (the lowest the README
 * claims), 5.9 and 7.0 (npm's latest), each under moduleResolution node16 and bundler, every
 * compiler installed in the consumer from the registry; the CommonJS one must load the
 * `.cjs` builds; the browser one is bundled with esbuild and run in Chromium.
 * Every one must see the installed versions in SDK_VERSION and the User-Agent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundle, loadPage, serveStatic } from "./browser.ts";
import {
  createConsumer, installedVersion, npmInstall, runConsumer, typecheck,
  type ConsumerReport, type TypecheckResult,
} from "./consumers.ts";
import { compilerDependencies, compilers, installedCompiler, tscEntry, typecheckPlans, type TypecheckPlan } from "./typescripts.ts";
import { note, seconds, type Context } from "./context.ts";
import { PACKAGE_DIR } from "./options.ts";
import type { ConsumerRun } from "./report.ts";

const TEMPLATES = join(PACKAGE_DIR, "rehearsal", "consumers");

export function checkConsumerReport(name: string, result: { exitCode: number | null; report: ConsumerReport }, expectOps: number): void {
  const { report: r } = result;
  const failed = Object.entries(r.results).filter(([, v]) => !v.startsWith("ok:"));
  if (failed.length > 0 || result.exitCode !== 0) {
    throw new Error(`${name}: ${failed.map(([k, v]) => `${k}: ${v}`).join("; ") || `exit ${result.exitCode}`}`);
  }
  if (Object.keys(r.results).length !== expectOps) throw new Error(`${name}: ${Object.keys(r.results).length} operations called, expected ${expectOps}`);
  for (const [pkg, version] of Object.entries(r.sdkVersion)) {
    if (r.installed[pkg] !== version) throw new Error(`${name}: ${pkg} SDK_VERSION is ${version} but ${r.installed[pkg]} is installed`);
  }
  const node = process.versions.node.split(".").slice(0, 2).join(".");
  for (const [pkg, ua] of Object.entries(r.userAgents)) {
    const expected = `${pkg}/${r.installed[pkg]} @x/runtime/${r.installed["@x/runtime"]} node/${node}`;
    if (ua !== expected) throw new Error(`${name}: ${pkg} sent User-Agent ${JSON.stringify(ua)}, expected ${JSON.stringify(expected)}`);
  }
  for (const [op, outcome] of Object.entries(r.results)) note(`${op}: ${outcome}`);
}

/** The workspace's own TypeScript version (root package.json), the 5.9 a consumer is checked with. */
export function workspaceTypescript(repo: string): string {
  const manifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  const version = manifest.devDependencies?.typescript;
  if (!version) throw new Error(`${repo}/package.json: no devDependencies.typescript`);
  return version;
}

/** The ESM consumer's type-checks: every compiler of typescripts.ts under both resolutions. */
export function esmPlans(ctx: Context): TypecheckPlan[] {
  return typecheckPlans(compilers(workspaceTypescript(ctx.repo)));
}

/** Runs one planned type-check in `dir` with the compiler installed there. */
export function runPlan(ctx: Context, dir: string, plan: TypecheckPlan, log: string, emit: boolean): Promise<TypecheckResult> {
  const version = installedCompiler(dir, plan.compiler.alias);
  const expected = plan.compiler.spec.slice("typescript@".length);
  if (version !== expected) throw new Error(`${dir}: npm installed TypeScript ${version} as ${plan.compiler.alias}, expected ${expected}`);
  return typecheck(dir, plan.tsconfig, { entry: tscEntry(dir, plan.compiler.alias), version, noEmit: !(emit && plan.emits) }, ctx.opts(`${log}-tsc-${version}-${plan.resolution}`, dir));
}

/** A failed check's message: which TypeScript, which resolution, every diagnostic. */
export function typecheckFailure(plan: TypecheckPlan, c: TypecheckResult): string {
  return `TypeScript ${c.typescript}, moduleResolution ${plan.resolution} (${c.tsconfig}): ${c.diagnostics.length} error(s)\n${c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`).join("\n")}`;
}

/** Every planned type-check of the ESM consumer in `dir`, in parallel; the results (no throw on type errors). */
export function typecheckAll(ctx: Context, dir: string, log: string): Promise<TypecheckResult[]> {
  return Promise.all(esmPlans(ctx).map((plan) => runPlan(ctx, dir, plan, log, false)));
}

/** Writes the ESM consumer (its compilers as devDependencies) into `dir`. */
export function createEsmConsumer(ctx: Context, dir: string, ranges: Record<string, string>): void {
  const rootManifest = JSON.parse(readFileSync(join(ctx.repo, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  createConsumer(join(TEMPLATES, "esm"), dir, {
    name: "rehearsal-esm-consumer",
    type: "module",
    dependencies: ranges,
    devDependencies: {
      "@types/node": rootManifest.devDependencies?.["@types/node"] ?? "^20",
      ...compilerDependencies(compilers(workspaceTypescript(ctx.repo))),
    },
  });
}

/** npm-installs the ESM consumer in `dir` and records what it got in report.consumers[key]; @x/common must be `expectCommon`. */
export async function installEsm(ctx: Context, key: "esm" | "pinned", dir: string, ranges: Record<string, string>, expectCommon: string): Promise<void> {
  await npmInstall(dir, ctx.opts(`${key}-install`, dir));
  const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
  note(`${key}: installed ${Object.entries(installed).map(([k, v]) => `${k}@${v}`).join(", ")}`);
  ctx.report.consumers[key] = { dir, ranges, installed, typecheck: [] };
  if (installed["@x/common"] !== expectCommon) throw new Error(`npm installed @x/common ${installed["@x/common"]} for ${ranges["@x/common"]}, expected ${expectCommon}`);
}

/** One type-check of the installed ESM consumer (its own step): recorded, and thrown with its diagnostics when it fails. */
export async function esmTypecheck(ctx: Context, key: "esm" | "pinned", dir: string, plan: TypecheckPlan): Promise<void> {
  const record = ctx.report.consumers[key]!;
  const c = await runPlan(ctx, dir, plan, key, true);
  ctx.report.consumers[key] = { ...record, typecheck: [...(record.typecheck ?? []), c] };
  if (!c.ok) throw new Error(typecheckFailure(plan, c));
  note(`tsc ${c.typescript} -p ${c.tsconfig}: no errors (${seconds(c.ms)})${plan.emits ? "; wrote dist/" : ""}`);
}

/** Runs the type-checked ESM consumer's `dist/main.js` against Prism. */
export async function esmRun(ctx: Context, key: "esm" | "pinned", dir: string): Promise<void> {
  const record = ctx.report.consumers[key]!;
  const result = await runConsumer(dir, ["dist/main.js", ...ctx.mockUrls()], ctx.opts(`${key}-run`, dir));
  ctx.report.consumers[key] = { ...record, exitCode: result.exitCode, report: result.report };
  checkConsumerReport(key, result, 10);
}

/** The pinned consumer, in one step: reinstalls, runs every type-check, runs. */
export async function pinnedConsumer(ctx: Context, dir: string, ranges: Record<string, string>, expectCommon: string): Promise<void> {
  await installEsm(ctx, "pinned", dir, ranges, expectCommon);
  for (const plan of esmPlans(ctx)) await esmTypecheck(ctx, "pinned", dir, plan);
  await esmRun(ctx, "pinned", dir);
}

/** Writes the CommonJS consumer into `dir`. */
export function createCjsConsumer(dir: string, ranges: Record<string, string>): void {
  createConsumer(join(TEMPLATES, "cjs"), dir, { name: "rehearsal-cjs-consumer", type: "commonjs", dependencies: ranges });
}

/** Runs the installed CommonJS consumer, which must have loaded the `.cjs` builds. */
export async function cjsConsumer(ctx: Context, dir: string, ranges: Record<string, string>): Promise<void> {
  const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
  const result = await runConsumer(dir, ["index.js", ...ctx.mockUrls()], ctx.opts("cjs-run", dir));
  ctx.report.consumers.cjs = { dir, ranges, installed, exitCode: result.exitCode, report: result.report };
  checkConsumerReport("cjs", result, 10);
  for (const [pkg, file] of Object.entries(result.report.resolved ?? {})) {
    if (!file.endsWith(".cjs")) throw new Error(`cjs: require("${pkg}") loaded ${file}, not the CommonJS build`);
  }
}

/** Writes the browser consumer into `dir`. */
export function createBrowserConsumer(dir: string, commonRange: string): void {
  createConsumer(join(TEMPLATES, "browser"), dir, { name: "rehearsal-browser-consumer", type: "module", dependencies: { "@x/common": commonRange } });
}

/** Bundles the installed browser consumer (no Node built-ins), serves it and loads it in headless Chromium (`chromium`: its path). */
export async function browserConsumer(ctx: Context, dir: string, chromium: string): Promise<void> {
  const { report } = ctx;
  const built = await bundle(dir);
  if (built.nodeBuiltins.length > 0) throw new Error(`the browser bundle pulls in Node built-ins: ${built.nodeBuiltins.join(", ")}`);
  note(`bundle.js: ${(built.bytes / 1024).toFixed(1)} kB (${seconds(built.ms)})`);
  const served = await serveStatic(dir);
  ctx.staticServer = served.server;
  const [commonUrl] = ctx.mockUrls();
  const pageUrl = `${served.url}index.html?api=${encodeURIComponent(commonUrl)}`;
  const page = await loadPage(chromium, join(ctx.tmp, "chromium-profile"), pageUrl, (c) => (ctx.browserContext = c), ctx.remainingMs);
  ctx.browserContext = undefined;
  report.consumers.browser = { dir, installed: { "@x/common": installedVersion(dir, "@x/common"), "@x/runtime": installedVersion(dir, "@x/runtime") }, bundleBytes: built.bytes, pageUrl, page };
  if (page.state !== "done") throw new Error(`the page says ${page.state}: ${page.resultText}\n${[...page.console, ...page.failedRequests].join("\n")}`);
  const shown = JSON.parse(page.resultText) as { sdkUserAgent: string | null; sdkVersion: string };
  const expectedUa = `@x/common/${report.consumers.browser.installed["@x/common"]} @x/runtime/${report.consumers.browser.installed["@x/runtime"]}`;
  if (shown.sdkUserAgent !== expectedUa) throw new Error(`the page sent X-SDK-User-Agent ${JSON.stringify(shown.sdkUserAgent)}, expected ${JSON.stringify(expectedUa)}`);
  note(`page: ${page.summary}`);
  await new Promise<void>((r) => served.server.close(() => r()));
  ctx.staticServer = undefined;
}
