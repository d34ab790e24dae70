/**
 * A call's Request, from what the core has serialized: the runtime's one use of
 * openapi-fetch (pinned, behind this seam; see ARCHITECTURE.md). Its header rule
 * (`mergeHeaders`: later sources win whatever the case of a name, `null` removes one) and
 * its base-URL rule (`removeTrailingSlash`) are the request's; its client is not on the
 * request path, since the runtime serializes parameters and bodies, sends attempts and reads
 * responses itself.
 */
import { mergeHeaders, removeTrailingSlash } from "openapi-fetch";
import type { WireBody } from "./body-encodings.js";

export interface RequestParts {
  /** The operation's method, any case. */
  readonly method: string;
  /** Where the call goes: a base URL, a trailing slash allowed. */
  readonly baseUrl: string;
  /** Path and query, already encoded. */
  readonly url: string;
  /** Headers by precedence, lowest first: the SDK's own, then the caller's, then header parameters. */
  readonly headers: readonly (Record<string, string> | undefined)[];
  readonly body: WireBody | undefined;
}

/** @param signal the attempt's; none when fetch takes it in its `init` */
export function buildRequest(parts: RequestParts, signal: AbortSignal | undefined): Request {
  const { body } = parts;
  const init: RequestInit & { duplex?: "half" } = {
    method: parts.method.toUpperCase(),
    headers: mergeHeaders(...parts.headers),
    body,
    signal,
  };
  // fetch sends a stream body only with duplex "half".
  if (body instanceof ReadableStream) init.duplex = "half";
  return new Request(removeTrailingSlash(parts.baseUrl) + parts.url, init);
}
