/**
 * The fault matrix, part one: how the runtime answers each status code, and every way
 * the network goes wrong, against a real HTTP server on 127.0.0.1. Each case checks how
 * many requests the server saw, the error's class and fields, and that the time taken
 * lies within the retry policy's bounds; real timers with short intervals, no fake clocks.
 * Side effects and cancellation are in fault-matrix-side-effects.test.ts.
 */
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { ConnectionError, RequestTimeoutError, SDKError } from "../src/errors.js";
import {
  BACKOFF,
  RETRY,
  SLACK_MS,
  TIMEOUT_MS,
  call,
  connectionUrl,
  create,
  expectBudgetSpent,
  expectElapsed,
  sleepBounds,
  useFaultMatrixHooks,
} from "./fault-matrix/fixtures.js";
import { ids } from "./support/core.js";
import {
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
} from "./support/faults.js";
import { ErrorMessage, Fallback, ServerTrouble, createCompany, getConnection } from "./support/fixtures.js";
import { refusedURL } from "./support/server.js";

useFaultMatrixHooks();

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
