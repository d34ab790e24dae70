import { describe, expect, it } from "vitest";
import { isRetryableStatus } from "../src/retry/status.js";

describe("isRetryableStatus", () => {
  const cases: { given: { status: number; codes: (number | string)[] }; want: boolean }[] = [
    { given: { status: 429, codes: [429] }, want: true },
    { given: { status: 429, codes: ["429"] }, want: true },
    { given: { status: 503, codes: ["5XX"] }, want: true },
    { given: { status: 500, codes: ["5xx"] }, want: true },
    { given: { status: 599, codes: ["5XX"] }, want: true },
    { given: { status: 404, codes: [429, "5XX"] }, want: false },
    { given: { status: 600, codes: ["5XX"] }, want: false },
    { given: { status: 499, codes: ["5XX"] }, want: false },
    { given: { status: 503, codes: [] }, want: false },
    { given: { status: 503, codes: ["50X"] }, want: false },
    { given: { status: 503, codes: ["XXX"] }, want: false },
    { given: { status: 503, codes: ["default"] }, want: false },
    { given: { status: 408, codes: [" 408 "] }, want: true },
    { given: { status: 503, codes: ["5X3"] }, want: false },
    { given: { status: 503, codes: ["503"] }, want: true },
  ];
  it.each(cases)("$given.status in $given.codes → $want", ({ given, want }) => {
    expect(isRetryableStatus(given.status, given.codes)).toBe(want);
  });
});
