/**
 * Leaf: imports nothing.
 *
 * Credentials known by the name of the header or query parameter carrying them, scrubbed
 * from URLs: what every call needs. Scrubbing them by value out of error bodies and
 * messages is scrub.ts's, loaded only when a call fails.
 */

export const REDACTED = "[REDACTED]";
/** Names of headers and query parameters whose values are credentials. */
const SENSITIVE_NAME_RE = /auth|cookie|key|token|secret|signature|password|credential/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME_RE.test(name);
}

/** `url` with the values of credential query parameters replaced, for logs and `rawResponse.url`. */
export function redactUrl(url: string, extraNames: readonly string[] = []): string {
  // Nothing to scrub without a query or user info: skip the parse (every call's response URL passes here).
  if (!/[?@]/.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.username = "";
  parsed.password = "";
  // A copy of the names: `set` replaces every pair of its name as the loop goes.
  for (const name of new Set(parsed.searchParams.keys())) {
    if (isSensitiveName(name) || extraNames.includes(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}

/** Origin and path only: what error `url` fields carry. */
export function urlWithoutQuery(url: string): string {
  // A URL as fetch reports it is already normalised: with no query, fragment or user info, it is the answer.
  if (!/[?#@]/.test(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? "";
  }
}
