import { describe, expect, it } from "vitest";
import { SDKValidationError } from "../src/errors.js";
import type { SpecRetryPolicy } from "../src/operation.js";
import {
  DEFAULT_EXPONENT,
  DEFAULT_INITIAL_INTERVAL_MS,
  DEFAULT_MAX_ELAPSED_TIME_MS,
  DEFAULT_MAX_INTERVAL_MS,
  resolveRetryPolicy,
  type RetryConfig,
  type RetryPolicy,
} from "../src/retry/config.js";

const spec: SpecRetryPolicy = {
  strategy: "backoff",
  backoff: { initialInterval: 10, maxInterval: 100, exponent: 2, maxElapsedTime: 1_000 },
  statusCodes: [429, "5XX"],
  retryConnectionErrors: false,
};
/** The spec's policy as resolved: the spec has no say on non-idempotent retries. */
const specPolicy: RetryPolicy = { ...spec, retryNonIdempotent: false, budget: true };
const defaults = {
  initialInterval: DEFAULT_INITIAL_INTERVAL_MS,
  maxInterval: DEFAULT_MAX_INTERVAL_MS,
  exponent: DEFAULT_EXPONENT,
  maxElapsedTime: DEFAULT_MAX_ELAPSED_TIME_MS,
};

describe("resolveRetryPolicy precedence", () => {
  const cases: {
    name: string;
    given: { spec?: SpecRetryPolicy; client?: RetryConfig; call?: RetryConfig };
    want: RetryPolicy;
  }[] = [
    {
      name: "nothing at all: no retries, defaults, no statuses",
      given: {},
      want: { strategy: "none", backoff: defaults, statusCodes: [], retryConnectionErrors: true, retryNonIdempotent: false, budget: true },
    },
    { name: "the spec alone", given: { spec }, want: { ...specPolicy } },
    {
      name: "client none beats spec backoff",
      given: { spec, client: { strategy: "none" } },
      want: { ...specPolicy, strategy: "none" },
    },
    {
      name: "call backoff beats client none; fields fall back to the spec",
      given: { spec, client: { strategy: "none" }, call: { strategy: "backoff", backoff: { initialInterval: 1 } } },
      want: { ...specPolicy, backoff: { ...spec.backoff, initialInterval: 1 } },
    },
    {
      name: "call none beats client backoff",
      given: { spec, client: { strategy: "backoff" }, call: { strategy: "none" } },
      want: { ...specPolicy, strategy: "none" },
    },
    {
      name: "fields merge call > client > spec",
      given: {
        spec,
        client: { strategy: "backoff", backoff: { initialInterval: 2, maxInterval: 20 }, retryConnectionErrors: true },
        call: { strategy: "backoff", backoff: { initialInterval: 3 } },
      },
      want: {
        ...spec,
        backoff: { initialInterval: 3, maxInterval: 20, exponent: 2, maxElapsedTime: 1_000 },
        retryConnectionErrors: true,
        retryNonIdempotent: false,
        budget: true,
      },
    },
    {
      name: "call retryConnectionErrors beats client's",
      given: {
        spec,
        client: { strategy: "backoff", retryConnectionErrors: true },
        call: { strategy: "backoff", retryConnectionErrors: false },
      },
      want: { ...specPolicy, retryConnectionErrors: false },
    },
    {
      name: "no spec: missing fields use the named defaults",
      given: { client: { strategy: "backoff", backoff: { maxElapsedTime: 5 } } },
      want: { strategy: "backoff", backoff: { ...defaults, maxElapsedTime: 5 }, statusCodes: [], retryConnectionErrors: true, retryNonIdempotent: false, budget: true },
    },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(resolveRetryPolicy(given.spec, given.client, given.call)).toEqual(want);
  });

  it("takes status codes from the call, then the client, then the spec", () => {
    const client: RetryConfig = { strategy: "backoff", statusCodes: [404] };
    expect(resolveRetryPolicy(spec).statusCodes).toEqual([429, "5XX"]);
    expect(resolveRetryPolicy(spec, client).statusCodes).toEqual([404]);
    expect(resolveRetryPolicy(spec, client, { strategy: "backoff", statusCodes: ["4XX"] }).statusCodes).toEqual(["4XX"]);
    expect(resolveRetryPolicy(spec, client, { strategy: "backoff", statusCodes: [] }).statusCodes).toEqual([]);
  });

  it("turns on non-idempotent retries per client or per call, and off per call", () => {
    const client: RetryConfig = { strategy: "backoff", retryNonIdempotent: true };
    expect(resolveRetryPolicy(spec, client).retryNonIdempotent).toBe(true);
    expect(resolveRetryPolicy(spec, undefined, client).retryNonIdempotent).toBe(true);
    expect(resolveRetryPolicy(spec, client, { strategy: "backoff", retryNonIdempotent: false }).retryNonIdempotent).toBe(false);
  });

  it("draws from the client's retry budget unless the client or the call says budget: false", () => {
    expect(resolveRetryPolicy(spec).budget).toBe(true);
    expect(resolveRetryPolicy(spec, { strategy: "backoff", budget: { capacity: 10 } }).budget).toBe(true);
    expect(resolveRetryPolicy(spec, { strategy: "backoff", budget: false }).budget).toBe(false);
    expect(resolveRetryPolicy(spec, undefined, { strategy: "backoff", budget: false }).budget).toBe(false);
    expect(resolveRetryPolicy(spec, { strategy: "none" }, { strategy: "backoff", budget: false }).budget).toBe(false);
    expect(resolveRetryPolicy(spec, { strategy: "none", budget: false }, { strategy: "backoff" }).budget).toBe(false);
  });
});

describe("resolveRetryPolicy validation", () => {
  const cases: { name: string; given: { spec?: SpecRetryPolicy; client?: unknown; call?: unknown }; want: string }[] = [
    { name: "negative interval", given: { client: { strategy: "backoff", backoff: { initialInterval: -1 } } }, want: "retryConfig.backoff.initialInterval" },
    { name: "NaN", given: { call: { strategy: "backoff", backoff: { maxInterval: Number.NaN } } }, want: "retries.backoff.maxInterval" },
    { name: "Infinity", given: { call: { strategy: "backoff", backoff: { maxElapsedTime: Infinity } } }, want: "retries.backoff.maxElapsedTime" },
    { name: "exponent below 1", given: { client: { strategy: "backoff", backoff: { exponent: 0.5 } } }, want: "retryConfig.backoff.exponent" },
    { name: "string number", given: { client: { strategy: "backoff", backoff: { initialInterval: "5" } } }, want: "retryConfig.backoff.initialInterval" },
    { name: "timer overflow", given: { client: { strategy: "backoff", backoff: { maxInterval: 2 ** 31 } } }, want: "retryConfig.backoff.maxInterval" },
    { name: "unknown strategy", given: { call: { strategy: "exponential" } }, want: "retries.strategy" },
    { name: "not an object", given: { client: "backoff" }, want: "retryConfig" },
    { name: "backoff not an object", given: { client: { strategy: "backoff", backoff: 5 } }, want: "retryConfig.backoff" },
    { name: "non-boolean flag", given: { call: { strategy: "backoff", retryConnectionErrors: "yes" } }, want: "retries.retryConnectionErrors" },
    { name: "non-boolean retryNonIdempotent", given: { client: { strategy: "backoff", retryNonIdempotent: 1 } }, want: "retryConfig.retryNonIdempotent" },
    { name: "status codes not an array", given: { client: { strategy: "backoff", statusCodes: 503 } }, want: "retryConfig.statusCodes" },
    { name: "bad status code", given: { call: { strategy: "backoff", statusCodes: [503, "5xx0"] } }, want: "retries.statusCodes" },
    { name: "misspelt field", given: { client: { strategy: "backoff", maxRetries: 3 } }, want: "retryConfig.maxRetries" },
    { name: "field on strategy none", given: { call: { strategy: "none", backoff: {} } }, want: "retries.backoff" },
    { name: "misspelt backoff field", given: { client: { strategy: "backoff", backoff: { initialIntervalMs: 5 } } }, want: "retryConfig.backoff.initialIntervalMs" },
    { name: "budget not an object", given: { client: { strategy: "backoff", budget: true } }, want: "retryConfig.budget" },
    { name: "budget null", given: { client: { strategy: "backoff", budget: null } }, want: "retryConfig.budget" },
    { name: "negative budget capacity", given: { client: { strategy: "backoff", budget: { capacity: -1 } } }, want: "retryConfig.budget.capacity" },
    { name: "budget cost not a number", given: { client: { strategy: "backoff", budget: { retryCost: "5" } } }, want: "retryConfig.budget.retryCost" },
    { name: "budget cost NaN", given: { client: { strategy: "backoff", budget: { timeoutCost: Number.NaN } } }, want: "retryConfig.budget.timeoutCost" },
    { name: "misspelt budget field", given: { client: { strategy: "backoff", budget: { size: 5 } } }, want: "retryConfig.budget.size" },
    { name: "a bad budget on strategy none", given: { client: { strategy: "none", budget: { capacity: "many" } } }, want: "retryConfig.budget.capacity" },
    { name: "a call's own bucket", given: { call: { strategy: "backoff", budget: { capacity: 5 } } }, want: "retries.budget" },
    { name: "bad spec value", given: { spec: { ...spec, backoff: { ...spec.backoff, exponent: 0 } } }, want: "retry.backoff.exponent" },
    { name: "bad spec status", given: { spec: { ...spec, statusCodes: ["5XXX"] } }, want: "retry.statusCodes" },
    { name: "bad spec strategy", given: { spec: { ...spec, strategy: "exponential" as never } }, want: "retry.strategy" },
    { name: "misspelt spec field", given: { spec: { ...spec, maxRetries: 3 } as never }, want: "retry.maxRetries" },
    { name: "non-boolean spec flag", given: { spec: { ...spec, retryConnectionErrors: "yes" as never } }, want: "retry.retryConnectionErrors" },
    { name: "unknown strategy beside a misspelt field", given: { client: { strategy: "exponential", maxRetry: 1 } }, want: "retryConfig.maxRetry" },
  ];
  it.each(cases)("$name → names $want", ({ given, want }) => {
    const run = () => resolveRetryPolicy(given.spec, given.client as RetryConfig, given.call as RetryConfig, "connections.get");
    expect(run).toThrow(SDKValidationError);
    try {
      run();
    } catch (error) {
      expect((error as SDKValidationError).field).toBe(want);
      expect((error as Error).message).toMatch(new RegExp(`^connections\\.get: ${want.replace(/\./g, "\\.")}\\b`));
    }
  });

  it("says what a config, a status list and a number take", () => {
    expect(() => resolveRetryPolicy(undefined, "backoff" as never)).toThrow(/^retryConfig must be an object, got string$/);
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", statusCodes: [503, "5xx0"] })).toThrow('retryConfig.statusCodes must be an array of statuses like [429, "5XX"]');
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", statusCodes: 503 as never })).toThrow('retryConfig.statusCodes must be an array of statuses like [429, "5XX"]');
    expect(() => resolveRetryPolicy(undefined, { strategy: "none", backoff: {} } as never)).toThrow("retryConfig.backoff is unknown; expected: strategy, budget");
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", backoff: { maxInterval: 2 ** 31 } })).toThrow("retryConfig.backoff.maxInterval must be a number of ms in [0, 2147483647]");
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", backoff: { maxElapsedTime: -1 } })).toThrow("retryConfig.backoff.maxElapsedTime must be a finite number of ms >= 0");
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", backoff: { exponent: Symbol("e") as never } })).toThrow("retryConfig.backoff.exponent must be a finite number >= 1");
  });

  it("says what a budget takes", () => {
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", budget: { capacity: -1 } })).toThrow("retryConfig.budget.capacity must be a finite number >= 0");
    expect(() => resolveRetryPolicy(undefined, { strategy: "backoff", budget: true as never })).toThrow("retryConfig.budget must be false or an object");
    expect(() => resolveRetryPolicy(undefined, undefined, { strategy: "backoff", budget: {} })).toThrow(/^retries\.budget must be false$/);
  });

  it("accepts zero intervals and exponent 1", () => {
    const policy = resolveRetryPolicy(undefined, {
      strategy: "backoff",
      backoff: { initialInterval: 0, maxInterval: 0, exponent: 1, maxElapsedTime: 0 },
    });
    expect(policy.backoff).toEqual({ initialInterval: 0, maxInterval: 0, exponent: 1, maxElapsedTime: 0 });
  });
});
