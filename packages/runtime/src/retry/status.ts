/** Which HTTP statuses a retry policy covers. */

const EXACT_RE = /^\d{3}$/;
const RANGE_RE = /^([1-5])XX$/i;

/**
 * @param codes as a spec lists them: `429`, `"429"` or a range such as `"5XX"`
 *   (case-insensitive). Anything else matches nothing.
 */
export function isRetryableStatus(status: number, codes: readonly (number | string)[]): boolean {
  return codes.some((code) => statusMatches(status, code));
}

/** Also used to pick a documented error class for a range key such as `"4XX"`. */
export function statusMatches(status: number, code: number | string): boolean {
  if (typeof code === "number") return code === status;
  const text = code.trim();
  if (EXACT_RE.test(text)) return Number(text) === status;
  const range = RANGE_RE.exec(text);
  return range !== null && Math.floor(status / 100) === Number(range[1]);
}
