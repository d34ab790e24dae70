/**
 * The spec's servers (top-level, path-level and operation-level) with their `{variables}`:
 * each variable's default and enum become a typed client option (`serverVariables`).
 */
import type { LoadContext } from "./context.js";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import type { ServerModel, ServerVariableModel } from "./model.js";

/**
 * The servers of a `servers` list at `at` (segments of its JSON pointer). A server
 * whose URL is not absolute is dropped with a warning when `absoluteOnly` (an
 * operation's: the client's server is used instead).
 */
export function readServers(ctx: LoadContext, list: unknown, at: readonly (string | number)[], absoluteOnly = false): ServerModel[] {
  const servers: ServerModel[] = [];
  for (const [i, raw] of (Array.isArray(list) ? list : []).entries()) {
    if (!isRecord(raw) || typeof raw.url !== "string") continue;
    const where = pointer(...at, i);
    if (absoluteOnly && !/^https?:\/\/|^\{[^}]+\}:\/\//i.test(raw.url)) {
      ctx.warn("servers", `${where}: server ${raw.url} is not an absolute http(s) URL; the operation is sent to the client's server`);
      continue;
    }
    const variables = readVariables(ctx, raw, where);
    servers.push({
      url: raw.url,
      ...(typeof raw.description === "string" ? { description: raw.description } : {}),
      ...(Object.keys(variables).length > 0 ? { variables } : {}),
    });
  }
  return servers;
}

function readVariables(ctx: LoadContext, server: Record<string, unknown>, where: string): Record<string, ServerVariableModel> {
  const declared = isRecord(server.variables) ? server.variables : {};
  const variables: Record<string, ServerVariableModel> = {};
  for (const [name, raw] of Object.entries(declared)) {
    if (!isRecord(raw)) continue;
    const values = Array.isArray(raw.enum) ? raw.enum.filter((v) => ["string", "number", "boolean"].includes(typeof v)).map(String) : undefined;
    const fallback = raw.default === undefined ? values?.[0] : String(raw.default);
    if (fallback === undefined) {
      ctx.warn("servers", `${where}/variables/${name}: has no default; the client requires serverVariables.${name} or serverURL`);
    } else if (values && values.length > 0 && !values.includes(fallback)) {
      ctx.warn("servers", `${where}/variables/${name}: its default ${JSON.stringify(fallback)} is not one of its enum values; it is allowed too`);
    }
    const allowed = values && values.length > 0 ? (fallback === undefined || values.includes(fallback) ? values : [fallback, ...values]) : undefined;
    variables[name] = {
      ...(fallback !== undefined ? { default: fallback } : {}),
      ...(allowed ? { enum: allowed } : {}),
      ...(typeof raw.description === "string" ? { description: raw.description } : {}),
    };
  }
  for (const [, name] of String(server.url).matchAll(/\{([^}]+)\}/g)) {
    if (!(name! in variables)) ctx.warn("servers", `${where}: its URL's {${name}} is not among its variables; the client requires serverURL`);
  }
  return variables;
}
