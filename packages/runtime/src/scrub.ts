/**
 * Scrubbing credentials, known by their values (what the call sent), out of text the SDK
 * shows: error bodies and messages. Only a call that fails or validates needs it, so it is
 * loaded by a dynamic `import()` (failure.ts, the core, the OAuth2 token step): a lazy
 * chunk of an app. It imports nothing at run time, or the bundler would split what it
 * imports into a chunk every app loads.
 */

/** What a credential is replaced by: redact.ts's REDACTED (a test keeps them equal). */
export const REDACTED = "[REDACTED]";

/** Parts of a credential shorter than this are not scrubbed on their own ("Bearer", "Basic"). */
const MIN_SECRET_PART_CHARS = 8;

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
