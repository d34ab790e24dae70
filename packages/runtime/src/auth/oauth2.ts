/**
 * OAuth2 client credentials: a token from the spec's `tokenUrl`, cached per client
 * until shortly before it expires. Concurrent calls share one token request; a 401
 * from the API drops the token it answered so the next attempt fetches a fresh one.
 */
import { OAuth2TokenError, SDKValidationError } from "../errors.js";
import { isPlainObject } from "../guards.js";
import { urlWithoutQuery } from "../redact.js";
import { base64 } from "./basic.js";
import { bearerHeader } from "./bearer.js";

/** A token is refreshed this long before its `expires_in` runs out… */
export const TOKEN_EXPIRY_MARGIN_MS = 30_000;
/** …or, for a token living less than twice the margin, at this fraction of its lifetime. */
export const SHORT_TOKEN_REFRESH_RATIO = 0.5;
/** How much of a failed token response's `error` code a message quotes. */
const ERROR_CODE_MAX_CHARS = 100;

export interface ClientCredentials {
  clientID: string;
  clientSecret: string;
}

export interface TokenRequest extends ClientCredentials {
  /** Absolute URL of the token endpoint. */
  tokenUrl: string;
  scopes: readonly string[];
}

export interface TokenFetchOptions {
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  /** Prefixes messages, e.g. the SDK name. */
  context: string;
  log?: (line: string) => void;
  now?: () => number;
}

interface Entry {
  token: Promise<string>;
  /** The token, once it arrived. */
  value?: string;
  /** When to fetch a new one (ms since the epoch); Infinity until the token arrives, or when it has no `expires_in`. */
  refreshAtMs: number;
}

/** Where a token goes: the request's headers, the secrets scrubbed from messages, the cached tokens a 401 drops. */
export interface AppliedToken {
  headers: Record<string, string>;
  secrets: string[];
  cachedTokens: string[];
}

export class TokenCache {
  readonly #entries = new Map<string, Entry>();

  /** A valid token for `request`: the cached one, the one being fetched, or a new one. */
  get(request: TokenRequest, options: TokenFetchOptions): Promise<string> {
    const now = options.now ?? Date.now;
    const key = JSON.stringify([request.tokenUrl, request.clientID, request.clientSecret, [...request.scopes].sort()]);
    const cached = this.#entries.get(key);
    if (cached && now() < cached.refreshAtMs) return cached.token;
    const entry: Entry = { token: Promise.resolve(""), refreshAtMs: Infinity };
    entry.token = fetchToken(request, options).then(
      ({ token, lifetimeMs }) => {
        entry.value = token;
        entry.refreshAtMs = lifetimeMs === undefined ? Infinity : now() + refreshAfterMs(lifetimeMs);
        return token;
      },
      (error: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw error;
      },
    );
    this.#entries.set(key, entry);
    return entry.token;
  }

  /**
   * A token for a scheme's `{ clientID, clientSecret }` (`value`, checked), from the cache or
   * its token URL (relative to `serverURL`), sent as a bearer token (`applied`'s Authorization
   * header) and listed among the cached tokens a 401 drops. The secret joins `applied.secrets`
   * before anything can fail, the token once it came, so no message or log line shows either.
   */
  async authorize(value: Record<string, unknown>, tokenUrl: string, serverURL: string, scopes: readonly string[], field: string, applied: AppliedToken, options: TokenFetchOptions): Promise<void> {
    const { secrets } = applied;
    const { clientID, clientSecret } = value;
    if (typeof clientID !== "string" || typeof clientSecret !== "string") {
      throw new SDKValidationError(`${options.context}: ${field} must be { clientID: string; clientSecret: string }, or a token`, field);
    }
    secrets.push(clientSecret);
    const token = await this.get({ tokenUrl: new URL(tokenUrl, `${serverURL.replace(/\/+$/, "")}/`).toString(), clientID, clientSecret, scopes }, options);
    secrets.push(token);
    applied.cachedTokens.push(token);
    applied.headers.Authorization = bearerHeader(token);
  }

  /** Drops `token` if still cached (the API refused it). @returns whether it was. */
  invalidate(token: string): boolean {
    for (const [key, entry] of this.#entries) {
      if (entry.value === token) {
        this.#entries.delete(key);
        return true;
      }
    }
    return false;
  }
}

/** How long after receipt a token of `lifetimeMs` is refreshed. */
export function refreshAfterMs(lifetimeMs: number): number {
  return lifetimeMs >= 2 * TOKEN_EXPIRY_MARGIN_MS ? lifetimeMs - TOKEN_EXPIRY_MARGIN_MS : lifetimeMs * SHORT_TOKEN_REFRESH_RATIO;
}

/**
 * One token request (RFC 6749 §4.4), the client authenticating with HTTP basic (§2.3.1).
 * @throws OAuth2TokenError; its message names the endpoint and status, never a secret.
 */
export async function fetchToken(request: TokenRequest, options: TokenFetchOptions): Promise<{ token: string; lifetimeMs?: number }> {
  const tokenUrl = urlWithoutQuery(request.tokenUrl);
  const at = `${options.context}: OAuth2 token request to ${tokenUrl}`;
  const basic = `Basic ${base64(`${encodeURIComponent(request.clientID)}:${encodeURIComponent(request.clientSecret)}`)}`;
  const body = new URLSearchParams({ grant_type: "client_credentials" });
  if (request.scopes.length > 0) body.set("scope", request.scopes.join(" "));
  const started = Date.now();
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(new Request(request.tokenUrl, {
      method: "POST",
      headers: { Authorization: basic, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    }));
    text = await response.text();
  } catch (cause) {
    options.log?.(`${at}: failed with no response in ${Date.now() - started} ms`);
    throw new OAuth2TokenError(`${at}: no response`, { tokenUrl, cause: await scrubbedCause(cause, [request.clientSecret, basic]) });
  }
  options.log?.(`${at}: HTTP ${response.status} in ${Date.now() - started} ms`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const fields = isPlainObject(parsed) ? parsed : {};
  const status = response.status;
  if (!response.ok) {
    // Scrubbing is a lazy chunk (scrub.ts), loaded only for a token request that failed.
    const code = typeof fields.error === "string" ? (await import("../scrub.js")).redactSecrets(fields.error, [request.clientSecret]).slice(0, ERROR_CODE_MAX_CHARS) : undefined;
    throw new OAuth2TokenError(`${at}: HTTP ${status}${code ? ` (${code})` : ""}`, { tokenUrl, status, error: code });
  }
  if (parsed === undefined) throw new OAuth2TokenError(`${at}: HTTP ${status} with a body that is not JSON`, { tokenUrl, status });
  if (typeof fields.access_token !== "string" || fields.access_token === "") {
    throw new OAuth2TokenError(`${at}: HTTP ${status} without an access_token`, { tokenUrl, status });
  }
  const expiresIn = Number(fields.expires_in);
  return { token: fields.access_token, ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { lifetimeMs: expiresIn * 1000 } : {}) };
}

/** A transport error's name and code, without a message that could quote the request. */
async function scrubbedCause(cause: unknown, secrets: string[]): Promise<unknown> {
  if (!(cause instanceof Error)) return undefined;
  const code = (cause as { code?: unknown }).code ?? (cause.cause as { code?: unknown } | undefined)?.code;
  const scrubbed = new Error((await import("../scrub.js")).redactSecrets(cause.message, secrets));
  scrubbed.name = cause.name;
  if (typeof code === "string") Object.assign(scrubbed, { code });
  return scrubbed;
}
