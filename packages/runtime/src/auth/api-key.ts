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
