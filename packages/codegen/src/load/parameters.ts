/** An operation's parameters: its own and its path item's, merged, each with its serialization, constraints and example. */
import { defaultExplode, defaultStyle, type ParameterConstraints, type ParameterStyle } from "@x/runtime";
import { childPointer, type LoadContext } from "./context.js";
import { explicitExample, parameterValue } from "./examples/index.js";
import { asArray, text } from "./json.js";
import type { Parameter } from "./model.js";
import { camelCase } from "./naming.js";
import { readQuerystring } from "./querystring.js";

export function readParameters(
  ctx: LoadContext, item: Record<string, unknown>, itemAt: string, op: Record<string, unknown>, { at, located }: { at: string; located: string },
): Parameter[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const merged = new Map<string, { node: Record<string, unknown>; at: string }>();
  const listed = [
    ...asArray(item.parameters).map((raw, i) => ctx.locate(raw, childPointer(itemAt, "parameters", i))),
    ...asArray(op.parameters).map((raw, i) => ctx.locate(raw, childPointer(located, "parameters", i))),
  ];
  for (const located of listed) {
    if (!located || typeof located.node.name !== "string") continue;
    merged.set(`${located.node.in}:${located.node.name}`, located);
  }
  const result: Parameter[] = [];
  for (const { node: param, at: paramAt } of merged.values()) {
    const where = param.in;
    if (where === "querystring") {
      const whole = readQuerystring(ctx, param, paramAt);
      if (whole) result.push(whole);
      continue;
    }
    if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") continue;
    const schema = ctx.deref(param.schema) ?? {};
    result.push({
      pointer: paramAt,
      name: param.name as string,
      field: camelCase(param.name as string),
      in: where,
      required: where === "path" || param.required === true,
      ...text("description", param.description ?? schema.description),
      ...(schema.default !== undefined ? { defaultValue: schema.default } : {}),
      deprecated: param.deprecated === true,
      ...constraintsOf(schema),
      ...(param.schema !== undefined ? { schema: param.schema } : {}),
      ...serializationOf(ctx, param, where, at),
      ...(where === "header" && isIdempotencyKey(param) ? { idempotencyKey: true as const } : {}),
      example: parameterValue(ctx, param, schema.default),
      exampleFromSpec: explicitExample(ctx, param) !== undefined,
    });
  }
  const rank = { path: 0, query: 1, querystring: 1, header: 2, cookie: 3 };
  return result.sort((a, b) => rank[a.in] - rank[b.in]);
}

export const IDEMPOTENCY_KEY_EXTENSION = "x-idempotency-key";

/** A header parameter that carries an idempotency key: by its name (`Idempotency-Key`, `X-Idempotency-Key`, any case) or marked `x-idempotency-key: true`. */
function isIdempotencyKey(param: Record<string, unknown>): boolean {
  return param[IDEMPOTENCY_KEY_EXTENSION] === true || /^(x-)?idempotency-key$/i.test(param.name as string);
}

/** The styles each location allows (OpenAPI 3.1, Parameter Object); the default is the runtime's defaultStyle. */
const STYLES: Record<Exclude<Parameter["in"], "querystring">, readonly ParameterStyle[]> = {
  path: ["simple", "label", "matrix"],
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: ["simple"],
  cookie: ["form"],
};

/**
 * `style`, `explode` and `allowReserved`, each only when it differs from the default, so
 * specs that use none generate what they always did. A style the location does not
 * allow is warned about and the default used.
 */
function serializationOf(
  ctx: LoadContext, param: Record<string, unknown>, where: keyof typeof STYLES, at: string,
): Pick<Parameter, "style" | "explode" | "allowReserved"> {
  const allowed = STYLES[where];
  const byDefault = defaultStyle(where);
  let style = byDefault;
  if (param.style !== undefined) {
    if (allowed.includes(param.style as ParameterStyle)) style = param.style as ParameterStyle;
    else ctx.warn("parameters", `${at}: ${where} parameter "${param.name}" has style ${JSON.stringify(param.style)}, which a ${where} parameter cannot have; sent as ${style}`);
  }
  const explode = typeof param.explode === "boolean" ? param.explode : defaultExplode(style);
  return {
    ...(style !== byDefault ? { style } : {}),
    ...(explode !== defaultExplode(style) ? { explode } : {}),
    ...(where === "query" && param.allowReserved === true ? { allowReserved: true } : {}),
  };
}

const SCALAR_TYPES: readonly string[] = ["string", "integer", "number", "boolean"] satisfies ParameterConstraints["type"][];
const NUMERIC_CONSTRAINTS = ["minimum", "maximum", "minLength", "maxLength"] as const;

/** A scalar parameter schema's checkable constraints, in a fixed key order. */
function constraintsOf(schema: Record<string, unknown>): { constraints?: ParameterConstraints } {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t !== "null");
  if (types.length !== 1 || !SCALAR_TYPES.includes(types[0])) return {};
  const constraints: { -readonly [K in keyof ParameterConstraints]: ParameterConstraints[K] } = { type: types[0] as ParameterConstraints["type"] };
  if (typeof schema.format === "string") constraints.format = schema.format;
  for (const key of NUMERIC_CONSTRAINTS) if (typeof schema[key] === "number") constraints[key] = schema[key];
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v !== "object")) constraints.enum = schema.enum;
  return { constraints };
}

