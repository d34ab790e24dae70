/**
 * Deterministic budgets of what an application pays for @x/common (timing targets live
 * in `pnpm bench`, not here): the gzip bytes of the connections-get app bundled for the
 * browser, no Node built-ins in it, and the runtime dependencies an install pulls in.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleApp } from "../src/bundle-apps.ts";

/**
 * The connections-get apps, esbuild-minified for the browser with code splitting, gzip level 9:
 * their eager bytes (what loads at start-up), today's sizes with a little room, so growth fails
 * here. Issue 18 left them at 16,355 (client class) and 15,957 (standalone function); issue 19
 * (measured 2026-12-05) took them to 15,513 and 15,103: pagination, the debug log's lines,
 * tracing and validation are lazy chunks; server variables, apiKeys in the query or a cookie,
 * cookie parameters' merge, HTTP basic and OAuth2's token step are features Common's spec does not use;
 * option checks are a table. Issue 19's client-wide retry budget (retry/budget.ts, its checks, the
 * loop paying for retries, the errors of calls it stopped) adds ~425 back: 15,966 and 15,551 measured
 * on the merged tree (2026-12-05). Then (2026-12-06) openapi-fetch's client left the request path
 * (request.ts builds the Request with its header rule: ~2.1 KB), a failed call's error and scrubbing
 * became lazy chunks, and the checks, retry-config checks, errors and generated error classes got
 * shorter: 12,785 and 12,378 measured; refunding a retry paid for but never sent and the budget
 * deciding before a retried body is read: 12,830 and 12,424; one lazy-module helper: 12,826 and 12,422.
 * Then the retry loop's tail became a lazy chunk (retry/tail.ts: the decision, the budget's payment,
 * the sleep, later attempts, transport errors), generated SDKs import the `@x/runtime/core` entry
 * (which leaves the standalone retry helpers out, so the tail's code is not in a chunk every app
 * loads), and one checker and message template serve options, retry configs and request fields
 * (checks.ts): 10,893 and 10,490 measured on the merged tree (2026-12-06).
 * The issue's ceiling is 10 KB (7.5 KB the aim), not met: BENCHMARKS.md (2026-12-06, issue 19)
 * shows where the remaining bytes go and why. Streamed
 * responses cost an app without one ~0.13 KB (the core's hand-over of a stream, `idleTimeoutMs`,
 * error bodies read as text); their parsers are a feature, left out.
 */
const APP_GZIP_BUDGET = 10_925;
const FUNCTION_APP_GZIP_BUDGET = 10_520;

/** Source files of response validation: the runtime's validators and the SDK's validation.ts (its shapes bundled in). */
const VALIDATION_INPUT = /packages\/runtime\/dist\/validation\.js$|packages\/common\/dist\/validation-[^/]*\.js$/;

/** Validation is in a lazy chunk of the app, and none of its modules is in the eager bytes. */
function expectValidationLazy(app: Awaited<ReturnType<typeof bundleApp>>): void {
  expect(app.eager.flatMap((chunk) => chunk.inputs).filter((input) => VALIDATION_INPUT.test(input))).toEqual([]);
  const lazyInputs = app.lazy.flatMap((chunk) => chunk.inputs);
  // Really split out, not missing: both modules are in the lazy chunk, the shapes with them.
  expect(lazyInputs.filter((input) => VALIDATION_INPUT.test(input))).toHaveLength(2);
  expect(app.lazy.map((chunk) => chunk.gzipBytes).reduce((a, b) => a + b, 0)).toBeGreaterThan(2_000);
  expect(app.code).not.toContain("string of at least");
  expect(app.code).not.toContain("get-connection\":{");
}

/**
 * Text only the runtime features @x/common's spec does not use hold (HTTP basic, OAuth2
 * client credentials, non-JSON bodies, header parameters, streamed responses): none may be in its bundles.
 */
/** The runtime's tracing (loaded by a dynamic import for a client given a tracer), and its most it may weigh. */
const TRACING_TEXT = "OpenTelemetry Context Key SPAN";
const TRACING_GZIP_BUDGET = 1_100;

const UNUSED_FEATURES = ["username: string; password: string", "client_credentials", "a typed array, a ReadableStream", "must be an object of fields", "ended by its last event"];

const manifest = (pkg: string) => JSON.parse(readFileSync(new URL(`../../../packages/${pkg}/package.json`, import.meta.url), "utf8")) as { dependencies?: Record<string, string> };

describe("the connections-get app on @x/common", () => {
  it("is checked for unused features by text the runtime does hold", () => {
    // What the SDK imports, @x/runtime/core: dist/core.js and the chunks it imports statically.
    const dist = new URL("../../../packages/runtime/dist/", import.meta.url);
    const files = ["core.js"];
    for (const file of files) {
      for (const [, chunk] of readFileSync(new URL(file, dist), "utf8").matchAll(/^(?:import|export)\s*(?:[^;"']*?from\s*)?["']\.\/([^"']+)["']/gm)) {
        if (!files.includes(chunk!)) files.push(chunk!);
      }
    }
    expect(files.length).toBeGreaterThan(1);
    const runtime = files.map((file) => readFileSync(new URL(file, dist), "utf8")).join("\n");
    for (const text of UNUSED_FEATURES) expect(runtime).toContain(text);
  });

  it(`bundles for the browser within ${APP_GZIP_BUDGET} eager gzip bytes, importing no Node built-in, validation in a lazy chunk`, async () => {
    const app = await bundleApp("x-common.ts", "browser");
    expect(app.builtins).toEqual([]);
    expect(app.gzipBytes).toBeLessThanOrEqual(APP_GZIP_BUDGET);
    // The bundle really holds the client: the operation's path template is in it.
    expect(app.code).toContain("/companies/{companyId}/connections/{connectionId}");
    for (const text of UNUSED_FEATURES) expect(app.code).not.toContain(text);
    expectValidationLazy(app);
  });

  it(`loads the runtime's tracing only through a lazy chunk, within ${TRACING_GZIP_BUDGET} gzip bytes`, async () => {
    const app = await bundleApp("x-common.ts", "browser");
    expect(app.code).not.toContain(TRACING_TEXT);
    expect(app.code).toMatch(/import\("\.\/tracing-[\w-]+\.js"\)/);
    const tracing = app.lazy.filter((chunk) => /^tracing-[\w-]+\.js$/.test(chunk.path));
    expect(tracing).toHaveLength(1);
    expect(tracing[0]!.gzipBytes).toBeGreaterThan(0);
    expect(tracing[0]!.gzipBytes).toBeLessThanOrEqual(TRACING_GZIP_BUDGET);
  });
});

/** Text only the debug log's lines (retry/log.ts, loaded for a client given a debugLogger) hold. */
const DEBUG_LOG_TEXT = "credentials renewed, retrying once";

describe("the connections-get app's debug log", () => {
  it("is a lazy chunk, loaded only for a client given a debugLogger", async () => {
    for (const file of ["x-common.ts", "x-common-funcs.ts"]) {
      const app = await bundleApp(file, "browser");
      expect(app.code).not.toContain(DEBUG_LOG_TEXT);
      const log = app.lazy.filter((chunk) => /^log-[\w-]+\.js$/.test(chunk.path));
      expect(log).toHaveLength(1);
      expect(log[0]!.gzipBytes).toBeGreaterThan(0);
    }
  });
});

describe("the connections-get app on @x/common's standalone function", () => {
  it(`bundles for the browser within ${FUNCTION_APP_GZIP_BUDGET} eager gzip bytes, importing no Node built-in, with no other operation, validation in a lazy chunk`, async () => {
    const app = await bundleApp("x-common-funcs.ts", "browser");
    expect(app.builtins).toEqual([]);
    expect(app.gzipBytes).toBeLessThanOrEqual(FUNCTION_APP_GZIP_BUDGET);
    for (const text of UNUSED_FEATURES) expect(app.code).not.toContain(text);
    expect(app.code).toContain("/companies/{companyId}/connections/{connectionId}");
    // Tree-shaken: the other operations of the connections resource are left out.
    for (const other of ["list-connections", "create-connection", "/companies/{companyId}/connections/{connectionId}/authorization"]) expect(app.code).not.toContain(other);
    expectValidationLazy(app);
  });
});

describe("runtime dependencies", () => {
  it("@x/runtime depends on openapi-fetch alone, and each SDK on @x/runtime alone", () => {
    expect(Object.keys(manifest("runtime").dependencies ?? {})).toEqual(["openapi-fetch"]);
    for (const sdk of ["common", "sync-commerce"]) expect(Object.keys(manifest(sdk).dependencies ?? {})).toEqual(["@x/runtime"]);
  });
});
