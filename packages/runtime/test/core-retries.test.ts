import { describe, expect, it } from "vitest";
import { ConnectionError, RequestAbortedError, RequestTimeoutError } from "../src/errors.js";
import { JITTER_RATIO } from "../src/retry/backoff.js";
import { caught, core, ids, serve, HELD_MS } from "./support/core.js";
import { ErrorMessage, Fallback, ServerTrouble, createCompany, getConnection } from "./support/fixtures.js";
import { refusedURL, scripted } from "./support/server.js";

describe("SDKCore retries", () => {
  it("retries 503, 503 and returns the parsed 200", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 503 }, { status: 200, body: { id: "x1" } }));
    await expect(core(server).invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    expect(server.received).toHaveLength(3);
  });

  it("honours Retry-After over the backoff", async () => {
    const server = await serve(scripted({ status: 429, headers: { "Retry-After": "0.03" } }, { status: 200, body: {} }));
    const delays: number[] = [];
    const sdk = core(server, { hooks: { beforeRetry: (_ctx, info) => void delays.push(info.delayMs) } });
    const started = Date.now();
    await sdk.invoke(getConnection, ids);
    expect(delays).toEqual([30]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(server.received).toHaveLength(2);
  });

  it("does not retry a 404", async () => {
    const server = await serve(scripted({ status: 404, body: { error: "no such connection" } }, { status: 200, body: {} }));
    await expect(core(server).invoke(getConnection, ids)).rejects.toBeInstanceOf(ErrorMessage);
    expect(server.received).toHaveLength(1);
  });

  it("re-sends a POST body intact on every attempt", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 429 }, { status: 201, body: { id: "new" } }));
    const body = { name: "Ünïcode & co", tags: ["a", "b"], nested: { n: 1 } };
    await expect(core(server).invoke(createCompany, { companyRequestBody: body })).resolves.toEqual({ id: "new" });
    expect(server.received.map((r) => [r.method, r.headers["content-type"], JSON.parse(r.body)])).toEqual([
      ["POST", "application/json", body],
      ["POST", "application/json", body],
      ["POST", "application/json", body],
    ]);
  });

  it("retries a refused connection, then throws ConnectionError", async () => {
    const url = await refusedURL();
    let attempts = 0;
    const counting = (request: Request) => (attempts++, globalThis.fetch(request));
    // Without the client's retry budget, which 50 refused attempts of 1-5 ms backoff would empty first: maxElapsedTime ends it.
    const sdk = core({ url }, { fetch: counting, retryConfig: { strategy: "backoff", backoff: { maxElapsedTime: 400 }, budget: false } });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(attempts).toBeGreaterThan(1);
    expect((error as Error).message).toBe(`connections.get: GET /companies/c1/connections/x1: connection failed (ECONNREFUSED) (${attempts} attempts)`);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts, method: "GET", url: `${url}/companies/c1/connections/x1` });
  });

  it("fails at once on a refused connection when retryConnectionErrors is false", async () => {
    const url = await refusedURL();
    let attempts = 0;
    const counting = (request: Request) => (attempts++, globalThis.fetch(request));
    const sdk = core({ url }, { fetch: counting, retryConfig: { strategy: "backoff", retryConnectionErrors: false } });
    await expect(sdk.invoke(getConnection, ids)).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(1);
  });

  it("throws RequestTimeoutError when an attempt exceeds timeoutMs", async () => {
    const server = await serve(() => undefined);
    // Long enough for the request to reach the server on a saturated machine, which it asserts below.
    const sdk = core(server, { timeoutMs: HELD_MS, retryConfig: { strategy: "none" } });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toBe(`connections.get: GET /companies/c1/connections/x1: no complete response within ${HELD_MS} ms (1 attempt)`);
    expect(server.received).toHaveLength(1);
  });

  it("throws RequestAbortedError promptly when the caller aborts during the backoff sleep", async () => {
    const server = await serve(scripted({ status: 503 }));
    const backoff = { initialInterval: 10_000, maxInterval: 10_000, maxElapsedTime: 60_000 };
    const sdk = core(server, { retryConfig: { strategy: "backoff", backoff } });
    const controller = new AbortController();
    const started = Date.now();
    const pending = caught(sdk.invoke(getConnection, ids, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(RequestAbortedError);
    // Sooner than the shortest sleep (jitter takes up to a quarter off) could have ended: the abort cut it short.
    expect(Date.now() - started).toBeLessThan(backoff.initialInterval * (1 - JITTER_RATIO));
    expect(server.received).toHaveLength(1);
  });

  it("makes one attempt with strategy none", async () => {
    const server = await serve(scripted({ status: 503, body: { busy: true } }));
    const error = await caught(core(server, { retryConfig: { strategy: "none" } }).invoke(createCompany, { companyRequestBody: {} }));
    expect(error).toBeInstanceOf(Fallback);
    expect(server.received).toHaveLength(1);
  });

  it("lets per-call retries override the client's, both ways", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 200, body: {} }, { status: 503, body: {} }));
    const sdk = core(server, { retryConfig: { strategy: "none" } });
    await expect(sdk.invoke(getConnection, ids, { retries: { strategy: "backoff" } })).resolves.toEqual({});
    expect(server.received).toHaveLength(2);

    const eager = core(server);
    await expect(eager.invoke(getConnection, ids, { retries: { strategy: "none" } })).rejects.toBeInstanceOf(ServerTrouble);
    expect(server.received).toHaveLength(3);
  });
});
