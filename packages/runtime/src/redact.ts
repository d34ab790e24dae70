/**
 * Leaf: imports nothing.
 *
 * Scrubbing credentials out of text the SDK shows: error messages and bodies, debug
 * log lines, URLs. A credential is known by its value (what the call sent) or by the
 * name of the header or query parameter carrying it.
 */

export const REDACTED = "[REDACTED]";
/** Parts of a credential shorter than this are not scrubbed on their own ("Bearer", "Basic"). */
const MIN_SECRET_PART_CHARS = 8;
/** Names of headers and query parameters whose values are credentials. */
const SENSITIVE_NAME_RE = /auth|cookie|key|token|secret|signature|password|credential/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME_RE.test(name);
}

/**
 * The strings to scrub for `secrets`: each whole, then its long whitespace-separated
 * parts (the token of `Bearer <token>`), each also percent-encoded and JSON-escaped;
 * longest first so a whole credential goes before its parts are looked for.
 */
export function secretPatterns(secrets: readonly string[]): string[] {
  const parts = secrets.flatMap((secret) => [
    secret,
    ...secret.split(/\s+/).filter((part) => part.length >= MIN_SECRET_PART_CHARS),
  ]);
  // A server may echo a credential as it arrived (percent-encoded in a URL) or inside JSON.
  const forms = parts.flatMap((part) => [
    part,
    encodeURIComponent(part),
    new URLSearchParams({ x: part }).toString().slice(2),
    JSON.stringify(part).slice(1, -1),
  ]);
  return [...new Set(forms.filter(Boolean))].sort((a, b) => b.length - a.length);
}

/** The latest secrets asked for (joined) and their patterns: a client sends the same credentials call after call. */
let last: readonly [string, string[]] | undefined;

/** `text` with every credential of `secrets` (and its long parts) replaced by `[REDACTED]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return scrubber(secrets)(text);
}

/** A function scrubbing `secrets` from a text; its patterns are worked out once. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const key = secrets.join("\0");
  if (last?.[0] !== key) last = [key, secretPatterns(secrets)];
  const patterns = last[1];
  return (text) => patterns.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
}

/** A parsed JSON value with credentials scrubbed from every string in it, keys included. */
export function redactValue(value: unknown, secrets: readonly string[] | ((text: string) => string)): unknown {
  if (Array.isArray(secrets) && secrets.length === 0) return value;
  const scrub = typeof secrets === "function" ? secrets : scrubber(secrets as readonly string[]);
  const walk = (item: unknown): unknown => {
    if (typeof item === "string") return scrub(item);
    if (Array.isArray(item)) return item.map(walk);
    // fromEntries defines its properties: a key named __proto__ stays a plain own property.
    if (typeof item === "object" && item !== null) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [scrub(key), walk(inner)]));
    return item;
  };
  return walk(value);
}

/** `url` with the values of credential query parameters replaced, for logs and `rawResponse.url`. */
export function redactUrl(url: string, extraNames: readonly string[] = []): string {
  // Nothing to scrub without a query or user info: skip the parse (every call's response URL passes here).
  if (!url.includes("?") && !url.includes("@")) return url;
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
