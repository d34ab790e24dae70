/**
 * The consumers' steps and what they check: each installs the published SDKs with npm from
 * the rehearsal registry and calls the API through them against Prism. The ESM TypeScript
 * one is type-checked with both tsconfigs (node16, bundler) first; the CommonJS one must
 * load the `.cjs` builds; the browser one is bundled with esbuild and run in Chromium.
 * Every one must see the installed versions in SDK_VERSION and the User-Agent.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundle, loadPage, serveStatic } from "./browser.ts";
import {
  createConsumer, installedVersion, npmInstall, runConsumer, typecheck,
  type ConsumerReport, type TypecheckResult,
} from "./consumers.ts";
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

/** Type-checks the ESM consumer with both tsconfigs; returns the results (no throw). */
export function typecheckBoth(ctx: Context, dir: string, log: string): Promise<TypecheckResult[]> {
  return Promise.all(["tsconfig.node16.json", "tsconfig.bundler.json"].map((c) => typecheck(dir, c, PACKAGE_DIR, ctx.opts(`${log}-${c.split(".")[1]}`, dir))));
}

/** Installs, type-checks (both tsconfigs) and runs the ESM consumer; what it saw goes in report.consumers[key] as it goes. */
export async function esmConsumer(ctx: Context, key: "esm" | "pinned", dir: string, ranges: Record<string, string>, fresh: boolean, expectCommon: string): Promise<void> {
  const { report } = ctx;
  const log = key;
  if (fresh) {
    const rootManifest = JSON.parse(readFileSync(join(ctx.repo, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
    createConsumer(join(TEMPLATES, "esm"), dir, {
      name: "rehearsal-esm-consumer",
      type: "module",
      dependencies: ranges,
      devDependencies: { "@types/node": rootManifest.devDependencies?.["@types/node"] ?? "^20" },
    });
  }
  await npmInstall(dir, ctx.opts(`${log}-install`, dir));
  const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
  note(`installed ${Object.entries(installed).map(([k, v]) => `${k}@${v}`).join(", ")}`);
  const record: ConsumerRun = { dir, ranges, installed };
  report.consumers[key] = record;
  if (installed["@x/common"] !== expectCommon) throw new Error(`npm installed @x/common ${installed["@x/common"]} for ${ranges["@x/common"]}, expected ${expectCommon}`);
  const checks = await typecheckBoth(ctx, dir, log);
  report.consumers[key] = { ...record, typecheck: checks };
  for (const c of checks) {
    if (!c.ok) throw new Error(`${c.tsconfig}: ${c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`).join("\n")}`);
    note(`tsc -p ${c.tsconfig}: no errors (${seconds(c.ms)})`);
  }
  const result = await runConsumer(dir, ["dist/main.js", ...ctx.mockUrls()], ctx.opts(`${log}-run`, dir));
  report.consumers[key] = { ...record, typecheck: checks, exitCode: result.exitCode, report: result.report };
  checkConsumerReport(log, result, 10);
}

/** Installs and runs the CommonJS consumer, which must have loaded the `.cjs` builds. */
export async function cjsConsumer(ctx: Context, ranges: Record<string, string>): Promise<void> {
  const dir = join(ctx.consumersDir, "cjs");
  createConsumer(join(TEMPLATES, "cjs"), dir, { name: "rehearsal-cjs-consumer", type: "commonjs", dependencies: ranges });
  await npmInstall(dir, ctx.opts("cjs-install", dir));
  const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
  const result = await runConsumer(dir, ["index.js", ...ctx.mockUrls()], ctx.opts("cjs-run", dir));
  ctx.report.consumers.cjs = { dir, ranges, installed, exitCode: result.exitCode, report: result.report };
  checkConsumerReport("cjs", result, 10);
  for (const [pkg, file] of Object.entries(result.report.resolved ?? {})) {
    if (!file.endsWith(".cjs")) throw new Error(`cjs: require("${pkg}") loaded ${file}, not the CommonJS build`);
  }
}

/** Bundles the browser consumer (no Node built-ins), serves it and loads it in headless Chromium (`chromium`: its path). */
export async function browserConsumer(ctx: Context, chromium: string, commonRange: string): Promise<void> {
  const { report } = ctx;
  const dir = join(ctx.consumersDir, "browser");
  createConsumer(join(TEMPLATES, "browser"), dir, { name: "rehearsal-browser-consumer", type: "module", dependencies: { "@x/common": commonRange } });
  await npmInstall(dir, ctx.opts("browser-install", dir));
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
