/**
 * The fault matrix, part two: no fault may make the runtime repeat a request the server
 * may have acted on, and a caller's abort ends a call at once, against a real HTTP server
 * on 127.0.0.1. Each case checks how many requests the server saw, the error's class and
 * fields, and that the time taken lies within the retry policy's bounds; real timers with
 * short intervals, no fake clocks. Status codes and the network are in
 * fault-matrix-status-network.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ConnectionError, RequestAbortedError, RequestTimeoutError, SDKError } from "../src/errors.js";
import {
  PATIENT_RETRY,
  SLACK_MS,
  TIMEOUT_MS,
  call,
  connectionUrl,
  create,
  expectElapsed,
  patch,
  useFaultMatrixHooks,
} from "./fault-matrix/fixtures.js";
import { ids } from "./support/core.js";
import { faultServer, reply, resetBeforeHeaders, slowHeaders } from "./support/faults.js";
import { Fallback, createCompany, createPayment, getConnection, unlinkConnection, updateCompany } from "./support/fixtures.js";

useFaultMatrixHooks();

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

  it("a POST with an idempotency key is retried like a GET (500, reset, timeout), with the same key each time", async () => {
    const server = await faultServer(reply(500, {}), resetBeforeHeaders, slowHeaders(TIMEOUT_MS * 4), reply(201, { id: "new" }));
    const { data, ms } = await call(server, createPayment, create, { timeoutMs: TIMEOUT_MS });
    expect(data).toEqual({ id: "new" });
    const keys = server.received.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
    expectElapsed(ms, 3, TIMEOUT_MS);
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
