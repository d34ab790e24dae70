/**
 * `pnpm release:rehearse`: the release, rehearsed against a real registry.
 *
 * 1. Copies the working tree into a temp root, commits it on `main`, installs offline.
 * 2. Starts Verdaccio (our scope served locally, everything else proxied to the registry
 *    npm names) and routes `@x` there through a throwaway npm user config; starts Prism
 *    for both specs.
 * 3. Runs the real `pnpm release` in the copy, then checks what the registry got.
 * 4. Consumers outside the workspace install the published SDKs with npm: ESM TypeScript
 *    (strict, node16 and bundler resolution), CommonJS, and a browser page (esbuild,
 *    headless Chromium); every one calls the API through them against Prism.
 * 5. Makes a breaking spec change, lets `pnpm spec:diff` write the changeset, versions,
 *    shows that a release with a failing test publishes nothing, then releases the next
 *    major. A consumer pinned to the old major reinstalls and still works; one that
 *    upgrades fails to compile exactly at the changed usage.
 *
 * Verdaccio, Prism, the static server, Chromium and the temp root are removed at the end,
 * pass or fail (and on SIGINT/SIGTERM). Exit code 0 only if every step passed.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import type { BrowserContext } from "playwright-core";
import type { MockServer } from "@x/mock-server";
import { bundle, findChromium, loadPage, serveStatic } from "./browser.ts";
import {
  createConsumer, installedVersion, markerLine, npmInstall, runConsumer, typecheck,
  type ConsumerReport, type TypecheckResult,
} from "./consumers.ts";
import { run, runOk, startedPids, stillRunning, stopAll, stopChild, tail, type RunOptions } from "./proc.ts";
import { packument, startVerdaccio, writeUserConfig, type Registry } from "./registry.ts";
import type { ConsumerRun, PublishedPackage, RehearsalReport } from "./report.ts";
import {
  changesetReleases, commitAll, copyWorkingTree, initRepo, install, linkShared,
  makeIntegrationKeyOptional, pendingChangesets, workspacePackages,
} from "./scratch.ts";

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TEMPLATES = join(PACKAGE_DIR, "rehearsal", "consumers");
/** The line of the ESM consumer that reads `connection.integrationKey` as a string. */
export const BREAKING_MARKER = "rehearsal: breaks when integrationKey becomes optional";
const FAILING_TEST = "rehearsal-failing.test.ts";

interface Options {
  report?: string;
  logs?: string;
  keep: boolean;
  verbose: boolean;
  skipFailingRelease: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { keep: false, verbose: false, skipFailingRelease: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--report") options.report = resolve(argv[++i] ?? "");
    else if (arg === "--logs") options.logs = resolve(argv[++i] ?? "");
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--skip-failing-release") options.skipFailingRelease = true;
    else if (arg === "--help" || arg === "-h") {
      console.log([
        "usage: pnpm release:rehearse [--report <file.json>] [--logs <dir>] [--verbose] [--keep]",
        "  --report <file>   write what every step saw as JSON",
        "  --logs <dir>      keep the commands' logs there (default: inside the temp root, removed)",
        "  --verbose         echo every command's output",
        "  --keep            leave the temp root in place (Verdaccio and Prism are still stopped)",
        "  --skip-failing-release   skip showing that a release with a failing test publishes nothing",
      ].join("\n"));
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  return options;
}

function repoRoot(): string {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: PACKAGE_DIR, encoding: "utf8" }).trim();
  } catch {
    return resolve(PACKAGE_DIR, "../..");
  }
}

/** The environment children start from: ours, minus what `pnpm run`/vitest put in it and the checkout's bins. */
function cleanEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|VITEST|__VITEST|TEST$|INIT_CWD$|NODE_ENV$|TURBO_HASH$|TURBO_INVOCATION_DIR$)/i.test(key)) continue;
    env[key] = value;
  }
  // `pnpm run`/`exec` put the checkout's node_modules/.bin dirs first; the copy has its own.
  const checkoutBins = new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/((packages|examples)/[^/]+/)?node_modules/`);
  env.PATH = (process.env.PATH ?? "").split(delimiter).filter((p) => !checkoutBins.test(p)).join(delimiter);
  return env;
}

function npmConfigGet(key: string, cwd: string): string | undefined {
  const value = execFileSync("npm", ["config", "get", key], { cwd, encoding: "utf8" }).trim();
  return value === "" || value === "undefined" || value === "null" ? undefined : value;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  const started = Date.now();
  const root = repoRoot();
  const tmp = mkdtempSync(join(tmpdir(), "x-rehearsal-"));
  const logs = options.logs ?? join(tmp, "logs");
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const repo = join(tmp, "repo");
  const consumersDir = join(tmp, "consumers");
  const userconfig = join(tmp, "npmrc");

  const report: RehearsalReport = {
    ok: false, ms: 0, tmpRoot: tmp, logs, pids: startedPids, versions: {}, published: {}, consumers: {}, steps: [],
  };

  // Everything started that cleanup must stop.
  let registry: Registry | undefined;
  const mocks: MockServer[] = [];
  let staticServer: Server | undefined;
  let browserContext: BrowserContext | undefined;

  let cleaned: Promise<void> | undefined;
  const cleanup = () => (cleaned ??= (async () => {
    const quietly = async (what: string, fn: () => Promise<unknown> | unknown) => {
      try {
        await fn();
      } catch (error) {
        console.error(`rehearsal: cleanup of ${what}: ${(error as Error).message}`);
      }
    };
    await quietly("Chromium", () => browserContext?.close());
    await quietly("the static server", () => new Promise<void>((r) => (staticServer ? staticServer.close(() => r()) : r())));
    await quietly("Prism", () => Promise.all(mocks.map((m) => m.close())));
    await quietly("Verdaccio", () => registry && stopChild(registry.child));
    await quietly("running commands", stopAll);
    if (!options.keep) await quietly("the temp root", () => rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
    report.cleanup = { tmpRootRemoved: !existsSync(tmp), stillRunning: stillRunning() };
  })());

  const writeReport = () => {
    report.ms = Date.now() - started;
    if (!options.report) return;
    mkdirSync(dirname(options.report), { recursive: true });
    writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nrehearsal: ${signal}: stopping Verdaccio, Prism, Chromium and removing ${tmp}`);
    report.steps.push({ name: `interrupted by ${signal}`, ok: false, ms: 0 });
    void cleanup().finally(() => {
      writeReport();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const baseEnv = cleanEnv(root);
  /** The registry npm uses for everything but `@x` (read in the first step). */
  let uplink = "";
  const turboCache = process.env.TURBO_CACHE_DIR ? resolve(root, process.env.TURBO_CACHE_DIR) : join(root, ".turbo", "cache");
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    NPM_CONFIG_USERCONFIG: userconfig,
    npm_config_cache: join(tmp, "npm-cache"),
    TURBO_CACHE_DIR: turboCache,
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
  };
  const opts = (log: string, cwd = repo, timeoutMs?: number): RunOptions => ({
    cwd, env, log: join(logs, `${log}.log`), echo: options.verbose, ...(timeoutMs ? { timeoutMs } : {}),
  });

  let stepNumber = 0;
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
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
  };
  const note = (line: string) => console.log(`    ${line}`);

  const mockUrls = (): [string, string] => {
    if (mocks.length !== 2) throw new Error("Prism is not running");
    return [mocks[0]!.url, mocks[1]!.url];
  };
  const publicPackages = () => workspacePackages(repo).filter((p) => !p.private);
  const versionsOf = () => Object.fromEntries(publicPackages().map((p) => [p.name, p.version]));

  /** What the registry has of every public package, checked against the workspace's manifests. */
  const checkRegistry = async (expectPublished: boolean): Promise<Record<string, PublishedPackage>> => {
    const out: Record<string, PublishedPackage> = {};
    const packages = workspacePackages(repo);
    const versions = Object.fromEntries(packages.map((p) => [p.name, p.version]));
    for (const pkg of packages.filter((p) => !p.private)) {
      const doc = await packument(registry!.url, pkg.name);
      const published: PublishedPackage = {
        versions: doc ? Object.keys(doc.versions) : [],
        latest: doc?.["dist-tags"].latest,
        dependencies: Object.fromEntries(Object.entries(doc?.versions ?? {}).map(([v, m]) => [v, { ...m.peerDependencies, ...m.dependencies }])),
      };
      out[pkg.name] = published;
      if (!expectPublished) continue;
      if (!published.versions.includes(pkg.version)) throw new Error(`${pkg.name}@${pkg.version} is not on the registry (it has ${published.versions.join(", ") || "nothing"})`);
      if (published.latest !== pkg.version) throw new Error(`${pkg.name}: latest is ${published.latest}, expected ${pkg.version}`);
      const manifest = doc!.versions[pkg.version]!;
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"] as const) {
        const local = (pkg.manifest[field] ?? {}) as Record<string, string>;
        const remote = ((manifest as Record<string, unknown>)[field] ?? {}) as Record<string, string>;
        for (const [dep, range] of Object.entries(remote)) {
          if (range.startsWith("workspace:")) throw new Error(`${pkg.name}@${pkg.version} was published with ${field}.${dep} = "${range}"`);
        }
        if (field === "devDependencies") continue;
        for (const [dep, spec] of Object.entries(local)) {
          if (!spec.startsWith("workspace:")) continue;
          const target = versions[dep];
          const rest = spec.slice("workspace:".length);
          const expected = rest === "^" || rest === "~" ? `${rest}${target}` : rest === "*" ? target : rest;
          if (remote[dep] !== expected) throw new Error(`${pkg.name}@${pkg.version}: ${field}.${dep} is "${remote[dep]}" on the registry, expected "${expected}" (from "${spec}")`);
          note(`${pkg.name}@${pkg.version} → ${dep} ${remote[dep]} (was ${spec})`);
        }
      }
    }
    return out;
  };

  const checkConsumerReport = (name: string, result: { exitCode: number | null; report: ConsumerReport }, expectOps: number) => {
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
  };

  /** Type-checks the ESM consumer with both tsconfigs; returns the results (no throw). */
  const typecheckBoth = (dir: string, log: string): Promise<TypecheckResult[]> =>
    Promise.all(["tsconfig.node16.json", "tsconfig.bundler.json"].map((c) => typecheck(dir, c, PACKAGE_DIR, opts(`${log}-${c.split(".")[1]}`, dir))));

  /** Installs, type-checks (both tsconfigs) and runs the ESM consumer; what it saw goes in report.consumers[key] as it goes. */
  const esmConsumer = async (key: "esm" | "pinned", dir: string, ranges: Record<string, string>, fresh: boolean, expectCommon: string): Promise<void> => {
    const log = key;
    if (fresh) {
      const rootManifest = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
      createConsumer(join(TEMPLATES, "esm"), dir, {
        name: "rehearsal-esm-consumer",
        type: "module",
        dependencies: ranges,
        devDependencies: { "@types/node": rootManifest.devDependencies?.["@types/node"] ?? "^20" },
      });
    }
    await npmInstall(dir, opts(`${log}-install`, dir));
    const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
    note(`installed ${Object.entries(installed).map(([k, v]) => `${k}@${v}`).join(", ")}`);
    const record: ConsumerRun = { dir, ranges, installed };
    report.consumers[key] = record;
    if (installed["@x/common"] !== expectCommon) throw new Error(`npm installed @x/common ${installed["@x/common"]} for ${ranges["@x/common"]}, expected ${expectCommon}`);
    const checks = await typecheckBoth(dir, log);
    report.consumers[key] = { ...record, typecheck: checks };
    for (const c of checks) {
      if (!c.ok) throw new Error(`${c.tsconfig}: ${c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`).join("\n")}`);
      note(`tsc -p ${c.tsconfig}: no errors (${seconds(c.ms)})`);
    }
    const result = await runConsumer(dir, ["dist/main.js", ...mockUrls()], opts(`${log}-run`, dir));
    report.consumers[key] = { ...record, typecheck: checks, exitCode: result.exitCode, report: result.report };
    checkConsumerReport(log, result, 10);
  };

  let exitCode = 1;
  try {
    const chromium = await step("Check the tools", async () => {
      const path = findChromium();
      if (!path) throw new Error("Chromium not found (install Debian's `chromium` package, or set CHROMIUM_PATH)");
      // Read with the developer's own configuration, before ours replaces the user config.
      uplink = npmConfigGet("registry", root) ?? "https://registry.npmjs.org/";
      report.uplink = uplink;
      note(`checkout ${root}; temp root ${tmp}`);
      note(`chromium ${path}; npm registry (uplink) ${uplink}; turbo cache ${turboCache}`);
      return path;
    });

    await step("Copy the working tree into a scratch repository", async () => {
      const files = copyWorkingTree(root, repo);
      linkShared(root, tmp);
      await initRepo(repo, opts("git"));
      const how = await install(opts("install"));
      report.copy = { files: files, install: how };
      note(`${files} files, committed on main; pnpm install ${how}`);
    });

    await step("Start Verdaccio and Prism", async () => {
      registry = await startVerdaccio(join(tmp, "verdaccio"), uplink, PACKAGE_DIR, env);
      report.registry = registry.url;
      report.verdaccioPid = registry.pid;
      writeUserConfig(userconfig, registry, uplink);
      const { startMockServer } = await import("@x/mock-server");
      for (const spec of ["common", "sync-commerce"]) {
        mocks.push(await startMockServer(join(repo, "openapi", `${spec}.yaml`), { cors: true }));
      }
      report.prism = mockUrls();
      note(`Verdaccio ${registry.url} (pid ${registry.pid}); @x routed there by ${userconfig}`);
      note(`Prism ${mockUrls().join(", ")} (CORS on)`);
    });

    const pending = pendingChangesets(repo);
    if (pending.length > 0) {
      await step(`Version the pending changesets (${pending.join(", ")})`, async () => {
        await runOk("pnpm", ["version-packages"], opts("version-pending"));
        await commitAll("Version packages", opts("git"));
      });
    }

    report.versions.first = versionsOf();
    await step("pnpm release (first version line)", async () => {
      note(Object.entries(report.versions.first!).map(([k, v]) => `${k}@${v}`).join(", "));
      await runOk("pnpm", ["release"], opts("release-1", repo, 240_000));
      report.published.first = await checkRegistry(true);
      const privates = workspacePackages(repo).filter((p) => p.private);
      report.privatePackages = {};
      for (const p of privates) report.privatePackages[p.name] = (await packument(registry!.url, p.name)) !== undefined;
      const leaked = Object.entries(report.privatePackages).filter(([, known]) => known).map(([n]) => n);
      if (leaked.length > 0) throw new Error(`private packages were published: ${leaked.join(", ")}`);
      note(`private packages not on the registry: ${privates.map((p) => p.name).join(", ")}`);
    });

    const first = report.versions.first;
    const major = (name: string) => semver.major(first[name]!);
    const pinnedRanges = { "@x/common": `^${major("@x/common")}`, "@x/sync-commerce": `^${major("@x/sync-commerce")}` };
    const esmDir = join(consumersDir, "esm");

    await step("ESM TypeScript consumer (npm install, tsc node16 + bundler, node)", () => esmConsumer("esm", esmDir, pinnedRanges, true, first["@x/common"]!));

    await step("CommonJS consumer (npm install, require, node)", async () => {
      const dir = join(consumersDir, "cjs");
      createConsumer(join(TEMPLATES, "cjs"), dir, { name: "rehearsal-cjs-consumer", type: "commonjs", dependencies: pinnedRanges });
      await npmInstall(dir, opts("cjs-install", dir));
      const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
      const result = await runConsumer(dir, ["index.js", ...mockUrls()], opts("cjs-run", dir));
      report.consumers.cjs = { dir, ranges: pinnedRanges, installed, exitCode: result.exitCode, report: result.report };
      checkConsumerReport("cjs", result, 10);
      for (const [pkg, file] of Object.entries(result.report.resolved ?? {})) {
        if (!file.endsWith(".cjs")) throw new Error(`cjs: require("${pkg}") loaded ${file}, not the CommonJS build`);
      }
    });

    await step("Browser consumer (esbuild for the browser, headless Chromium, CORS)", async () => {
      const dir = join(consumersDir, "browser");
      createConsumer(join(TEMPLATES, "browser"), dir, { name: "rehearsal-browser-consumer", type: "module", dependencies: { "@x/common": pinnedRanges["@x/common"] } });
      await npmInstall(dir, opts("browser-install", dir));
      const built = await bundle(dir);
      if (built.nodeBuiltins.length > 0) throw new Error(`the browser bundle pulls in Node built-ins: ${built.nodeBuiltins.join(", ")}`);
      note(`bundle.js: ${(built.bytes / 1024).toFixed(1)} kB (${seconds(built.ms)})`);
      const served = await serveStatic(dir);
      staticServer = served.server;
      const [commonUrl] = mockUrls();
      const pageUrl = `${served.url}index.html?api=${encodeURIComponent(commonUrl)}`;
      const page = await loadPage(chromium, join(tmp, "chromium-profile"), pageUrl, (c) => (browserContext = c));
      browserContext = undefined;
      report.consumers.browser = { dir, installed: { "@x/common": installedVersion(dir, "@x/common"), "@x/runtime": installedVersion(dir, "@x/runtime") }, bundleBytes: built.bytes, pageUrl, page };
      if (page.state !== "done") throw new Error(`the page says ${page.state}: ${page.resultText}\n${[...page.console, ...page.failedRequests].join("\n")}`);
      const shown = JSON.parse(page.resultText) as { sdkUserAgent: string | null; sdkVersion: string };
      const expectedUa = `@x/common/${report.consumers.browser.installed["@x/common"]} @x/runtime/${report.consumers.browser.installed["@x/runtime"]}`;
      if (shown.sdkUserAgent !== expectedUa) throw new Error(`the page sent X-SDK-User-Agent ${JSON.stringify(shown.sdkUserAgent)}, expected ${JSON.stringify(expectedUa)}`);
      note(`page: ${page.summary}`);
      await new Promise<void>((r) => served.server.close(() => r()));
      staticServer = undefined;
    });

    const expectedCommon = semver.inc(first["@x/common"]!, "major")!;
    await step("Breaking spec change: integrationKey optional; pnpm spec:diff writes the changeset", async () => {
      const specLine = makeIntegrationKeyOptional(join(repo, "openapi", "common.yaml"));
      note(`openapi/common.yaml: removed line ${specLine} (- integrationKey) from Connection.required`);
      const before = new Set(pendingChangesets(repo));
      const diff = await runOk("pnpm", ["spec:diff"], opts("spec-diff"));
      note(tail(diff, 6).replace(/\n/g, "\n    "));
      const files = pendingChangesets(repo).filter((f) => !before.has(f));
      const text = files.map((f) => readFileSync(join(repo, ".changeset", f), "utf8")).join("\n");
      const releases = files.reduce<Record<string, string>>((all, f) => ({ ...all, ...changesetReleases(readFileSync(join(repo, ".changeset", f), "utf8")) }), {});
      report.breaking = { specLine, specDiffOutput: tail(diff, 12), changesetFiles: files, changesetText: text, releases };
      if (releases["@x/common"] !== "major") throw new Error(`the changeset does not release @x/common as major: ${JSON.stringify(releases)}\n${text}`);
      note(`${files.join(", ")}: ${Object.entries(releases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    });

    await step("pnpm release refuses while a changeset is pending, publishing nothing", async () => {
      const result = await run("pnpm", ["release"], opts("release-pending", repo, 60_000));
      const said = `${result.stdout}\n${result.stderr}`;
      const refused = result.code !== 0 && /pending changesets/.test(said) && /nothing was published/.test(said);
      report.pendingRelease = { exitCode: result.code, refused, output: tail(result, 12) };
      if (!refused) throw new Error(`\`pnpm release\` with a pending changeset did not refuse:\n${tail(result, 10)}`);
      const published = await checkRegistry(false);
      for (const [name, pub] of Object.entries(published)) {
        const before = report.published.first![name]!.versions;
        if (pub.versions.join() !== before.join()) throw new Error(`${name}: the registry went from ${before.join(", ")} to ${pub.versions.join(", ")}`);
      }
      note(`pnpm release exited ${result.code}: ${tail(result, 2).replace(/\n/g, " ")}`);
    });

    await step("pnpm version-packages, commit", async () => {
      await runOk("pnpm", ["version-packages"], opts("version-packages"));
      const after = versionsOf();
      if (after["@x/common"] !== expectedCommon) throw new Error(`@x/common is ${after["@x/common"]} after versioning, expected ${expectedCommon}`);
      await commitAll(`Version packages: @x/common ${expectedCommon}`, opts("git"));
      report.versions.second = after;
      note(Object.entries(after).map(([k, v]) => `${k}@${v}`).join(", "));
    });

    if (!options.skipFailingRelease) {
      await step("A release whose tests fail publishes nothing", async () => {
        const pkg = workspacePackages(repo).find((p) => p.name === "@x/demo") ?? workspacePackages(repo).find((p) => (p.manifest.scripts as Record<string, string> | undefined)?.test);
        if (!pkg) throw new Error("no workspace package with tests to add a failing test to");
        const testFile = join(pkg.dir, "test", FAILING_TEST);
        mkdirSync(dirname(testFile), { recursive: true });
        const title = "the release rehearsal's deliberately failing test";
        writeFileSync(testFile, `import { expect, test } from "vitest";\n\ntest(${JSON.stringify(title)}, () => {\n  expect("a release with a failing test").toBe("published");\n});\n`);
        await commitAll("Rehearsal: a failing test", opts("git"));
        const result = await run("pnpm", ["release"], opts("release-failing", repo, 240_000));
        // vitest's "FAIL <file> > <test>" lines, without colours.
        const failures = [...new Set(`${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, "").split("\n")
          .map((l) => /\bFAIL\s+(\S.*)$/.exec(l)?.[1]?.trim()).filter((l): l is string => !!l))];
        const failedAtOurTest = failures.some((f) => f.includes(title));
        const others = failures.filter((f) => !f.includes(title));
        report.failingRelease = { testFile: relative(repo, testFile), exitCode: result.code, failedAtOurTest, otherFailures: others, output: tail(result, 15) };
        if (result.code === 0) throw new Error("`pnpm release` exited 0 with a failing test");
        if (!failedAtOurTest) throw new Error(`\`pnpm release\` failed, but not at the failing test (log: ${join(logs, "release-failing.log")}):\n${tail(result)}`);
        const published = await checkRegistry(false);
        report.published.afterFailedRelease = published;
        for (const [name, pub] of Object.entries(published)) {
          const before = report.published.first![name]!.versions;
          if (pub.versions.join() !== before.join()) throw new Error(`${name}: the registry went from ${before.join(", ")} to ${pub.versions.join(", ")}`);
        }
        note(`pnpm release exited ${result.code}; the registry still has ${Object.entries(published).map(([n, p]) => `${n} ${p.versions.join("/")}`).join(", ")}`);
        // The next release would fail on these too: say so now, by name.
        if (others.length > 0) throw new Error(`besides the deliberate one, these tests fail once the spec has the breaking change (log: ${join(logs, "release-failing.log")}):\n${others.join("\n")}`);
        rmSync(testFile);
        await commitAll("Rehearsal: remove the failing test", opts("git"));
      });
    }

    await step(`pnpm release (@x/common ${expectedCommon})`, async () => {
      await runOk("pnpm", ["release"], opts("release-2", repo, 240_000));
      report.published.second = await checkRegistry(true);
      for (const [name, pub] of Object.entries(report.published.second)) note(`${name}: ${pub.versions.join(", ")} (latest ${pub.latest})`);
    });

    await step(`Consumer pinned to ${pinnedRanges["@x/common"]} reinstalls and keeps working`, async () => {
      await esmConsumer("pinned", esmDir, pinnedRanges, false, first["@x/common"]!);
    });

    await step(`Consumer upgraded to ^${semver.major(expectedCommon)} fails to compile at the changed usage`, async () => {
      const dir = join(consumersDir, "esm-upgraded");
      cpSync(esmDir, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) && !src.endsWith("package-lock.json") });
      const manifestPath = join(dir, "package.json");
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { dependencies: Record<string, string> };
      const ranges = { ...manifest.dependencies, "@x/common": `^${semver.major(expectedCommon)}` };
      writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, dependencies: ranges }, null, 2)}\n`);
      await npmInstall(dir, opts("upgraded-install", dir));
      const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
      const expected = { file: "src/main.ts", line: markerLine(join(dir, "src", "main.ts"), BREAKING_MARKER), code: "TS18048" };
      const checks = await typecheckBoth(dir, "upgraded");
      report.consumers.upgraded = { dir, ranges, installed, typecheck: checks, expected };
      if (installed["@x/common"] !== expectedCommon) throw new Error(`the upgraded consumer got @x/common ${installed["@x/common"]}, expected ${expectedCommon}`);
      for (const c of checks) {
        const found = c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`);
        note(`tsc -p ${c.tsconfig}: ${found.join("; ") || "no errors"}`);
        const d = c.diagnostics[0];
        if (c.diagnostics.length !== 1 || !d || d.file !== expected.file || d.line !== expected.line || d.code !== expected.code) {
          throw new Error(`${c.tsconfig}: expected exactly one error, ${expected.code} at ${expected.file}:${expected.line}; got ${found.length}: ${found.join("; ")}`);
        }
      }
    });

    report.ok = true;
    exitCode = 0;
  } catch {
    exitCode = 1;
  } finally {
    await step("Stop Verdaccio, Prism and Chromium; remove the temp root", async () => {
      await cleanup();
      if (report.cleanup!.stillRunning.length > 0) throw new Error(`still running: ${report.cleanup!.stillRunning.join(", ")}`);
      if (!options.keep && !report.cleanup!.tmpRootRemoved) throw new Error(`${tmp} is still there`);
      note(options.keep ? `kept ${tmp}` : `removed ${tmp}`);
    }).catch(() => {
      exitCode = 1;
      report.ok = false;
    });
    writeReport();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
  console.log(`\nrelease rehearsal ${exitCode === 0 ? "passed" : "FAILED"} in ${seconds(report.ms)}${options.logs ? ` (logs: ${logs})` : ""}`);
  return exitCode;
}
