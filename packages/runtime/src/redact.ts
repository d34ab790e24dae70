/**
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
  return [...new Set(forms.filter((form) => form !== ""))].sort((a, b) => b.length - a.length);
}

/** `text` with every credential of `secrets` (and its long parts) replaced by `[REDACTED]`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secretPatterns(secrets).reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** A parsed JSON value with credentials scrubbed from every string in it, keys included. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a key named __proto__ stays a plain own property.
      Object.defineProperty(out, redactSecrets(key, secrets), { value: redactValue(item, secrets), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** `url` with the values of credential query parameters replaced, for logs and `rawResponse.url`. */
export function redactUrl(url: string, extraNames: readonly string[] = []): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.username = "";
  parsed.password = "";
  let changed = false;
  for (const name of new Set(parsed.searchParams.keys())) {
    if (isSensitiveName(name) || extraNames.includes(name)) {
      parsed.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed || url !== parsed.toString() ? parsed.toString() : url;
}

/** Origin and path only: what error `url` fields carry. */
export function urlWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? "";
  }
}

/** Headers as a plain object for a log line, credential values replaced. */
export function redactHeaders(headers: Headers, extraNames: readonly string[] = []): Record<string, string> {
  const lowerExtra = extraNames.map((name) => name.toLowerCase());
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = isSensitiveName(name) || lowerExtra.includes(name) ? REDACTED : value;
  });
  return out;
}
