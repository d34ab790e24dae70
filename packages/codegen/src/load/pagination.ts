/**
 * Paged list operations: query parameters `page` and `pageSize`, and a JSON success
 * body with `results` (an array), `pageNumber`, `pageSize` and `totalResults`. Each
 * gets `paging`, so the emitters add `<methodName>All`, which iterates every page.
 */
import { pointer } from "../errors.js";
import type { LoadContext } from "./context.js";
import { isRecord } from "./json.js";
import { sdkPath, type Operation, type Paging, type Resource } from "./model.js";
import { ALL_SUFFIX } from "./type-names.js";

const REQUEST = { page: "page", pageSize: "pageSize" } as const;
const RESPONSE = { results: "results", pageNumber: "pageNumber", pageSize: "pageSize", totalResults: "totalResults" } as const;

/**
 * Sets `paging` on every paged list operation. When `<methodName>All` is already the
 * name of another method of the resource, the iterator is left out, with a warning.
 */
export function markPagedOperations(ctx: LoadContext, resources: readonly Resource[]): Resource[] {
  return resources.map((resource) => {
    // The client's own methods share the class with the resources' properties.
    const members = resource.onClient ? resources.filter((r) => !r.onClient).map((r) => r.property) : [];
    const names = new Set([...resource.operations.map((op) => op.methodName), ...members]);
    const operations = resource.operations.map((op): Operation => {
      const paging = pagingOf(ctx, op);
      if (!paging) return op;
      const all = `${op.methodName}${ALL_SUFFIX}`;
      if (names.has(all)) {
        ctx.warn("pagination",
          `${pointer("paths", op.path, op.method)}: ${sdkPath(resource, op)} is a paged list, but ${sdkPath(resource, { methodName: all })} ` +
          `is already another member's name, so no iterator over every page is generated (rename one with x-speakeasy-name-override)`,
        );
        return op;
      }
      return { ...op, paging };
    });
    return { ...resource, operations };
  });
}

/** The operation's paging, or `undefined` when it is not a paged list. */
export function pagingOf(ctx: LoadContext, op: Operation): Paging | undefined {
  if (op.response.kind !== "json") return undefined;
  const byName = (name: string) => op.parameters.find((p) => p.in === "query" && p.name === name);
  const page = byName(REQUEST.page);
  const pageSize = byName(REQUEST.pageSize);
  if (!page || !pageSize) return undefined;
  const properties = propertiesOf(ctx, op.response.schema);
  const results = ctx.deref(properties.get(RESPONSE.results));
  if (!results || !(results.type === "array" || (Array.isArray(results.type) && results.type.includes("array")))) return undefined;
  for (const key of [RESPONSE.pageNumber, RESPONSE.pageSize, RESPONSE.totalResults]) {
    if (!isNumeric(ctx.deref(properties.get(key)))) return undefined;
  }
  const itemSchemaName = ctx.schemaName(results.items);
  return {
    request: { page: page.field, pageSize: pageSize.field },
    response: { ...RESPONSE },
    ...(itemSchemaName ? { itemSchemaName } : {}),
  };
}

/** An object schema's properties, following `$ref`s and merging `allOf` members (later ones win). */
function propertiesOf(ctx: LoadContext, raw: unknown, depth = 0): Map<string, unknown> {
  const properties = new Map<string, unknown>();
  const schema = ctx.deref(raw);
  if (!schema || depth > 32) return properties;
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    for (const [name, value] of propertiesOf(ctx, member, depth + 1)) properties.set(name, value);
  }
  if (isRecord(schema.properties)) {
    for (const [name, value] of Object.entries(schema.properties)) properties.set(name, value);
  }
  return properties;
}

/** An integer or number schema; one that says no type at all is given the benefit of the doubt. */
function isNumeric(schema: Record<string, unknown> | undefined): boolean {
  if (!schema) return false;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t !== "null" && t !== undefined);
  return types.length === 0 || types.every((t) => t === "integer" || t === "number");
}
