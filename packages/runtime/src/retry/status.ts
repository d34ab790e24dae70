/** Which HTTP statuses a retry policy covers. */

/** A status (`429`) or a range (`5XX`, case-insensitive; group 2 is set for a range). retry/config.ts checks a policy's codes by it. */
export const STATUS_CODE_RE = /^([1-5])(?:\d\d|(XX))$/i;

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
  const match = STATUS_CODE_RE.exec(code.trim());
  return match !== null && (match[2] ? Math.floor(status / 100) === Number(match[1]) : Number(match[0]) === status);
}
