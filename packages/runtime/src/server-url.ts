/** Which base URL an SDK client talks to. */
import { SDKValidationError } from "./errors.js";
import type { SDKDefinition } from "./operation.js";

/** The spec's first server is its default. */
export const DEFAULT_SERVER_IDX = 0;

/** `serverURL` wins over `serverIdx`; the result has no trailing slash. */
export function resolveServerURL(definition: SDKDefinition, serverURL: unknown, serverIdx: unknown): string {
  const at = definition.sdkName;
  if (serverIdx !== undefined && !Number.isInteger(serverIdx)) {
    throw new SDKValidationError(`${at}: serverIdx must be an integer`, "serverIdx");
  }
  if (serverURL !== undefined) {
    if (typeof serverURL !== "string") throw new SDKValidationError(`${at}: serverURL must be a string`, "serverURL");
    const problem = urlProblem(serverURL);
    if (problem) throw new SDKValidationError(`${at}: serverURL ${problem}`, "serverURL");
    return serverURL.trim().replace(/\/+$/, "");
  }
  const { servers } = definition;
  const idx = (serverIdx as number | undefined) ?? DEFAULT_SERVER_IDX;
  const server = servers[idx];
  if (server === undefined) {
    const have = servers.length ? `the spec lists servers 0..${servers.length - 1}` : "the spec lists no servers";
    throw new SDKValidationError(`${at}: serverIdx ${idx} is out of range (${have}); pass serverURL`, "serverIdx");
  }
  const problem = urlProblem(server.url);
  if (problem) {
    throw new SDKValidationError(`${at}: server ${idx} of the spec (${server.url}) ${problem}; pass serverURL`, "serverIdx");
  }
  return server.url.trim().replace(/\/+$/, "");
}

function urlProblem(url: string): string | undefined {
  // WHATWG URLs accept braces in host names, so a spec's server variables would pass as is.
  if (/[{}]/.test(url)) return "has {variables}, which the runtime does not fill in";
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return "must be an absolute http(s) URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "must be an absolute http(s) URL";
  // fetch rejects such URLs with an error quoting them, credentials and all.
  if (parsed.username || parsed.password) return "must not contain credentials; pass them in security";
  if (parsed.search || parsed.hash) return "must not have a query string or fragment";
  return undefined;
}
