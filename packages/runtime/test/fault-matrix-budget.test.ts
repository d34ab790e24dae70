/**
 * The fault matrix, part three: the client-wide retry budget (retry/budget.ts) against a
 * real HTTP server on 127.0.0.1. An outage of a thousand concurrent calls stays within the
 * bucket, retrying resumes as successes refill it, each client has a bucket of its own, and
 * `budget: false` retries as before. Short backoff, real timers; the counts are what is
 * checked, never tight timings.
 */
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { APIError, ConnectionError, type SDKBaseError } from "../src/errors.js";
import type { RetryConfig } from "../src/retry/config.js";
import { useFaultMatrixHooks } from "./fault-matrix/fixtures.js";
import { core, ids, serve } from "./support/core.js";
import { faultServer, reply } from "./support/faults.js";
import { ServerTrouble, getConnection } from "./support/fixtures.js";
import { refusedURL, send } from "./support/server.js";

useFaultMatrixHooks();

/**
 * Quick retries with time to spare: a call keeps retrying a 503 until the budget turns it
 * down (a loaded machine's slow attempts never end one by maxElapsedTime first).
 */
const QUICK: RetryConfig = { strategy: "backoff", backoff: { initialInterval: 2, maxInterval: 10, exponent: 2, maxElapsedTime: 60_000 }, statusCodes: [503] };
const MESSAGE_END = "; not retried: the client's retry budget is empty";

/** A server that answers each status of `script` in turn, then `status.now` to every request. */
async function switchable(...script: number[]) {
  const status = { now: 503 };
  const server = await serve((_req, res) => send(res, { status: script.shift() ?? status.now, body: { id: "x1" } }));
  return Object.assign(server, { status, script });
}

/** Every call's outcome: its data or the error it rejected with. */
async function settle(calls: Promise<unknown>[]): Promise<{ data: unknown[]; errors: SDKBaseError[] }> {
  const outcomes = await Promise.allSettled(calls);
  return {
    data: outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : [])),
    errors: outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as SDKBaseError] : [])),
  };
}

const many = (n: number, call: () => Promise<unknown>) => Array.from({ length: n }, call);

describe("fault matrix: the client's retry budget", () => {
  it("a total outage: 1,000 concurrent calls send at most 1,100 requests, and each says the budget stopped it", async () => {
    const server = await faultServer(reply(503, { busy: true }));
    const sdk = core(server, { retryConfig: QUICK });
    const { data, errors } = await settle(many(1_000, () => sdk.invoke(getConnection, ids)));
    expect(data).toEqual([]);
    expect(errors).toHaveLength(1_000);
    // The default bucket: 500 tokens at 5 a retry pay for exactly 100 retries.
    expect(server.received.length).toBe(1_100);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ServerTrouble);
      expect(error).toMatchObject({ status: 503, retryBudgetExhausted: true });
      const { attempts } = error as APIError;
      const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
      expect(error.message).toBe(`connections.get: HTTP 503 Service Unavailable${tries}: {"busy":true}${MESSAGE_END}`);
    }
    // `attempts` counts what each call sent: together, every request the server saw.
    expect(errors.reduce((sum, e) => sum + (e as APIError).attempts, 0)).toBe(server.received.length);
  }, needs(20_000));

  it("recovery: once the API answers again, successes refill the bucket and a 503 is retried again", async () => {
    const server = await switchable();
    const sdk = core(server, { retryConfig: QUICK });
    const outage = await settle(many(200, () => sdk.invoke(getConnection, ids)));
    expect(outage.errors.every((e) => (e as APIError).retryBudgetExhausted)).toBe(true);
    expect(server.received.length).toBe(300);

    // Recovering, but the bucket is empty: a 503 ends the call at its first attempt.
    server.status.now = 200;
    server.script.push(503);
    const stopped = await settle([sdk.invoke(getConnection, ids)]);
    expect(stopped.errors[0]).toMatchObject({ status: 503, attempts: 1, retryBudgetExhausted: true });

    // Five first-attempt successes add a token each: enough for one retry of 5.
    for (let i = 0; i < 5; i++) await expect(sdk.invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    const before = server.received.length;
    server.script.push(503);
    await expect(sdk.invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    expect(server.received.length - before).toBe(2);
    // That retried success gave its 5 tokens back, so the next 503 is retried too.
    server.script.push(503);
    await expect(sdk.invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    expect(server.received.length - before).toBe(4);
  }, needs(10_000));

  it("a mix of clients: one client's outage does not drain another's bucket", async () => {
    const server = await faultServer(reply(503, { busy: true }));
    const small: RetryConfig = { ...QUICK, budget: { capacity: 50 } };
    const drained = core(server, { retryConfig: small });
    const other = core(server, { retryConfig: small });
    await settle(many(100, () => drained.invoke(getConnection, ids)));
    expect(server.received.length).toBe(110);
    // The drained client sends one attempt; the other still has its 10 retries.
    await expect(drained.invoke(getConnection, ids)).rejects.toMatchObject({ attempts: 1, retryBudgetExhausted: true });
    await expect(other.invoke(getConnection, ids)).rejects.toMatchObject({ attempts: 11, retryBudgetExhausted: true });
    expect(server.received.length).toBe(122);
  }, needs(10_000));

  it("a call's own retries setting still draws from the client's bucket", async () => {
    const server = await faultServer(reply(503, { busy: true }), reply(503, { busy: true }), reply(200, { id: "x1" }));
    const sdk = core(server, { retryConfig: { strategy: "none", budget: { capacity: 5 } } });
    const error = await sdk.invoke(getConnection, ids, { retries: QUICK }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ status: 503, attempts: 2, retryBudgetExhausted: true });
    expect(server.received).toHaveLength(2);
  });

  it("a retry after no response draws timeoutCost: a refused connection gets two retries out of 20 tokens", async () => {
    const url = await refusedURL();
    const lines: string[] = [];
    const debugLogger = { debug: (line: string) => void lines.push(line) };
    const sdk = core({ url }, { debugLogger, retryConfig: { ...QUICK, retryConnectionErrors: true, budget: { capacity: 20, retryCost: 1 } } });
    const error = await sdk.invoke(getConnection, ids).then(() => undefined, (e: unknown) => e);
    expect(lines.filter((line) => line.includes("retry"))).toEqual([
      expect.stringMatching(/^connections\.get: GET \/companies\/c1\/connections\/x1: retry: ConnectionError: retrying in \d+ ms \(backoff\)$/),
      expect.stringMatching(/: retry: ConnectionError: retrying in \d+ ms/),
      "connections.get: GET /companies/c1/connections/x1: no retry: the client's retry budget is empty",
    ]);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 3, retryBudgetExhausted: true });
    expect((error as Error).message).toBe(`connections.get: GET /companies/c1/connections/x1: connection failed (ECONNREFUSED) (3 attempts)${MESSAGE_END}`);
  });

  it("an error the budget did not stop says nothing of it", async () => {
    const server = await faultServer(reply(500, { error: "boom" }));
    const sdk = core(server, { retryConfig: QUICK });
    const error = await sdk.invoke(getConnection, ids).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect(error).not.toHaveProperty("retryBudgetExhausted");
    expect((error as Error).message).not.toContain("budget");
  });
});

describe("fault matrix: budget: false retries as before", () => {
  it("a client without a bucket: an outage of 200 failed requests is retried through, past what a bucket would pay for", async () => {
    // 503 to the first 200 requests, then 200: 20 concurrent calls need about 200 retries between
    // them, twice what the default bucket (500 tokens at 5 a retry) pays for. Counted, not timed.
    const server = await switchable(...Array.from({ length: 200 }, () => 503));
    server.status.now = 200;
    const sdk = core(server, { retryConfig: { ...QUICK, budget: false } });
    const { data, errors } = await settle(many(20, () => sdk.invoke(getConnection, ids)));
    expect(errors).toEqual([]);
    expect(data).toEqual(Array.from({ length: 20 }, () => ({ id: "x1" })));
    expect(server.received).toHaveLength(220);
    // With the default bucket the same outage ends every call: 20 requests and the 100 retries it pays for.
    const bucketed = await switchable(...Array.from({ length: 200 }, () => 503));
    bucketed.status.now = 200;
    const bucketedSdk = core(bucketed, { retryConfig: QUICK });
    const limited = await settle(many(20, () => bucketedSdk.invoke(getConnection, ids)));
    expect(limited.errors).toHaveLength(20);
    expect(bucketed.received).toHaveLength(120);
  }, needs(10_000));

  it("a call with retries.budget false retries though its client's bucket is empty", async () => {
    const server = await switchable(503, 503, 503, 503);
    server.status.now = 200;
    const sdk = core(server, { retryConfig: { ...QUICK, budget: { capacity: 0 } } });
    await expect(sdk.invoke(getConnection, ids)).rejects.toMatchObject({ attempts: 1, retryBudgetExhausted: true });
    await expect(sdk.invoke(getConnection, ids, { retries: { ...QUICK, budget: false } })).resolves.toEqual({ id: "x1" });
    expect(server.received).toHaveLength(5);
  });
});
