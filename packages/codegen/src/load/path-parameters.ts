/**
 * Path templates and path parameters that disagree, settled before anything reads the
 * document (openapi-typescript included, so the types and the runtime agree): a `{name}` of
 * the template with no declared parameter becomes a required string path parameter, and a
 * declared path parameter the template does not use is left out. Each with a warning.
 */
import type { LoadContext } from "./context.js";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import { pathItemOperations } from "./path-items.js";

/** Rewrites `document` in place (the loader's own copy). */
export function normalizePathParameters(ctx: LoadContext): void {
  const document = ctx.document;
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    if (!isRecord(rawItem) || typeof rawItem.$ref === "string") continue;
    const item = rawItem;
    const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const isPathParam = (raw: unknown) => ctx.deref(raw)?.in === "path";
    const nameOf = (raw: unknown) => ctx.deref(raw)?.name;
    const dropUnused = (list: unknown, at: string): unknown => {
      if (!Array.isArray(list)) return list;
      return list.filter((raw, i) => {
        if (!isPathParam(raw) || inTemplate.includes(String(nameOf(raw)))) return true;
        ctx.warn("path-parameters", `${at}/parameters/${i}: path parameter "${String(nameOf(raw))}" does not appear in the path ${path}; left out`);
        return false;
      });
    };
    if (Array.isArray(item.parameters)) item.parameters = dropUnused(item.parameters, pointer("paths", path));
    const shared = Array.isArray(item.parameters) ? item.parameters.filter(isPathParam).map(nameOf) : [];
    for (const { op, segments } of pathItemOperations(item).operations) {
      const at = pointer("paths", path, ...segments);
      if (Array.isArray(op.parameters)) op.parameters = dropUnused(op.parameters, at);
      const declared = new Set([...shared, ...(Array.isArray(op.parameters) ? op.parameters.filter(isPathParam).map(nameOf) : [])]);
      const missing = [...new Set(inTemplate)].filter((name) => !declared.has(name));
      if (missing.length === 0) continue;
      op.parameters = [...(Array.isArray(op.parameters) ? op.parameters : []), ...missing.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }))];
      for (const name of missing) ctx.warn("path-parameters", `${at}: the path's {${name}} has no path parameter; generated as a required string path parameter`);
    }
  }
}
