/**
 * The fault matrix: every way a network or server goes wrong that the runtime must
 * survive, against a real HTTP server on 127.0.0.1. Each case checks how many requests
 * the server saw, the error's class and fields, and that the time taken lies within
 * the retry policy's bounds; real timers with short intervals, no fake clocks.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { ConnectionError, RequestAbortedError, RequestTimeoutError, SDKError, type SDKBaseError } from "../src/errors.js";
import type { OperationSpec } from "../src/operation.js";
import type { ClientOptions, RequestOptions } from "../src/options.js";
import { backoffDelayMs } from "../src/retry/backoff.js";
import type { BackoffConfig, RetryConfig } from "../src/retry/config.js";
import { closeServers, core, ids, type Security } from "./support/core.js";
import {
  clearFaultTimers,
  faultServer,
  gaps,
  htmlPage,
  invalidJson,
  reply,
  resetBeforeHeaders,
  resetMidBody,
  slowHeaders,
  stallBody,
  truncateBody,
  type FaultServer,
} from "./support/faults.js";
import { ErrorMessage, Fallback, ServerTrouble, createCompany, getConnection, unlinkConnection, updateCompany } from "./support/fixtures.js";
import { refusedURL } from "./support/server.js";

const BACKOFF: BackoffConfig = { initialInterval: 20, maxInterval: 80, exponent: 2, maxElapsedTime: 400 };
/** The policy of the cases about the budget running out: 400 ms. */
const RETRY: RetryConfig = { strategy: "backoff", backoff: BACKOFF, statusCodes: [408, 429, "5XX"], retryConnectionErrors: true };
/**
 * Every other case's policy: the same delays, with a budget no loaded machine's slow first
 * attempt can use up, so a case about one retry is never cut short by the budget.
 */
const PATIENT_RETRY: RetryConfig = { ...RETRY, backoff: { ...BACKOFF, maxElapsedTime: 10_000 } };
/** The per-attempt limit of the cases about timeouts, which pass it explicitly. */
const TIMEOUT_MS = 150;
/**
 * Every other case's limit: far above any answer's time, so a loaded machine's slow
 * replies never turn a status-code case into a timeout.
 */
const UNHURRIED_TIMEOUT_MS = 10_000;
/** Upper bounds allow for a shared, noisy machine; lower bounds are the policy's own. */
const SLACK_MS = 1_500;

/**
 * A call that stopped for its budget stopped when one more (jittered) delay would not
 * fit: it had used at least the budget less the longest delay it could have drawn.
 */
function expectBudgetSpent(ms: number, attempts: number): void {
  expect(attempts).toBeGreaterThanOrEqual(2);
  expect(ms).toBeGreaterThan(BACKOFF.maxElapsedTime - backoffDelayMs(attempts - 1, BACKOFF, () => 0));
}

/** `ms` fits `retries` backoff sleeps (plus `waitedMs` of timeouts): never less, not much more. */
function expectElapsed(ms: number, retries: number, waitedMs = 0): void {
  const { min, max } = sleepBounds(retries);
  expect(ms).toBeGreaterThanOrEqual(min + waitedMs - 1);
  expect(ms).toBeLessThan(max + waitedMs + SLACK_MS);
}

/** The shortest and longest total sleep before attempt `n + 1` (jitter takes up to 25 % off). */
function sleepBounds(retries: number, backoff: BackoffConfig = BACKOFF): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (let k = 0; k < retries; k++) {
    min += backoffDelayMs(k, backoff, () => 1);
    max += backoffDelayMs(k, backoff, () => 0);
  }
  return { min, max };
}

interface Outcome {
  data?: unknown;
  error?: SDKBaseError;
  ms: number;
}

async function call(
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

const create = { companyRequestBody: { name: "Acme" } };
const patch = { ...ids, requestBody: { status: "Unlinked" } };
const connectionUrl = (server: { url: string }) => `${server.url}/companies/c1/connections/x1`;

/** No test may leave a socket, server or timer behind: the run must exit by itself. */
const watched = ["TCPSocketWrap", "TCPServerWrap", "Timeout"];
const count = () => process.getActiveResourcesInfo().filter((r) => watched.includes(r)).length;
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

describe("fault matrix: status codes", () => {
  it("503 then 200: one retry after a backoff delay", async () => {
    const server = await faultServer(reply(503, { busy: true }), reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids);
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    const { min, max } = sleepBounds(1);
    expect(gaps(server.arrivals)[0]).toBeGreaterThanOrEqual(min - 1);
    expect(ms).toBeLessThan(max + SLACK_MS);
  });

  it("500 until maxElapsedTime is spent: the last error, carrying the attempts", async () => {
    const server = await faultServer(reply(500, { error: "boom" }));
    const starts: number[] = [];
    const timing = (request: Request) => (starts.push(performance.now()), globalThis.fetch(request));
    const { error, ms } = await call(server, getConnection, ids, undefined, { fetch: timing, retryConfig: RETRY });
    expect(error).toBeInstanceOf(ServerTrouble);
    const attempts = server.received.length;
    expect(error).toMatchObject({ status: 500, attempts, method: "GET", url: connectionUrl(server) });
    expect(error?.message).toBe(`connections.get: HTTP 500 Internal Server Error after ${attempts} attempts: {"error":"boom"}`);
    // Retried until the budget was spent, and no attempt started after it.
    expectBudgetSpent(ms, attempts);
    expect(sleepBounds(attempts - 1).min).toBeLessThanOrEqual(BACKOFF.maxElapsedTime);
    expect(starts).toHaveLength(attempts);
    // The loop's clock starts with the first attempt; Date.now() has a 1 ms grain.
    expect(starts.at(-1)! - starts[0]!).toBeLessThanOrEqual(BACKOFF.maxElapsedTime + 1);
    expect(ms).toBeGreaterThanOrEqual(sleepBounds(attempts - 1).min - 1);
    expect(ms).toBeLessThan(BACKOFF.maxElapsedTime + SLACK_MS);
  });

  it("429 with Retry-After in seconds waits that long, beyond maxInterval", async () => {
    const server = await faultServer(reply(429, { slow: "down" }, { "Retry-After": "1" }), reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids, { retries: { strategy: "backoff", backoff: { maxElapsedTime: 3_000 } } });
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    expect(gaps(server.arrivals)[0]).toBeGreaterThanOrEqual(999);
    expect(ms).toBeLessThan(1_000 + SLACK_MS);
  });

  it("429 with Retry-After as an HTTP date waits until then", async () => {
    const server = await faultServer(
      (res) => reply(429, {}, { "Retry-After": new Date(Date.now() + 2_000).toUTCString() })(res),
      reply(200, { id: "x1" }),
    );
    const { data, ms } = await call(server, getConnection, ids, { retries: { strategy: "backoff", backoff: { maxElapsedTime: 5_000 } } });
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    // The date has a one-second resolution: the wait is between one and two seconds.
    expect(gaps(server.arrivals)[0]).toBeGreaterThanOrEqual(999);
    expect(ms).toBeLessThan(2_000 + SLACK_MS);
  }, needs(3_000)); // waits for the server's date, up to 2 s

  it("429 with retry-after-ms waits exactly that, not the backoff", async () => {
    const server = await faultServer(reply(429, {}, { "retry-after-ms": "250", "Retry-After": "30" }), reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids);
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    expect(gaps(server.arrivals)[0]).toBeGreaterThanOrEqual(249);
    expect(ms).toBeLessThan(250 + SLACK_MS);
  });

  it("a Retry-After beyond the budget fails at once with the server's error, without sleeping", async () => {
    const server = await faultServer(reply(429, { error: "quota" }, { "Retry-After": "30" }));
    const { error, ms } = await call(server, getConnection, ids);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ status: 429, attempts: 1, body: { error: "quota" } });
    expect(server.received).toHaveLength(1);
    expect(ms).toBeLessThan(SLACK_MS);
  });

  it("a documented 404 is never retried", async () => {
    const server = await faultServer(reply(404, { error: "Missing connection" }), reply(200, {}));
    const { error, ms } = await call(server, getConnection, ids, { retries: { ...RETRY, statusCodes: [408, 429, "5XX"] } });
    expect(error).toBeInstanceOf(ErrorMessage);
    expect(error).toMatchObject({ status: 404, attempts: 1, error: "Missing connection" });
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });

  it("an undocumented 418 is SDKError with status and body, not retried", async () => {
    const server = await faultServer(reply(418, { teapot: true }));
    const { error, ms } = await call(server, getConnection, ids);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ status: 418, attempts: 1, body: { teapot: true } });
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });

  it("a proxy's 502 HTML page is SDKError with the status and a bounded excerpt", async () => {
    const server = await faultServer(htmlPage(502));
    const { error, ms } = await call(server, createCompany, create);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(Fallback);
    const e = error as SDKError;
    expect(e.status).toBe(502);
    expect(e.bodyText).toMatch(/^<!DOCTYPE html>/);
    expect(e.message).toMatch(/^companies\.create: HTTP 502 Bad Gateway: <!DOCTYPE html>.*…$/);
    expect(e.message.length).toBeLessThan(300);
    // A POST is not retried on a 502: the server may have acted on it.
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });

  it("invalid JSON on a 200 is SDKError carrying the raw text and the parser's error, not a SyntaxError", async () => {
    const server = await faultServer(invalidJson);
    const { error, ms } = await call(server, getConnection, ids);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ status: 200, attempts: 1, bodyText: '{"id": "c1", "status": Linked}' });
    expect(error?.cause).toBeInstanceOf(SyntaxError);
    expect(error?.message).toBe("connections.get: HTTP 200 OK: response body is not valid JSON");
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });
});

describe("fault matrix: the network", () => {
  it("a reset before the headers is retried for a GET", async () => {
    const server = await faultServer(resetBeforeHeaders, reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids);
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    expectElapsed(ms, 1);
  });

  it("a reset after the headers is retried for a GET", async () => {
    const server = await faultServer(resetMidBody, reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids);
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    expectElapsed(ms, 1);
  });

  it("resets until the budget is spent: ConnectionError with the attempts", async () => {
    const server = await faultServer(resetBeforeHeaders);
    const { error, ms } = await call(server, getConnection, ids, undefined, { retryConfig: RETRY });
    expect(error).toBeInstanceOf(ConnectionError);
    const attempts = server.received.length;
    expectBudgetSpent(ms, attempts);
    expect(error).toMatchObject({ attempts, method: "GET", url: connectionUrl(server) });
    expect(error?.message).toMatch(new RegExp(`^connections\\.get: GET /companies/c1/connections/x1: connection failed( \\(\\w+\\))? \\(${attempts} attempts\\)$`));
    expect(ms).toBeLessThan(BACKOFF.maxElapsedTime + SLACK_MS);
  });

  it("a refused connection is retried, for a POST too: it provably never reached the server", async () => {
    const url = await refusedURL();
    let sent = 0;
    const counting = (request: Request) => (sent++, globalThis.fetch(request));
    const { error, ms } = await call({ url }, createCompany, create, undefined, { fetch: counting, retryConfig: RETRY });
    expect(error).toBeInstanceOf(ConnectionError);
    expectBudgetSpent(ms, sent);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: sent, method: "POST", url: `${url}/companies` });
    expect(ms).toBeGreaterThanOrEqual(sleepBounds(sent - 1).min - 1);
    expect(ms).toBeLessThan(BACKOFF.maxElapsedTime + SLACK_MS);
  });

  it("headers slower than timeoutMs: RequestTimeoutError per attempt, retried for a GET", async () => {
    const server = await faultServer(slowHeaders(TIMEOUT_MS * 4), reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids, { timeoutMs: TIMEOUT_MS });
    expect(data).toEqual({ id: "x1" });
    expect(server.received).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS + sleepBounds(1).min - 1);
    expect(ms).toBeLessThan(TIMEOUT_MS + sleepBounds(1).max + SLACK_MS);
  });

  it("headers slower than timeoutMs with no retries: one RequestTimeoutError naming the limit", async () => {
    const server = await faultServer(slowHeaders(TIMEOUT_MS * 4));
    const { error, ms } = await call(server, getConnection, ids, { retries: { strategy: "none" }, timeoutMs: TIMEOUT_MS });
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ timeoutMs: TIMEOUT_MS, attempts: 1, method: "GET", url: connectionUrl(server) });
    expect(error?.message).toBe(`connections.get: GET /companies/c1/connections/x1: no complete response within ${TIMEOUT_MS} ms (1 attempt)`);
    expect(server.received).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 1);
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  });

  it("a body that stalls mid-stream times out: the limit covers the body too", async () => {
    const server = await faultServer(stallBody);
    const { error, ms } = await call(server, getConnection, ids, { retries: { strategy: "none" }, timeoutMs: TIMEOUT_MS });
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server.received).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 1);
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  });

  it("a truncated body is a ConnectionError, retried for a GET", async () => {
    const server = await faultServer(truncateBody, reply(200, { id: "x1" }));
    const { data, ms } = await call(server, getConnection, ids);
    expect(data).toEqual({ id: "x1" });
    expectElapsed(ms, 1);
    expect(server.received).toHaveLength(2);

    const once = await faultServer(truncateBody);
    const { error, ms: onceMs } = await call(once, getConnection, ids, { retries: { strategy: "none" } });
    expectElapsed(onceMs, 0);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(once.received).toHaveLength(1);
  });
});

describe("fault matrix: no duplicated side effects", () => {
  it("a POST create hit by 500 is not retried: the server may have created it", async () => {
    const server = await faultServer(reply(500, { error: "boom" }), reply(201, { id: "new" }));
    const { error, ms } = await call(server, createCompany, create);
    expect(error).toBeInstanceOf(Fallback);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });

  it("a POST create hit by 503 is retried: the server declined it", async () => {
    const server = await faultServer(reply(503, { busy: true }), reply(201, { id: "new" }));
    const { data, ms } = await call(server, createCompany, create);
    expect(data).toEqual({ id: "new" });
    expect(server.received.map((r) => [r.method, r.body])).toEqual([
      ["POST", '{"name":"Acme"}'],
      ["POST", '{"name":"Acme"}'],
    ]);
    expectElapsed(ms, 1);
  });

  it("a POST create reset before the headers is not retried: it may have arrived", async () => {
    const server = await faultServer(resetBeforeHeaders, reply(201, { id: "new" }));
    const { error, ms } = await call(server, createCompany, create);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ attempts: 1, method: "POST" });
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });

  it("a POST create that times out is not retried", async () => {
    const server = await faultServer(slowHeaders(TIMEOUT_MS * 4, reply(201, { id: "new" })));
    const { error, ms } = await call(server, createCompany, create, { timeoutMs: TIMEOUT_MS });
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(server.received).toHaveLength(1);
    expectElapsed(ms, 0, TIMEOUT_MS);
  });

  it("a PATCH hit by 500 is retried only when the spec marks it idempotent", async () => {
    const marked = await faultServer(reply(500, {}), reply(200, { id: "x1" }));
    const retried = await call(marked, unlinkConnection, patch);
    expect(retried.data).toEqual({ id: "x1" });
    expectElapsed(retried.ms, 1);
    expect(marked.received.map((r) => r.method)).toEqual(["PATCH", "PATCH"]);

    const unmarked = await faultServer(reply(500, { error: "boom" }), reply(200, { id: "c1" }));
    const { error, ms } = await call(unmarked, updateCompany, { companyId: "c1", requestBody: {} });
    expect(error).toBeInstanceOf(SDKError);
    expect(unmarked.received).toHaveLength(1);
    expectElapsed(ms, 0);
  });

  it("the caller may opt a POST in to every retry, per call", async () => {
    const server = await faultServer(reply(500, {}), resetBeforeHeaders, reply(201, { id: "new" }));
    const { data, ms } = await call(server, createCompany, create, { retries: { ...PATIENT_RETRY, retryNonIdempotent: true } });
    expect(data).toEqual({ id: "new" });
    expect(server.received).toHaveLength(3);
    expectElapsed(ms, 2);
  });
});

describe("fault matrix: cancellation", () => {
  it("a caller abort during a backoff sleep ends the call at once, with no further attempt", async () => {
    const server = await faultServer(reply(503, {}, { "retry-after-ms": "5000" }), reply(200, {}));
    const controller = new AbortController();
    let sleepStarted = 0;
    const hooks = {
      beforeRetry() {
        sleepStarted = performance.now();
        setTimeout(() => controller.abort(new Error("user navigated away")), 100);
      },
    };
    const { error } = await call(server, getConnection, ids, {
      signal: controller.signal,
      retries: { strategy: "backoff", backoff: { maxElapsedTime: 10_000 } },
    }, { hooks });
    const ms = performance.now() - sleepStarted;
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ attempts: 1, method: "GET", url: connectionUrl(server) });
    expect((error?.cause as Error).message).toBe("user navigated away");
    expect(server.received).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(99);
    expect(ms).toBeLessThan(100 + SLACK_MS);
  });

  it("a caller abort mid-request ends it without a retry", async () => {
    const controller = new AbortController();
    // The server receives the request, then the caller gives up while it has no answer.
    const server = await faultServer(() => controller.abort());
    const { error, ms } = await call(server, getConnection, ids, { signal: controller.signal, timeoutMs: 5_000 });
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server.received).toHaveLength(1);
    expect(ms).toBeLessThan(SLACK_MS);
  });
});
