/**
 * OpenAPI 3.2's `in: querystring` parameter: one value that is the whole query, described by
 * `content` (one media type and its schema) instead of `schema`. openapi-typescript does not
 * type it, so an inline schema is copied under `components/schemas` like the nested-ref copies
 * (hoistNestedSchemaRefs: internal, exported nowhere), and the request field is typed by it.
 */
import { isQueryStringMediaType } from "@x/runtime";
import { pointer } from "../errors.js";
import type { LoadContext } from "./context.js";
import { explicitExample, parameterValue } from "./examples/index.js";
import { isRecord, text } from "./json.js";
import type { Parameter } from "./model.js";
import { camelCase, pascalCase } from "./naming.js";
import { componentSchemaName } from "./refs.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];

/**
 * Copies the inline schema of each querystring parameter (of `components/parameters` and of
 * the paths) to `components/schemas`, pointing the parameter at the copy. Returns `document`
 * itself when it has none; `origins` receives each copy's name and where it was written.
 */
export function hoistQuerystringSchemas(document: Record<string, unknown>, origins: Map<string, string>): Record<string, unknown> {
  const found: { param: Record<string, unknown>; at: string; stem: string }[] = [];
  const copy = structuredClone(document);
  const components = isRecord(copy.components) ? copy.components : {};
  for (const [name, param] of Object.entries(isRecord(components.parameters) ? components.parameters : {})) {
    if (isRecord(param)) found.push({ param, at: pointer("components", "parameters", name), stem: name });
  }
  for (const [path, item] of Object.entries(isRecord(copy.paths) ? copy.paths : {})) {
    if (!isRecord(item)) continue;
    const lists: [unknown, string[], string][] = [[item.parameters, ["paths", path, "parameters"], path]];
    for (const method of METHODS) {
      const op = item[method];
      if (isRecord(op)) lists.push([op.parameters, ["paths", path, method, "parameters"], typeof op.operationId === "string" ? op.operationId : `${method} ${path}`]);
    }
    for (const [list, at, owner] of lists) {
      if (!Array.isArray(list)) continue;
      list.forEach((param, i) => isRecord(param) && found.push({ param, at: pointer(...at, String(i)), stem: `${owner} ${String(param.name)}` }));
    }
  }
  const inline = found.flatMap(({ param, at, stem }) => {
    const media = param.in === "querystring" && isRecord(param.content) ? Object.entries(param.content)[0] : undefined;
    if (!media || !isRecord(media[1]) || media[1].schema === undefined || componentSchemaName(media[1].schema) !== undefined) return [];
    return [{ media: media[1], at: `${at}/content/${media[0].replaceAll("~", "~0").replaceAll("/", "~1")}/schema`, stem }];
  });
  if (inline.length === 0) return document;
  const schemas = (isRecord(components.schemas) ? components.schemas : (components.schemas = {})) as Record<string, unknown>;
  copy.components = components;
  for (const { media, at, stem } of inline) {
    const base = `${pascalCase(stem) || "Parameter"}Query`;
    let name = base;
    for (let n = 2; name in schemas; n++) name = `${base}${n}`;
    schemas[name] = media.schema;
    media.schema = { $ref: `#/components/schemas/${encodeURIComponent(name)}` };
    origins.set(name, at);
  }
  return copy;
}

/** A querystring parameter as the model holds it; `undefined`, with a warning naming it, when its media type cannot be written as a query. */
export function readQuerystring(ctx: LoadContext, param: Record<string, unknown>, at: string): Parameter | undefined {
  const name = String(param.name);
  const [mediaType, raw] = isRecord(param.content) ? Object.entries(param.content)[0] ?? [] : [];
  const media = ctx.deref(raw);
  const schemaName = componentSchemaName(media?.schema);
  if (mediaType === undefined || !media || schemaName === undefined || !isQueryStringMediaType(mediaType)) {
    const what = mediaType === undefined || !media ? "has no content (its media type and schema)" : `is written as ${mediaType}, which the SDK cannot put in a query (a form or JSON it can)`;
    ctx.warn("parameters", `${at}: querystring parameter "${name}" ${what}; left out of the request (send it with a beforeRequest hook)`);
    return undefined;
  }
  const described = { ...media, ...(param.example !== undefined ? { example: param.example } : {}), ...(param.examples !== undefined ? { examples: param.examples } : {}) };
  return {
    pointer: at,
    name,
    field: camelCase(name),
    in: "querystring",
    required: param.required === true,
    ...text("description", param.description ?? ctx.deref(media.schema)?.description),
    deprecated: param.deprecated === true,
    schema: media.schema,
    querystring: { mediaType, schemaName },
    example: parameterValue(ctx, described, undefined),
    exampleFromSpec: explicitExample(ctx, described) !== undefined,
  };
}
