/** apiKey schemes: the value as a header, a query parameter or a cookie. */
import type { ApiKeySchemeSpec } from "../operation.js";

export interface Placement {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Cookie name → value, joined into one `Cookie` header. */
  cookies: Record<string, string>;
}

export function placeApiKey(scheme: ApiKeySchemeSpec, value: string, into: Placement): void {
  if (scheme.in === "header") into.headers[scheme.name] = value;
  else if (scheme.in === "query") into.query[scheme.name] = value;
  else into.cookies[scheme.name] = value;
}

/** `a=1; b=2`, appended to a `Cookie` header the request already has. */
export function cookieHeader(cookies: Record<string, string>, existing: string | null): string | undefined {
  const pairs = Object.entries(cookies).map(([name, value]) => `${name}=${value}`);
  if (pairs.length === 0) return undefined;
  return [...(existing ? [existing] : []), ...pairs].join("; ");
}
