/** The client-wide retry budget's token bucket on its own (the fault matrix runs it against a server). */
import { describe, expect, it } from "vitest";
import { ConnectionError, RequestAbortedError } from "../src/errors.js";
import { budgetExhausted, RetryBudget } from "../src/retry/budget.js";
import type { RetryPolicy } from "../src/retry/config.js";
import { createRetryingFetch } from "../src/retry/fetch.js";

const policy: RetryPolicy = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 4, exponent: 2, maxElapsedTime: 60_000 },
  statusCodes: [503],
  retryConnectionErrors: true,
  retryNonIdempotent: false,
};
const noSleep = async (): Promise<void> => undefined;

describe("RetryBudget", () => {
  it("starts full with the AWS standard mode's defaults: 500 tokens, 5 a retry, 10 after no response", () => {
    const budget = new RetryBudget();
    expect(budget.tokens).toBe(500);
    expect(budget.take(false)).toBe(5);
    expect(budget.take(true)).toBe(10);
    expect(budget.tokens).toBe(485);
  });

  it("pays for 100 retries of 5 out of a full bucket, then turns the next down without drawing", () => {
    const budget = new RetryBudget();
    const drawn = Array.from({ length: 100 }, () => budget.take(false));
    expect(drawn.every((cost) => cost === 5)).toBe(true);
    expect(budget.tokens).toBe(0);
    expect(budget.take(false)).toBe(-1);
    expect(budget.take(true)).toBe(-1);
    expect(budget.tokens).toBe(0);
  });

  it("turns down a retry that costs more than what is left, while a cheaper one still passes", () => {
    const budget = new RetryBudget({ capacity: 7 });
    expect(budget.take(true)).toBe(-1);
    expect(budget.tokens).toBe(7);
    expect(budget.take(false)).toBe(5);
    expect(budget.tokens).toBe(2);
  });

  it("refills 1 per first-attempt success and what the retries drew after a retried success, up to capacity", () => {
    const budget = new RetryBudget({ capacity: 20, retryCost: 4, timeoutCost: 6 });
    const drawn = budget.take(false) + budget.take(true);
    expect(budget.tokens).toBe(10);
    budget.give(0);
    expect(budget.tokens).toBe(11);
    budget.give(drawn);
    expect(budget.tokens).toBe(20);
    budget.give(0);
    expect(budget.tokens).toBe(20);
  });

  it("lets retrying resume as successes refill an empty bucket", () => {
    const budget = new RetryBudget();
    while (budget.take(false) > 0);
    expect(budget.take(false)).toBe(-1);
    for (let i = 0; i < 4; i++) budget.give(0);
    expect(budget.take(false)).toBe(-1);
    budget.give(0);
    expect(budget.take(false)).toBe(5);
  });

  it("with capacity 0, never pays for a retry", () => {
    const budget = new RetryBudget({ capacity: 0 });
    expect(budget.take(false)).toBe(-1);
    budget.give(0);
    expect(budget.tokens).toBe(0);
  });

  it("marks an error the empty budget stopped, keeping its class and fields", () => {
    const error = new ConnectionError("connections.get: GET /x: connection failed (ECONNRESET) (1 attempt)", { method: "GET", url: "http://127.0.0.1/x", attempts: 1, code: "ECONNRESET" });
    expect(budgetExhausted(error)).toBe(error);
    expect(error).toMatchObject({ retryBudgetExhausted: true, attempts: 1, code: "ECONNRESET" });
    expect(error.message).toBe("connections.get: GET /x: connection failed (ECONNRESET) (1 attempt); not retried: the client's retry budget is empty");
    expect(error.toJSON()).toMatchObject({ retryBudgetExhausted: true });
  });
});

describe("the retry loop and the budget", () => {
  it("gives back the tokens of a retry it paid for but never sent (the caller aborted during the sleep)", async () => {
    const budget = new RetryBudget({ capacity: 20 });
    const controller = new AbortController();
    let sent = 0;
    const retrying = createRetryingFetch({
      fetch: async () => (sent++, new Response("busy", { status: 503 })),
      policy,
      timeoutMs: 1_000,
      budget,
      // The sleep before the first retry: the caller aborts in it.
      sleep: (_ms, signal) => {
        expect(budget.tokens).toBe(15);
        controller.abort();
        return Promise.reject(signal?.reason);
      },
    });
    await expect(retrying(new Request("http://api.test/a", { signal: controller.signal }))).rejects.toBeInstanceOf(RequestAbortedError);
    expect(sent).toBe(1);
    expect(budget.tokens).toBe(20);
  });

  it("keeps what the sent retries drew when a later one is never sent", async () => {
    const budget = new RetryBudget({ capacity: 20 });
    const controller = new AbortController();
    let sleeps = 0;
    const retrying = createRetryingFetch({
      fetch: async () => new Response("busy", { status: 503 }),
      policy,
      timeoutMs: 1_000,
      budget,
      sleep: (_ms, signal) => (++sleeps < 2 ? Promise.resolve() : (controller.abort(), Promise.reject(signal?.reason))),
    });
    await expect(retrying(new Request("http://api.test/a", { signal: controller.signal }))).rejects.toBeInstanceOf(RequestAbortedError);
    // Two paid, the first sent (and failed): its 5 tokens stay drawn, the unsent one's come back.
    expect(budget.tokens).toBe(15);
  });

  it("a response the empty budget turned down keeps its whole body, however long", async () => {
    const long = "x".repeat((1 << 20) + 10);
    const retrying = createRetryingFetch({
      fetch: async () => new Response(long, { status: 503 }),
      policy,
      timeoutMs: 5_000,
      budget: new RetryBudget({ capacity: 0 }),
      sleep: noSleep,
    });
    const response = await retrying(new Request("http://api.test/a"));
    expect(response.status).toBe(503);
    expect((await response.text()).length).toBe(long.length);
    expect(response).toHaveProperty("retryBudgetExhausted", true);
  });

  it("marks no response the budget did not stop", async () => {
    let calls = 0;
    const retrying = createRetryingFetch({
      fetch: async () => new Response("x", { status: ++calls === 1 ? 503 : 404 }),
      policy,
      timeoutMs: 1_000,
      budget: new RetryBudget(),
      sleep: noSleep,
    });
    const response = await retrying(new Request("http://api.test/a"));
    expect(response.status).toBe(404);
    expect(response).not.toHaveProperty("retryBudgetExhausted");
  });
});
