/** The client-wide retry budget's token bucket on its own (the fault matrix runs it against a server). */
import { describe, expect, it } from "vitest";
import { ConnectionError } from "../src/errors.js";
import { budgetExhausted, RetryBudget } from "../src/retry/budget.js";

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
