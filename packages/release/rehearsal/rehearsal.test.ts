/**
 * Runs the release rehearsal (`bin/rehearse.js`, as `pnpm release:rehearse` does) once,
 * within its one limit for the whole run (`--limit`; a few minutes on a quiet machine), then
 * checks what it reported step by step, and that nothing it started outlives it: no
 * Verdaccio, no Prism, no Chromium, no temp root.
 *
 * It expects a `pnpm test` of the same checkout before it, as .ci/run runs it: the releases
 * then run only what the versions did not leave as tested.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMIT_MINUTES } from "../src/rehearse/options.ts";
import type { PublishedPackage, RehearsalReport } from "../src/rehearse/report.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const reportFile = join(packageDir, "reports", "rehearsal-report.json");
const logs = join(packageDir, "reports", "rehearsal-logs");
const PUBLIC = ["@x/common", "@x/runtime", "@x/sync-commerce"];
/** The rehearsal's one limit for the whole run; it stops itself then, failing. */
const LIMIT_MINUTES = DEFAULT_LIMIT_MINUTES;
/** Outlasts the rehearsal's own limit and its cleanup: the rehearsal, not this, decides when it took too long. */
const HOOK_MS = LIMIT_MINUTES * 60_000 + 120_000;

let exitCode: number | null = null;
let elapsed = 0;
let report: RehearsalReport;

/**
 * Processes whose command line or working directory mentions `path`: anything the
 * rehearsal left running in or on its temp root (Chromium's profile, a test worker, Verdaccio's
 * storage). Linux only; elsewhere none are found.
 */
function processesUsing(path: string): string[] {
  if (!existsSync("/proc")) return [];
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      let cwd = "";
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // not ours to read
      }
      if (cmdline.includes(path) || cwd.startsWith(path)) found.push(`${pid}: ${cmdline.slice(0, 200)}`);
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** Whether `pid` is still Verdaccio (it titles itself `verdaccio`); PIDs get reused, so the name counts too. */
function verdaccioAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync("/proc")) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("verdaccio");
  } catch {
    return false;
  }
}

const major = (version: string) => Number(version.split(".")[0]);

beforeAll(async () => {
  rmSync(reportFile, { force: true });
  const started = Date.now();
  exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [join(packageDir, "bin", "rehearse.js"), "--report", reportFile, "--logs", logs, "--limit", String(LIMIT_MINUTES)], {
      cwd: packageDir,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
  elapsed = Date.now() - started;
  report = JSON.parse(readFileSync(reportFile, "utf8")) as RehearsalReport;
}, HOOK_MS);

describe("pnpm release:rehearse", () => {
  it("passes every step within its one limit, and reports each step's time", () => {
    expect(report.steps.filter((s) => !s.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(exitCode).toBe(0);
    expect(report.limitMinutes).toBe(LIMIT_MINUTES);
    expect(elapsed).toBeLessThan(LIMIT_MINUTES * 60_000 + 60_000);
    expect(report.steps.length).toBeGreaterThanOrEqual(15);
    for (const step of report.steps) expect(step.ms, step.name).toBeGreaterThan(0);
    expect(report.steps.reduce((sum, s) => sum + s.ms, 0)).toBeLessThanOrEqual(elapsed);
  });

  it("releases run only what the versions did not leave as a passing `pnpm test` left it", () => {
    // pnpm test ran on this checkout first (.ci/run): its summaries came along.
    expect(report.copy!.summaries).toBeGreaterThan(0);
    // The failing release: the failing test's package, and a task elsewhere only when it hashes
    // the failing test (the repository-wide checks read every file); every other task passed
    // before, versions aside.
    const failing = report.releaseTests.failing!.ran;
    const testFile = report.failingRelease!.testFile;
    expect(failing.filter((r) => r.taskId.startsWith("@x/demo#")).map((r) => r.taskId).sort()).toEqual(["@x/demo#test", "@x/demo#typecheck"]);
    for (const other of failing.filter((r) => !r.taskId.startsWith("@x/demo#"))) expect(other.why, other.taskId).toContain(testFile);
    expect(report.releaseTests.failing!.passedBefore).toEqual(expect.arrayContaining(["@x/runtime#test", "@x/common#test", "@x/codegen#test", "@x/release#test"]));
    // The first release, once the failing test is gone: nothing.
    expect(report.releaseTests.first!.ran).toEqual([]);
    // The breaking change's release runs what the spec change touches, and not the runtime's tests.
    const second = report.releaseTests.second!.ran.map((r) => r.taskId);
    expect(second).toEqual(expect.arrayContaining(["@x/common#test"]));
    expect(second).not.toContain("@x/runtime#test");
  });

  it("publishes the public packages with real version ranges, and no private package", () => {
    const first = report.versions.first!;
    expect(Object.keys(first).sort()).toEqual(PUBLIC);
    for (const name of PUBLIC) {
      const published = report.published.first![name]!;
      expect(published.versions).toEqual([first[name]]);
      expect(published.latest).toBe(first[name]);
    }
    for (const name of ["@x/common", "@x/sync-commerce"]) {
      expect(report.published.first![name]!.dependencies[first[name]!]).toMatchObject({ "@x/runtime": `^${first["@x/runtime"]}` });
    }
    const all = Object.values(report.published.first!).flatMap((p: PublishedPackage) => Object.values(p.dependencies).flatMap((d) => Object.values(d)));
    expect(all.filter((range) => range.startsWith("workspace:"))).toEqual([]);
    expect(Object.keys(report.privatePackages!)).toEqual(expect.arrayContaining(["@x/codegen", "@x/mock-server", "@x/release", "@x/demo"]));
    expect(Object.entries(report.privatePackages!).filter(([, published]) => published)).toEqual([]);
  });

  it("an ESM TypeScript consumer type-checks (TypeScript 5.0, 5.9 and 7.0, each under node16 and bundler, strict) and calls every operation of both SDKs", () => {
    const esm = report.consumers.esm!;
    expect(esm.installed["@x/common"]).toBe(report.versions.first!["@x/common"]);
    expect(esm.typecheck!.map((t) => [t.typescript, t.tsconfig, t.ok, t.diagnostics.length])).toEqual([
      ["5.0.4", "tsconfig.node16.json", true, 0],
      ["5.0.4", "tsconfig.bundler.json", true, 0],
      ["5.9.3", "tsconfig.node16.json", true, 0],
      ["5.9.3", "tsconfig.bundler.json", true, 0],
      ["7.0.2", "tsconfig.node16.json", true, 0],
      ["7.0.2", "tsconfig.bundler.json", true, 0],
    ]);
    // Each check is a step of its own, named by its compiler and resolution.
    for (const t of esm.typecheck!) {
      const resolution = t.tsconfig.split(".")[1];
      expect(report.steps.filter((s) => s.ok && s.name.includes(`typescript@${t.typescript}, moduleResolution ${resolution}`)), `${t.typescript} ${resolution}`).toHaveLength(1);
    }
    expect(Object.keys(esm.report!.results)).toHaveLength(10);
    expect(Object.entries(esm.report!.results).filter(([, r]) => !r.startsWith("ok:"))).toEqual([]);
    const node = process.versions.node.split(".").slice(0, 2).join(".");
    expect(esm.report!.userAgents["@x/common"]).toBe(`@x/common/${esm.installed["@x/common"]} @x/runtime/${esm.installed["@x/runtime"]} node/${node}`);
  });

  it("the product-team project, installed from the registry, compiles with TypeScript 7 and its vitest suite passes", () => {
    const team = report.consumers.productTeam!;
    expect(team.fromRegistry).toBe(true);
    expect(team.installed["@x/common"]).toBe(report.versions.first!["@x/common"]);
    expect(team.installed).toMatchObject({ typescript: "7.0.2", msw: expect.stringMatching(/^2\.15\./), "@opentelemetry/api": expect.stringMatching(/^1\./), "@opentelemetry/sdk-trace-base": expect.stringMatching(/^2\./) });
    expect(team.typecheck).toMatchObject({ typescript: "7.0.2", ok: true, diagnostics: [] });
    expect(team.exitCode).toBe(0);
    expect(team.tests!.filter((t) => t.status !== "passed")).toEqual([]);
    // Every test file of the template ran and passed something.
    // The app on MSW, the test kit, strict validation and tracing: each a file of the team's suite.
    expect(team.testFiles).toEqual(["test/app.test.ts", "test/kit.test.ts", "test/tracing.test.ts", "test/validation.test.ts"]);
    for (const file of team.testFiles!) expect(team.tests!.filter((t) => t.file === file).length, file).toBeGreaterThan(0);
  });

  it("a CommonJS consumer require()s both SDKs (their CommonJS builds) and calls every operation", () => {
    const cjs = report.consumers.cjs!;
    expect(Object.keys(cjs.report!.results)).toHaveLength(10);
    expect(Object.entries(cjs.report!.results).filter(([, r]) => !r.startsWith("ok:"))).toEqual([]);
    for (const file of Object.values(cjs.report!.resolved!)) expect(file).toMatch(/\.cjs$/);
  });

  it("a page bundling @x/common from the registry lists and gets connections in headless Chromium", () => {
    const browser = report.consumers.browser!;
    expect(browser.page.state).toBe("done");
    const shown = JSON.parse(browser.page.resultText) as { list: { count: number; totalResults: number }; get: { id: string; platformName: string; status: string }; sdkUserAgent: string };
    expect(shown.list.count).toBeGreaterThan(0);
    expect(shown.list.totalResults).toBeGreaterThanOrEqual(shown.list.count);
    // Prism answers with the spec's example connection, whatever the ID asked for.
    expect(shown.get.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(shown.get.platformName).not.toBe("");
    expect(shown.sdkUserAgent).toBe(`@x/common/${browser.installed["@x/common"]} @x/runtime/${browser.installed["@x/runtime"]}`);
    expect(browser.page.summary).toMatch(/^connections\.list: \d+ of \d+ connections; connections\.get: /);
  });

  it("pnpm spec:diff writes a major changeset for the breaking change, and versioning makes the next major", () => {
    expect(report.breaking!.changesetFiles).toEqual(["spec-common.md"]);
    expect(report.breaking!.specDiffOutput).toMatch(/integrationKey/);
    expect(report.breaking!.releases["@x/common"]).toBe("major");
    expect(report.versions.second!["@x/common"]).toBe(`${major(report.versions.first!["@x/common"]!) + 1}.0.0`);
    expect(report.versions.second!["@x/runtime"]).toBe(report.versions.first!["@x/runtime"]);
  });

  it("a release with a changeset not yet versioned refuses before building, and publishes nothing", () => {
    expect(report.pendingRelease).toMatchObject({ refused: true });
    expect(report.pendingRelease!.exitCode).not.toBe(0);
    expect(report.pendingRelease!.output).toMatch(/pending changesets \(spec-common\.md\)/);
  });

  it("a release whose tests fail, with versions ready to publish, exits non-zero and publishes nothing", () => {
    expect(report.failingRelease!.exitCode).not.toBe(0);
    expect(report.failingRelease!.failedAtOurTest).toBe(true);
    expect(report.failingRelease!.otherFailures).toEqual([]);
    for (const name of PUBLIC) {
      expect(report.failingRelease!.publishedBefore[name]!.versions).not.toContain(report.versions.first![name]);
      expect(report.published.afterFailedRelease![name]!.versions).toEqual(report.failingRelease!.publishedBefore[name]!.versions);
    }
  });

  it("the next release publishes the new major beside the old one, with real ranges", () => {
    const [first, second] = [report.versions.first!, report.versions.second!];
    const common = report.published.second!["@x/common"]!;
    expect(common.versions).toEqual([first["@x/common"], second["@x/common"]]);
    expect(common.latest).toBe(second["@x/common"]);
    expect(common.dependencies[second["@x/common"]!]).toMatchObject({ "@x/runtime": `^${second["@x/runtime"]}` });
    expect(report.published.second!["@x/runtime"]!.versions).toEqual([first["@x/runtime"]]);
  });

  it("a consumer pinned to the old major reinstalls it and keeps working", () => {
    const pinned = report.consumers.pinned!;
    expect(pinned.ranges["@x/common"]).toBe(`^${major(report.versions.first!["@x/common"]!)}`);
    expect(pinned.installed["@x/common"]).toBe(report.versions.first!["@x/common"]);
    expect(pinned.typecheck!).toHaveLength(6);
    expect(pinned.typecheck!.every((t) => t.ok)).toBe(true);
    expect(Object.entries(pinned.report!.results).filter(([, r]) => !r.startsWith("ok:"))).toEqual([]);
  });

  it("a consumer that upgrades fails to compile with exactly one error, at the line reading integrationKey", () => {
    const upgraded = report.consumers.upgraded!;
    expect(upgraded.installed["@x/common"]).toBe(report.versions.second!["@x/common"]);
    const template = readFileSync(join(packageDir, "rehearsal", "consumers", "esm", "src", "main.ts"), "utf8").split("\n");
    const line = template.findIndex((l) => l.includes("connection.integrationKey.") && l.includes("rehearsal: breaks")) + 1;
    expect(line).toBeGreaterThan(0);
    expect(upgraded.typecheck!.map((t) => t.typescript).sort()).toEqual(["5.0.4", "5.0.4", "5.9.3", "5.9.3", "7.0.2", "7.0.2"]);
    for (const check of upgraded.typecheck!) {
      expect(check.ok).toBe(false);
      expect(check.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([`src/main.ts:${line} TS18048`]);
    }
  });

  it("leaves no Verdaccio, Prism, Chromium or temp folder behind", async () => {
    expect(report.cleanup).toEqual({ tmpRootRemoved: true, stillRunning: [] });
    expect(existsSync(report.tmpRoot)).toBe(false);
    expect(report.verdaccioPid).toBeGreaterThan(0);
    expect(verdaccioAlive(report.verdaccioPid!)).toBe(false);
    expect(processesUsing(report.tmpRoot)).toEqual([]);
    const urls = [report.registry!, ...report.prism!];
    expect(urls).toHaveLength(3);
    const answers = await Promise.all(urls.map((url) => fetch(url, { signal: AbortSignal.timeout(5_000) }).then((r) => `HTTP ${r.status}`, () => "refused")));
    expect(answers).toEqual(["refused", "refused", "refused"]);
  });
});
