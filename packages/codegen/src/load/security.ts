/**
 * Security schemes and requirements: each scheme the runtime can apply becomes a field
 * of the client's `security` option; requirements name those fields (camel-cased from
 * the scheme names) with their OAuth2 scopes.
 */
import type { LoadContext } from "./context.js";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import type { Resource, SecurityRequirement, SecurityScheme } from "./model.js";
import { camelCase } from "./naming.js";

type Scheme = SecurityScheme;
/** A scheme as read, before its summary is added (each member of the union without it). */
type Unsummarised = SecurityScheme extends infer S ? (S extends SecurityScheme ? Omit<S, "summary"> : never) : never;
type Base = Pick<Scheme, "schemeName" | "field" | "description" | "required" | "deprecated">;

export function readSecuritySchemes(ctx: LoadContext): SecurityScheme[] {
  const components = isRecord(ctx.document.components) ? ctx.document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const result: SecurityScheme[] = [];
  for (const [schemeName, raw] of Object.entries(schemes)) {
    const scheme = ctx.deref(raw) ?? {};
    const base: Base = {
      schemeName,
      field: camelCase(schemeName),
      required: false,
      ...(typeof scheme.description === "string" ? { description: scheme.description } : {}),
      ...(scheme.deprecated === true ? { deprecated: true as const } : {}),
    };
    const read = readScheme(scheme, base);
    if (read?.kind === "oauth2") warnUnrunFlows(ctx, schemeName, scheme);
    if (read) result.push({ ...read, summary: describeScheme(read) } as SecurityScheme);
    else {
      ctx.warn("security",
        `${pointer("components", "securitySchemes", schemeName)}: only apiKey (header, query, cookie), HTTP basic and bearer, ` +
        "OAuth2 and OpenID Connect schemes are supported; left out of the client's security (send its credential with a beforeRequest hook or options.headers)",
      );
    }
  }
  return result;
}

/** What each scheme needs from the caller, for docs, messages and spec:diff. */
function describeScheme(scheme: Unsummarised): string {
  switch (scheme.kind) {
    case "apiKey":
      return `${scheme.in === "query" ? "query parameter" : scheme.in} ${scheme.name}`;
    case "basic":
      return "HTTP basic (username and password)";
    case "bearer":
      return "HTTP bearer token";
    case "oauth2":
      return scheme.tokenUrl === undefined ? "OAuth2 token" : `OAuth2 client credentials (token from ${scheme.tokenUrl})`;
    case "openIdConnect":
      return "OpenID Connect token";
  }
}

function readScheme(scheme: Record<string, unknown>, base: Base): Unsummarised | undefined {
  if (scheme.type === "apiKey") {
    const where = scheme.in;
    if ((where !== "header" && where !== "query" && where !== "cookie") || typeof scheme.name !== "string") return undefined;
    return { ...base, kind: "apiKey", in: where, name: scheme.name };
  }
  if (scheme.type === "http") {
    const kind = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "";
    return kind === "basic" || kind === "bearer" ? { ...base, kind } : undefined;
  }
  if (scheme.type === "oauth2") {
    const flows = isRecord(scheme.flows) ? scheme.flows : {};
    const cc = isRecord(flows.clientCredentials) ? flows.clientCredentials : {};
    const metadata = typeof scheme.oauth2MetadataUrl === "string" ? { metadataUrl: scheme.oauth2MetadataUrl } : {};
    if (typeof cc.tokenUrl !== "string") return { ...base, kind: "oauth2", ...metadata };
    const otherFlows = Object.keys(flows).some((flow) => flow !== "clientCredentials");
    return { ...base, kind: "oauth2", tokenUrl: cc.tokenUrl, ...(otherFlows ? { acceptsToken: true } : {}), ...metadata };
  }
  if (scheme.type === "openIdConnect") return { ...base, kind: "openIdConnect" };
  return undefined;
}

/**
 * OpenAPI 3.2's device authorization flow (RFC 8628) needs a person at another device, which an
 * SDK call cannot wait for: the scheme takes the token the application obtained that way.
 */
function warnUnrunFlows(ctx: LoadContext, schemeName: string, scheme: Record<string, unknown>): void {
  const flows = isRecord(scheme.flows) ? scheme.flows : {};
  if (!isRecord(flows.deviceAuthorization)) return;
  ctx.warn("security",
    `${pointer("components", "securitySchemes", schemeName, "flows", "deviceAuthorization")}: the OAuth2 device authorization flow is not run by the SDK; ` +
    `security.${camelCase(schemeName)} takes the access token your application obtains with it (or a function returning one)`);
}

/** A `security` list as requirements keyed by field; `undefined` when `raw` is not a list. */
export function readRequirements(raw: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isRecord).map((requirement) =>
    Object.fromEntries(Object.entries(requirement).map(([name, scopes]) => [
      camelCase(schemeNameOf(name)),
      Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [],
    ])),
  );
}

/**
 * A requirement names a scheme of `components/securitySchemes`; OpenAPI 3.2 also lets it name
 * one by URI (`#/components/securitySchemes/oauth`), which means the same scheme.
 */
function schemeNameOf(key: string): string {
  const match = /^#\/components\/securitySchemes\/([^/]+)$/.exec(key);
  return match ? decodeURIComponent(match[1]!).replaceAll("~1", "/").replaceAll("~0", "~") : key;
}

/**
 * A field is required only when the spec has exactly one scheme and every operation
 * needs it (each of its alternatives names it); otherwise every field is optional.
 */
export function markRequired(
  schemes: SecurityScheme[], security: readonly SecurityRequirement[] | undefined, resources: readonly Resource[],
): SecurityScheme[] {
  const [only] = schemes;
  if (schemes.length !== 1 || !only) return schemes;
  const everyOperationNeedsIt = resources.every((r) => r.operations.every((op) => {
    const alternatives = op.security ?? security ?? [];
    return alternatives.length > 0 && alternatives.every((alternative) => only.field in alternative);
  }));
  return [{ ...only, required: everyOperationNeedsIt }];
}
