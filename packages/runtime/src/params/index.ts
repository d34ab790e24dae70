/**
 * Parameter serialization per the OpenAPI `style` / `explode` / `allowReserved` rules:
 * pure functions from an operation's parameters and the caller's fields to the request
 * URL (path and query), header values and `Cookie` pairs, which request.ts puts into the
 * call's Request. See the Parameters section of the README for the table.
 */
import { missingFeature, type RuntimeFeatures } from "../feature-contract.js";
import type { OperationSpec, ParameterSpec } from "../operation.js";
import { defaultExplode, defaultStyle, type ParameterStyle } from "../wire-rules.js";
import { serializePathParam, type PathStyle } from "./path.js";
import type { QueryStyle } from "./query.js";

export { serializePathParam, type PathStyle } from "./path.js";
export { serializeQueryParam, type QueryOptions, type QueryStyle } from "./query.js";
export { serializeQueryString } from "./querystring.js";
export { cookieHeader, serializeCookieParam, serializeHeaderParam, withCookies } from "./header.js";

/** The parameter's style and explode, the spec's defaults (wire-rules.ts) filling in what it leaves out. */
export function styleOf(param: ParameterSpec): { style: ParameterStyle; explode: boolean } {
  const style = param.style ?? defaultStyle(param.in);
  return { style, explode: param.explode ?? defaultExplode(style) };
}

/** `{name}` replaced in a path template; a name with no value is left as is. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  const parts = templateParts(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += (values[parts[i]!] ?? `{${parts[i]!}}`) + parts[i + 1]!;
  return out;
}

/** A template split into text and names, alternately (`/a/{id}/b` → `/a/`, `id`, `/b`), worked out once per template. */
const splitTemplates = new Map<string, readonly string[]>();
const MAX_TEMPLATES = 10_000;
function templateParts(template: string): readonly string[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{([^}]+)\}/);
    // Templates come from generated code, so the map holds as many as the SDKs have operations.
    if (splitTemplates.size < MAX_TEMPLATES) splitTemplates.set(template, parts);
  }
  return parts;
}

export interface SerializedParams {
  /** The path with its parameters filled in, and `?` and the query when there is one. */
  readonly url: string;
  /** Header parameters by wire name. */
  readonly headers: Record<string, string>;
  /** `name=value` pairs of the cookie parameters, in spec order. */
  readonly cookies: string[];
}

/**
 * `undefined` and `null` send nothing; a Date goes as its ISO string. Path parameters are
 * the core's own; query, header and cookie ones are features the SDK brings (features.ts).
 * @param sdkName names the SDK when a feature is missing
 */
export function serializeParams(op: OperationSpec, fields: Readonly<Record<string, unknown>>, features: RuntimeFeatures, sdkName: string): SerializedParams {
  const path: Record<string, string> = {};
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const param of op.parameters) {
    const value = fields[param.field];
    if (value === undefined || value === null) continue;
    const { style, explode } = styleOf(param);
    if (param.in === "path") {
      path[param.name] = serializePathParam(param.name, value, style as PathStyle, explode);
      continue;
    }
    // Each other location is the feature named after it (`queryParameters`, …).
    const feature = `${param.in}Parameters` as const;
    if (!features[feature]) throw missingFeature(sdkName, feature, `${op.methodPath}: the ${param.in} parameter "${param.name}"`);
    if (param.in === "query") query.push(...features.queryParameters!(param.name, value, { style: style as QueryStyle, explode, allowReserved: param.allowReserved }));
    else if (param.in === "querystring") {
      const whole = features.querystringParameters!(param.name, value, param.mediaType);
      if (whole !== "") query.push(whole);
    } else if (param.in === "header") headers[param.name] = features.headerParameters!(value, explode, op.methodPath, param.field);
    else cookies.push(...features.cookieParameters!.serialize(param.name, value, explode));
  }
  const search = query.join("&");
  return { url: fillPath(op.path, path) + (search ? `?${search}` : ""), headers, cookies };
}
