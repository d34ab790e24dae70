/**
 * The browser consumer: `@x/common` from the registry bundled with the workspace's
 * esbuild for the browser (no Node built-ins), served by a tiny static server on
 * 127.0.0.1, loaded in headless Chromium (Debian's `chromium`, driven by playwright-core)
 * which calls Prism on another origin; the page's text is read back.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, normalize } from "node:path";
import type { BrowserContext } from "playwright-core";

/** The Chromium to drive: $CHROMIUM_PATH, else the first of the usual Debian paths that exists. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

export interface BundleResult {
  readonly bytes: number;
  readonly nodeBuiltins: string[];
  readonly ms: number;
}

/** esbuild, platform browser: a Node built-in anywhere in the graph fails the build. */
export async function bundle(dir: string): Promise<BundleResult> {
  const started = Date.now();
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ["entry.js"],
    outfile: "bundle.js",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  const nodeBuiltins = inputs.filter((i) => i.startsWith("node:") || /(^|\/)(fs|path|http|https|net|tls|zlib|crypto|stream|buffer|util|url)$/.test(i));
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  return { bytes, nodeBuiltins, ms: Date.now() - started };
}

/** Serves `dir` read-only on 127.0.0.1 (a free port). */
export function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path === "/" ? "index.html" : path);
    const type = types[file.slice(file.lastIndexOf("."))];
    if (!file.startsWith(dir) || !type || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, server });
    });
  });
}

export interface PageResult {
  readonly state: string | null;
  readonly summary: string;
  readonly resultText: string;
  readonly console: string[];
  readonly failedRequests: string[];
  readonly ms: number;
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Opens the page in headless Chromium with a fresh profile in `profileDir`, waits for it to
 * settle (`body[data-state]`), and returns what it shows. `onContext` gets the context as soon
 * as it exists, so cleanup can close it even if this is interrupted. It waits as long as the
 * rehearsal's one limit allows, not a fixed time a busy machine could miss.
 */
export async function loadPage(
  executablePath: string,
  profileDir: string,
  pageUrl: string,
  onContext: (context: BrowserContext) => void,
  /** Playwright's waits end here at the latest: the rehearsal's deadline. */
  remainingMs: () => number,
): Promise<PageResult> {
  const started = Date.now();
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: remainingMs(),
  });
  onContext(context);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLines: string[] = [];
    const failedRequests: string[] = [];
    page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
    page.on("requestfailed", (request) => failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "failed"}`));
    await page.goto(pageUrl, { waitUntil: "load", timeout: remainingMs() });
    await page.waitForSelector("body[data-state]", { timeout: remainingMs() });
    const state = await page.getAttribute("body", "data-state");
    const summary = (await page.textContent("#summary")) ?? "";
    const resultText = (await page.textContent("#result")) ?? "";
    return { state, summary, resultText, console: consoleLines, failedRequests, ms: Date.now() - started };
  } finally {
    await context.close();
  }
}
