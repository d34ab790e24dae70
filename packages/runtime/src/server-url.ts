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
import { invalid } from "./checks.js";
import { SDKValidationError } from "./errors.js";
import type { SDKDefinition } from "./definition.js";
import { missingFeature, type ServerFiller } from "./feature-contract.js";
import type { ServerSpec } from "./operation.js";

/** The spec's first server is its default. */
export const DEFAULT_SERVER_IDX = 0;

/**
 * `serverURL` wins over `serverIdx` and `serverVariables`; the result has no trailing slash.
 * `server` fills the spec's servers: the `serverVariables` feature's, or one for a spec
 * without `{variables}` (which takes the URL as the spec writes it). `serverIdx` is an
 * integer, if given (the client's options table checks it).
 */
export function resolveServerURL(definition: SDKDefinition, serverURL: unknown, serverIdx: unknown, server: ServerFiller = serverFiller(definition, undefined)): string {
  const at = definition.sdkName;
  if (serverURL !== undefined) return checkedURL(serverURL, at, "serverURL");
  const { servers } = definition;
  const idx = (serverIdx as number | undefined) ?? DEFAULT_SERVER_IDX;
  const spec = servers[idx];
  if (spec === undefined) throw invalid(at, "serverIdx", `${idx} is not one of the spec's ${servers.length} servers; pass serverURL`);
  return server(spec, at, `server ${idx} of the spec`, "serverIdx");
}

/**
 * The filler of a client's servers, from its `serverVariables` (an object or nothing: the
 * client's options table checks that much; the feature checks the rest).
 */
export function serverFiller(definition: SDKDefinition, given: unknown): ServerFiller {
  return (definition.features?.serverVariables ?? plainServers)(given, definition.sdkName);
}

/** The servers of a spec without `{variables}` (no `serverVariables` feature), taken as the spec writes them. */
export function plainServers(): ServerFiller {
  return (server, at, where, field) => {
    if (server.variables) throw missingFeature(at, "serverVariables", `${where} (${server.url}), with {variables},`);
    return specServerURL(server.url, server, at, where, field);
  };
}

/**
 * A base URL, checked; the result has no trailing slash. `name` says whose it is in messages,
 * which never quote a URL given by the user (`field`, by default); `hint` ends them.
 */
export function checkedURL(url: unknown, at: string, field: string, name = field, hint = ""): string {
  if (!isBaseURL(url)) throw new SDKValidationError(`${at}: ${name} must be an absolute http(s) URL without credentials, query or fragment${hint}`, field);
  return (url as string).trim().replace(/\/+$/, "");
}

/**
 * The `serverVariables` feature (servers with `{variables}`): checks the client's
 * `serverVariables` (each value a string; the client's options table checked that it is an
 * object, or nothing) and fills each server's `{variables}` with the caller's value (which
 * must be one of the variable's enum, when it has one) or the spec's default.
 */
export function serverVariables(value: unknown, at: string): ServerFiller {
  const given = (value ?? {}) as Readonly<Record<string, unknown>>;
  for (const [name, v] of Object.entries(given)) {
    if (v !== undefined && typeof v !== "string") throw invalid(at, `serverVariables.${name}`, "must be a string");
  }
  return (server, at, where, field) => serverBase(server, given as Readonly<Record<string, string | undefined>>, at, where, field);
}

/** A spec server's URL with its `{variables}` filled from `given`. `where` names the server. */
export function serverBase(server: ServerSpec, given: Readonly<Record<string, string | undefined>>, at: string, where: string, field: string): string {
  const declared = server.variables ?? {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name];
    if (value !== undefined && spec.enum && !spec.enum.includes(value)) {
      throw invalid(at, `serverVariables.${name}`, `must be one of ${spec.enum.map((v) => JSON.stringify(v)).join(", ")} (${where})`);
    }
  }
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => given[name] ?? declared[name]?.default ?? whole);
  return specServerURL(url, server, at, where, field);
}

/** A spec server's URL (its variables filled), checked; messages name the server as the spec writes it. */
const specServerURL = (url: string, server: ServerSpec, at: string, where: string, field: string): string =>
  checkedURL(url, at, field, `${where} (${server.url})`, "; pass serverURL");

/**
 * An absolute http(s) URL with no user info (fetch rejects such URLs with an error quoting
 * them, credentials and all), query or fragment, and no `{` or `}` (WHATWG URLs accept braces
 * in host names, so an unfilled variable would pass as is).
 */
function isBaseURL(url: unknown): boolean {
  try {
    const parsed = new URL((url as string).trim());
    return /^https?:$/.test(parsed.protocol) && !(parsed.username || parsed.password || parsed.search || parsed.hash || /[{}]/.test(url as string));
  } catch {
    // Not a string (it has no trim), or not a URL.
    return false;
  }
}
