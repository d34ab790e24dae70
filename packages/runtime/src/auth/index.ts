/**
 * The one seam the core calls before every attempt: picks the schemes the operation's
 * security alternatives call for (requirements.ts) and turns the caller's credentials
 * into headers, query parameters and cookies, one small module per kind of scheme.
 */
import { invalid, unknownField } from "../checks.js";
import { missingFeature, type RuntimeFeatures } from "../feature-contract.js";
import { isPlainObject } from "../guards.js";
import type { SecurityRequirementSpec, SecuritySchemeSpec } from "../operation.js";
import { isSensitiveName } from "../redact.js";
import { placeApiKey, type Placement } from "./api-key.js";
import { bearerHeader, checkToken, resolveToken } from "./bearer.js";
import type { TokenCache, TokenFetchOptions } from "./oauth2.js";
import { chooseRequirement } from "./requirements.js";

export { TokenCache } from "./oauth2.js";

/** A security object, or a function returning one, called before every attempt so tokens can rotate. */
export type SecuritySource<S> = S | (() => S | Promise<S>);

export interface AppliedSecurity extends Placement {
  /** Every credential sent, so error messages can be scrubbed of them. */
  secrets: string[];
  /** OAuth2 tokens from the cache this attempt sends: a 401 drops them. */
  cachedTokens: string[];
}

export interface SecurityContext {
  schemes: readonly SecuritySchemeSpec[];
  /** The operation's alternatives (its own, else the SDK's); `undefined`: send every credential. */
  requirements: readonly SecurityRequirementSpec[] | undefined;
  /** The client's base URL, which a relative `tokenUrl` is resolved against. */
  serverURL: string;
  /** HTTP basic and OAuth2 client credentials are features the SDK brings (features.ts). */
  features: RuntimeFeatures;
  /** The client's OAuth2 tokens: made by the `clientCredentials` feature, when the SDK brings it. */
  tokens: TokenCache | undefined;
  /** For token requests; `context` prefixes messages (the SDK name). */
  tokenFetch: TokenFetchOptions;
}

export async function resolveSecurity<S>(source: SecuritySource<S> | undefined): Promise<unknown> {
  return typeof source === "function" ? await (source as () => S | Promise<S>)() : source;
}

/**
 * Synchronous when every credential it sends is a string (apiKey and bearer tokens given as
 * values): the common case then costs no promise and no microtask. A bad value it checks
 * synchronously is thrown rather than rejected.
 * @param security the resolved security value; `undefined` or `null` means none.
 * @throws SDKValidationError for a non-object, an unknown field or a value of the wrong
 *   shape; OAuth2TokenError when a token request fails. Messages never include a credential.
 */
export function applySecurity(ctx: SecurityContext, security: unknown): AppliedSecurity | Promise<AppliedSecurity> {
  const applied: AppliedSecurity = { headers: {}, query: {}, cookies: {}, secrets: [], cachedTokens: [] };
  if (security === undefined || security === null) return applied;
  const at = ctx.tokenFetch.context;
  const expected = ctx.schemes.map((scheme) => scheme.field);
  if (!isPlainObject(security)) throw invalid(at, "security", `must be an object like { ${expected.join(", ")} }`);
  const unknown = Object.keys(security).find((key) => !expected.includes(key));
  if (unknown !== undefined) throw unknownField(at, `security.${unknown}`, expected);
  const given = expected.filter((field) => !isEmpty(security[field]));
  const chosen = chooseRequirement(ctx.requirements, given);
  const schemes = ctx.schemes.filter((scheme) => chosen.fields.includes(scheme.field));
  for (const [index, scheme] of schemes.entries()) {
    const value = security[scheme.field];
    if (typeof value === "string" && !isBasic(scheme)) {
      applyToken(scheme, checkToken(value, `security.${scheme.field}`, at), applied);
      continue;
    }
    // A provider function, HTTP basic or OAuth2 client credentials: the rest goes one by one, in order.
    return (async () => {
      for (const rest of schemes.slice(index)) await applyScheme(ctx, rest, security[rest.field], chosen.scopes[rest.field] ?? [], applied);
      return applied;
    })();
  }
  return applied;
}

/** HTTP basic: the one scheme whose value is not a token, sent as it is (apiKey) or as a bearer token. */
function isBasic(scheme: SecuritySchemeSpec): boolean {
  return scheme.type === "http" && scheme.scheme === "basic";
}

function applyToken(scheme: SecuritySchemeSpec, token: string | undefined, applied: AppliedSecurity): void {
  if (token === undefined) return;
  applied.secrets.push(token);
  if (scheme.type === "apiKey") placeApiKey(scheme, token, applied);
  else applied.headers.Authorization = bearerHeader(token);
}

async function applyScheme(ctx: SecurityContext, scheme: SecuritySchemeSpec, value: unknown, scopes: readonly string[], applied: AppliedSecurity): Promise<void> {
  const at = ctx.tokenFetch.context;
  const field = `security.${scheme.field}`;
  const basic = isBasic(scheme);
  const tokenUrl = scheme.type === "oauth2" ? scheme.tokenUrl : undefined;
  // HTTP basic, and OAuth2 client credentials (an object, not a token), are features.
  if (basic || (tokenUrl !== undefined && isPlainObject(value))) {
    const { basicAuth } = ctx.features;
    if (!(basic ? basicAuth : ctx.tokens)) {
      if (isEmpty(value)) return;
      throw missingFeature(at, basic ? "basicAuth" : "clientCredentials", field);
    }
    return basic ? basicAuth!(value, field, at, applied) : ctx.tokens!.authorize(value as Record<string, unknown>, tokenUrl!, ctx.serverURL, scopes, field, applied, ctx.tokenFetch);
  }
  applyToken(scheme, await resolveToken(value, field, at), applied);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** Values of per-call headers that look like credentials, for scrubbing error messages. */
export function sensitiveHeaderValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => isSensitiveName(name))
    .map(([, value]) => value);
}
