/** The server's own answer to "when may I retry", which wins over our backoff. */

/** Every HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with a day name. */
const HTTP_DATE_RE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;
/**
 * A non-negative number: Retry-After's delay-seconds (an integer in RFC 9110; decimals are
 * accepted because servers send them) and `retry-after-ms`'s.
 */
const DELAY_RE = /^\d+(\.\d+)?$/;
const MS_PER_SECOND = 1000;

/**
 * Parses a Retry-After header value into a delay in ms from `nowMs`.
 *
 * @returns the delay; 0 for a date in the past; `undefined` when absent or invalid
 *   (negative numbers included), so the caller falls back to its backoff.
 */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (DELAY_RE.test(trimmed)) return Math.ceil(Number(trimmed) * MS_PER_SECOND);
  if (!HTTP_DATE_RE.test(trimmed)) return undefined;
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil(dateMs - nowMs));
}

/**
 * The delay a response asks for: `retry-after-ms` (a de-facto header of a number of ms, sent
 * by Azure and OpenAI) when valid, as it is the more precise, else `Retry-After`; `undefined`
 * when neither says.
 */
export function serverRetryDelayMs(headers: Headers, nowMs: number): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms !== undefined && DELAY_RE.test(ms)) return Math.ceil(Number(ms));
  return parseRetryAfterMs(headers.get("retry-after"), nowMs);
}
