/** Starts servers for a test file and builds clients pointed at them. */
import { afterEach } from "vitest";
import { SDKCore } from "../../src/core.js";
import type { ClientOptions } from "../../src/options.js";
import { definition } from "./fixtures.js";
import { startServer, type Handler, type TestServer } from "./server.js";

export interface Security {
  authHeader?: string;
  apiKey?: string;
}

/** Servers started by `serve`, closed after each test. */
const servers: TestServer[] = [];
afterEach(closeServers);

/** Closes every server `serve` started; runs after each test, and may be called earlier. */
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}

export async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

export function core(server: { url: string }, options: ClientOptions<Security> = {}): SDKCore<Security> {
  return new SDKCore<Security>(definition, { serverURL: server.url, ...options });
}

export const ids = { companyId: "c1", connectionId: "x1" };

/**
 * The attempt timeout of tests whose server holds the request and which check that the
 * request reached it: long enough for that on a saturated machine (50 ms was not).
 */
export const HELD_MS = 1_000;

/** The rejection of `promise`; a resolution becomes an Error no assertion expects. */
export function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => new Error("expected a rejection"), (e: unknown) => e);
}
