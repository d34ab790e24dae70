import { describe, expect, it } from "vitest";
import { JITTER_RATIO, backoffDelayMs } from "../src/retry/backoff.js";
import type { BackoffConfig } from "../src/retry/config.js";

const backoff: BackoffConfig = { initialInterval: 100, maxInterval: 1_000, exponent: 2, maxElapsedTime: 60_000 };

describe("backoffDelayMs", () => {
  const cases: { name: string; given: { attempt: number; random: number; backoff?: BackoffConfig }; want: number }[] = [
    { name: "first retry without jitter", given: { attempt: 0, random: 0 }, want: 100 },
    { name: "grows by the exponent", given: { attempt: 1, random: 0 }, want: 200 },
    { name: "grows again", given: { attempt: 3, random: 0 }, want: 800 },
    { name: "capped at maxInterval", given: { attempt: 4, random: 0 }, want: 1_000 },
    { name: "capped for huge attempts", given: { attempt: 10_000, random: 0 }, want: 1_000 },
    { name: "half jitter takes off 12.5 %", given: { attempt: 1, random: 0.5 }, want: 175 },
    { name: "full jitter takes off at most JITTER_RATIO", given: { attempt: 0, random: 1 }, want: 75 },
    { name: "random above 1 is clamped", given: { attempt: 0, random: 7 }, want: 75 },
    { name: "negative random is clamped", given: { attempt: 0, random: -3 }, want: 100 },
    { name: "negative attempt counts as 0", given: { attempt: -2, random: 0 }, want: 100 },
    { name: "fractional exponent", given: { attempt: 2, random: 0, backoff: { ...backoff, exponent: 1.5 } }, want: 225 },
    {
      name: "zero interval stays zero even when the exponent overflows",
      given: { attempt: 5_000, random: 0, backoff: { ...backoff, initialInterval: 0 } },
      want: 0,
    },
    {
      name: "maxInterval below initialInterval wins",
      given: { attempt: 0, random: 0, backoff: { ...backoff, maxInterval: 40 } },
      want: 40,
    },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(backoffDelayMs(given.attempt, given.backoff ?? backoff, () => given.random)).toBe(want);
  });

  it("never exceeds maxInterval nor falls below (1 - JITTER_RATIO) of the capped base", () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const base = Math.min(backoff.maxInterval, backoff.initialInterval * backoff.exponent ** attempt);
      for (const random of [0, 0.1, 0.5, 0.9, 0.999999, 1]) {
        const delay = backoffDelayMs(attempt, backoff, () => random);
        expect(delay).toBeLessThanOrEqual(backoff.maxInterval);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - JITTER_RATIO)));
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });
});
