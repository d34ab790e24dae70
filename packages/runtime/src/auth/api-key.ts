/** apiKey schemes: the value as a header, a query parameter or a cookie. */
import type { ApiKeySchemeSpec } from "../operation.js";
import { cookieHeader } from "../params/header.js";

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

/**
 * The `cookieApiKey` feature (apiKey schemes `in: cookie`): the credentials added to the
 * request's `Cookie` header, unless the caller set a `Cookie` header for this call.
 */
export function cookieApiKey(request: Request, cookies: Readonly<Record<string, string>>, overridden: ReadonlySet<string> | undefined): Request {
  const pairs = Object.entries(cookies).map(([name, value]) => `${name}=${value}`);
  const cookie = overridden?.has("cookie") || pairs.length === 0 ? undefined : cookieHeader(pairs, request.headers.get("cookie") ?? undefined);
  if (cookie !== undefined) request.headers.set("Cookie", cookie);
  return request;
}

/** The `queryApiKey` feature (apiKey schemes `in: query`): the request rebuilt with the credentials in its query. */
export function queryApiKey(request: Request, query: Readonly<Record<string, string>>): Request | Promise<Request> {
  const pairs = Object.entries(query);
  if (pairs.length === 0) return request;
  const url = new URL(request.url);
  url.search = withQueryCredentials(url.search, pairs);
  const rebuilt = (body: ArrayBuffer | null) => new Request(url, { method: request.method, headers: request.headers, body, redirect: request.redirect, signal: request.signal });
  return request.body === null ? rebuilt(null) : request.arrayBuffer().then(rebuilt);
}

/**
 * The query with each credential set (any pair of that name replaced), leaving every other
 * pair exactly as the parameter serializers wrote it: URLSearchParams would re-encode them
 * all (`,` as `%2C`, `%20` as `+`), changing the wire format of styled parameters.
 */
export function withQueryCredentials(search: string, credentials: readonly (readonly [string, string])[]): string {
  const names = new Set(credentials.map(([name]) => name));
  const nameOf = (pair: string): string => {
    const raw = pair.split("=")[0] ?? "";
    try {
      return decodeURIComponent(raw.replace(/\+/g, " "));
    } catch {
      return raw;
    }
  };
  const kept = search.replace(/^\?/, "").split("&").filter((pair) => pair !== "" && !names.has(nameOf(pair)));
  const added = credentials.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return [...kept, ...added].join("&");
}
