/**
 * Which base URL an SDK client talks to, and where one operation goes.
 *
 * Servers: `serverURL` (a full URL) wins over everything; otherwise `serverIdx` picks one of
 * the spec's servers and its `{variables}` are filled from `serverVariables` (each checked
 * against the variable's enum), the spec's default for any left out. An operation whose
 * path item or operation lists servers of its own goes to the first of them (variables
 * filled the same way), unless the client was given `serverURL`, or the call passes one:
 * an explicit URL always wins over the spec's choice.
 */
import { SDKValidationError } from "./errors.js";
import type { SDKDefinition } from "./definition.js";
import { isPlainObject } from "./guards.js";
import type { ServerSpec } from "./operation.js";

/** The spec's first server is its default. */
export const DEFAULT_SERVER_IDX = 0;

/** `serverURL` wins over `serverIdx` and `serverVariables`; the result has no trailing slash. */
export function resolveServerURL(definition: SDKDefinition, serverURL: unknown, serverIdx: unknown, serverVariables?: unknown): string {
  const at = definition.sdkName;
  if (serverIdx !== undefined && !Number.isInteger(serverIdx)) {
    throw new SDKValidationError(`${at}: serverIdx must be an integer`, "serverIdx");
  }
  const variables = checkServerVariables(serverVariables, at);
  if (serverURL !== undefined) return checkedURL(serverURL, at, "serverURL");
  const { servers } = definition;
  const idx = (serverIdx as number | undefined) ?? DEFAULT_SERVER_IDX;
  const server = servers[idx];
  if (server === undefined) {
    const have = servers.length ? `the spec lists servers 0..${servers.length - 1}` : "the spec lists no servers";
    throw new SDKValidationError(`${at}: serverIdx ${idx} is out of range (${have}); pass serverURL`, "serverIdx");
  }
  return serverBase(server, variables, at, `server ${idx} of the spec`, "serverIdx");
}

/** A `serverURL` given by the user, checked; messages never quote it. */
export function checkedURL(url: unknown, at: string, field: string): string {
  if (typeof url !== "string") throw new SDKValidationError(`${at}: ${field} must be a string`, field);
  const problem = urlProblem(url);
  if (problem) throw new SDKValidationError(`${at}: ${field} ${problem}`, field);
  return url.trim().replace(/\/+$/, "");
}

/** `serverVariables`: an object of strings, or nothing. */
export function checkServerVariables(value: unknown, at: string): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new SDKValidationError(`${at}: serverVariables must be an object of strings`, "serverVariables");
  for (const [name, v] of Object.entries(value)) {
    if (v !== undefined && typeof v !== "string") throw new SDKValidationError(`${at}: serverVariables.${name} must be a string`, `serverVariables.${name}`);
  }
  return value as Record<string, string>;
}

/**
 * A spec server's URL with its `{variables}` filled: the caller's value (which must be one
 * of the variable's enum, when it has one) or the spec's default. `where` names the server.
 */
export function serverBase(server: ServerSpec, given: Readonly<Record<string, string | undefined>>, at: string, where: string, field: string): string {
  const declared = server.variables ?? {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name];
    if (value !== undefined && spec.enum && !spec.enum.includes(value)) {
      throw new SDKValidationError(`${at}: serverVariables.${name} must be one of ${spec.enum.map((v) => JSON.stringify(v)).join(", ")} (${where})`, `serverVariables.${name}`);
    }
  }
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => given[name] ?? declared[name]?.default ?? whole);
  const problem = urlProblem(url);
  if (problem) throw new SDKValidationError(`${at}: ${where} (${server.url}) ${problem}; pass serverURL`, field);
  return url.trim().replace(/\/+$/, "");
}

function urlProblem(url: string): string | undefined {
  // WHATWG URLs accept braces in host names, so an unfilled variable would pass as is.
  if (/[{}]/.test(url)) return "has {variables} the spec gives no default for";
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
