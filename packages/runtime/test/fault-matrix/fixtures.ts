/**
 * What the fault-matrix files share: the retry policies and limits of the cases, the
 * bounds their timings must lie within, one `call` that times an SDK call against a
 * fault server, and the hooks that warm each worker up and check no case leaks a socket,
 * server or timer. Each test file calls `useFaultMatrixHooks()` once, at its top level,
 * so it starts and stops its own servers.
 */
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { SDKBaseError } from "../../src/errors.js";
import type { OperationSpec } from "../../src/operation.js";
import type { ClientOptions, RequestOptions } from "../../src/options.js";
import { backoffDelayMs } from "../../src/retry/backoff.js";
import type { BackoffConfig, RetryConfig } from "../../src/retry/config.js";
import { closeServers, core, ids, type Security } from "../support/core.js";
import { clearFaultTimers, faultServer, reply } from "../support/faults.js";
import { getConnection } from "../support/fixtures.js";

/**
 * The policies below are typed as the backoff variant, not `RetryConfig`: a case spreads
 * one and adds `statusCodes` or `retryNonIdempotent`, which `{ strategy: "none" }` lacks.
 */
type BackoffRetryConfig = Extract<RetryConfig, { strategy: "backoff" }>;

export const BACKOFF: BackoffConfig = { initialInterval: 20, maxInterval: 80, exponent: 2, maxElapsedTime: 400 };
/** The policy of the cases about the budget running out: 400 ms. */
export const RETRY: BackoffRetryConfig = { strategy: "backoff", backoff: BACKOFF, statusCodes: [408, 429, "5XX"], retryConnectionErrors: true };
/**
 * Every other case's policy: the same delays, with a budget no loaded machine's slow first
 * attempt can use up, so a case about one retry is never cut short by the budget.
 */
export const PATIENT_RETRY: BackoffRetryConfig = { ...RETRY, backoff: { ...BACKOFF, maxElapsedTime: 10_000 } };
/** The per-attempt limit of the cases about timeouts, which pass it explicitly. */
export const TIMEOUT_MS = 150;
/**
 * Every other case's limit: far above any answer's time, so a loaded machine's slow
 * replies never turn a status-code case into a timeout.
 */
const UNHURRIED_TIMEOUT_MS = 10_000;
/** Upper bounds allow for a shared, noisy machine; lower bounds are the policy's own. */
export const SLACK_MS = 1_500;

/**
 * A call that stopped for its budget stopped when one more (jittered) delay would not
 * fit: it had used at least the budget less the longest delay it could have drawn.
 */
export function expectBudgetSpent(ms: number, attempts: number): void {
  expect(attempts).toBeGreaterThanOrEqual(2);
  expect(ms).toBeGreaterThan(BACKOFF.maxElapsedTime - backoffDelayMs(attempts - 1, BACKOFF, () => 0));
}

/** `ms` fits `retries` backoff sleeps (plus `waitedMs` of timeouts): never less, not much more. */
export function expectElapsed(ms: number, retries: number, waitedMs = 0): void {
  const { min, max } = sleepBounds(retries);
  expect(ms).toBeGreaterThanOrEqual(min + waitedMs - 1);
  expect(ms).toBeLessThan(max + waitedMs + SLACK_MS);
}

/** The shortest and longest total sleep before attempt `n + 1` (jitter takes up to 25 % off). */
export function sleepBounds(retries: number, backoff: BackoffConfig = BACKOFF): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let k = 0; k < retries; k++) {
    min += backoffDelayMs(k, backoff, () => 1);
    max += backoffDelayMs(k, backoff, () => 0);
  }
  return { min, max };
}

export interface Outcome {
  data?: unknown;
  error?: SDKBaseError;
  ms: number;
}

export async function call(
  server: { url: string },
  op: OperationSpec,
  request: unknown,
  options?: RequestOptions,
  client?: ClientOptions<Security>,
): Promise<Outcome> {
  const sdk = core(server, { retryConfig: PATIENT_RETRY, timeoutMs: UNHURRIED_TIMEOUT_MS, ...client });
  const started = performance.now();
  try {
    const data = await sdk.invoke(op, request, options);
    return { data, ms: performance.now() - started };
  } catch (error) {
    return { error: error as SDKBaseError, ms: performance.now() - started };
  }
}

export const create = { companyRequestBody: { name: "Acme" } };
export const patch = { ...ids, requestBody: { status: "Unlinked" } };
export const connectionUrl = (server: { url: string }) => `${server.url}/companies/c1/connections/x1`;

/** No test may leave a socket, server or timer behind: the run must exit by itself. */
const watched = ["TCPSocketWrap", "TCPServerWrap", "Timeout"];
const count = () => process.getActiveResourcesInfo().filter((r) => watched.includes(r)).length;

/** Registers the calling test file's hooks: a warm-up before its first case, a leak check after each. */
export function useFaultMatrixHooks(): void {
  let baseline = 0;
  // The first request of a worker pays for warming up fetch and the SDK's modules, which on a
  // loaded machine (the whole suite on 2 cores) can eat the 400 ms budget of the first case.
  beforeAll(async () => {
    const server = await faultServer(reply(200, { id: "x1" }));
    await call(server, getConnection, ids);
    await closeServers();
  });
  beforeEach(() => {
    baseline = count();
  });
  afterEach(async () => {
    clearFaultTimers();
    await closeServers();
    // Sockets close some event-loop turns after the server drops them (longer on a loaded
    // machine); a real leak outlives the second this allows.
    for (let i = 0; i < 50 && count() > baseline; i++) await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 100 && count() > baseline; i++) await new Promise((r) => setTimeout(r, 10));
    expect(count()).toBeLessThanOrEqual(baseline);
  });
}
