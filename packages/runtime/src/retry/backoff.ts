/** The delay before a retry when the server does not say (no Retry-After). */
import type { BackoffConfig } from "./config.js";

/**
 * Share of the delay jitter may take off: 0.25 spreads clients over 75–100 % of it.
 * Jitter only ever shortens the delay, so it never exceeds `maxInterval`, and clients
 * that have all reached the cap still spread out instead of retrying in lockstep.
 */
export const JITTER_RATIO = 0.25;

/**
 * `base = min(maxInterval, initialInterval * exponent ^ attempt)`, then
 * `delay = floor(base * (1 - JITTER_RATIO * random()))`, in ms.
 *
 * @param attempt 0 for the delay after the first attempt failed.
 * @param random a number in [0, 1), `Math.random` in production; clamped to [0, 1].
 */
export function backoffDelayMs(attempt: number, backoff: BackoffConfig, random: () => number): number {
  const { initialInterval, maxInterval, exponent } = backoff;
  const step = Math.max(0, Math.floor(attempt));
  // 0 * Infinity is NaN when the exponent overflows, so a zero interval stays zero.
  const base = initialInterval === 0 ? 0 : Math.min(maxInterval, initialInterval * exponent ** step);
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.floor(base * (1 - JITTER_RATIO * jitter));
}
