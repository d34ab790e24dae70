/**
 * Prism mock servers started in-process from our specs: request validation and
 * security checks on, responses taken from the spec's examples (and validated
 * against the spec too, so a wrong example fails loudly).
 */
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly specPath: string;
  close(): Promise<void>;
}

export interface MockServerOptions {
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** Prism's log level; it logs every request at "info" and every rejected one at "error". @default "silent" */
  readonly logLevel?: "silent" | "error" | "warn" | "info" | "debug";
  /** Where log lines go. @default stdout */
  readonly logDestination?: { write(line: string): void };
  /**
   * Answer CORS preflights and add CORS headers (echoing the request's origin and
   * headers), so a page on another origin can call the mock. @default false
   */
  readonly cors?: boolean;
}

const REPO_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** The spec of each SDK package, by the name the demo and tests use. */
export const SPECS = {
  common: resolve(REPO_ROOT, "openapi/common.yaml"),
  "sync-commerce": resolve(REPO_ROOT, "openapi/sync-commerce.yaml"),
} as const;

export async function startMockServer(specPath: string, options: MockServerOptions = {}): Promise<MockServer> {
  const operations = await getHttpOperationsFromSpec(specPath);
  // Prism logs the headers of a rejected request; credentials must never reach a log line.
  const logger = createLogger("prism", {
    level: options.logLevel ?? "silent",
    redact: { paths: ["input.headers.authorization", "input.url.query"], censor: "[redacted]" },
  }, options.logDestination);
  const server = createServer(operations, {
    cors: options.cors ?? false,
    config: {
      mock: { dynamic: false },
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      isProxy: false,
      upstreamProxy: undefined,
    },
    components: { logger },
  });
  const url = await server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  return { url: url.replace(/\/$/, ""), specPath, close: () => server.close() };
}

export { httpFetch, standInReason, startStandIn, type StandInServer } from "./stand-in.js";
