import { describe, expect, it } from "vitest";
import { readRetryPolicy } from "../src/load/retries.js";

describe("readRetryPolicy", () => {
  it("reads the vendor's policy, keeping ranges as strings and codes as numbers", () => {
    const problems: string[] = [];
    const policy = readRetryPolicy(
      {
        strategy: "backoff",
        backoff: { initialInterval: 500, maxInterval: 60000, maxElapsedTime: 3600000, exponent: 1.5 },
        statusCodes: [408, 429, "5XX"],
        retryConnectionErrors: true,
      },
      problems,
    );
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      strategy: "backoff",
      backoff: { initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000 },
      statusCodes: [408, 429, "5XX"],
      retryConnectionErrors: true,
    });
  });

  it("is absent when the spec has no policy", () => {
    expect(readRetryPolicy(undefined, [])).toBeUndefined();
  });

  it.each([
    { given: { strategy: "sometimes", backoff: { initialInterval: 1, maxInterval: 1, maxElapsedTime: 1, exponent: 1 }, statusCodes: [] }, want: '#/x-speakeasy-retries/strategy: must be "backoff" or "none", got "sometimes"' },
    { given: { strategy: "backoff", backoff: { initialInterval: -1, maxInterval: 1, maxElapsedTime: 1, exponent: 1 }, statusCodes: [] }, want: "#/x-speakeasy-retries/backoff/initialInterval: must be a non-negative number, got -1" },
    { given: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 1, maxElapsedTime: 1, exponent: 1 }, statusCodes: ["6XX"] }, want: '#/x-speakeasy-retries/statusCodes/0: "6XX" is not a status code or range like 5XX' },
    { given: "yes", want: "#/x-speakeasy-retries: must be an object" },
  ])("names the bad field: $want", ({ given, want }) => {
    const problems: string[] = [];
    readRetryPolicy(given, problems);
    expect(problems).toContain(want);
  });
});
