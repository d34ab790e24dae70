/**
 * Query parameters: `form` (the default), `spaceDelimited`, `pipeDelimited` and
 * `deepObject`, as the OpenAPI specification's style table shows them. Each returns
 * the parameter's `name=value` pairs, already encoded; an empty array or object sends
 * nothing.
 */
import { defaultExplode } from "../wire-rules.js";
import { encodeAllowReserved, encodeComponent, flatten, shapeOf } from "./encode.js";

export type QueryStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

export interface QueryOptions {
  readonly style?: QueryStyle;
  /** @default true for `form`, false for the others */
  readonly explode?: boolean;
  /** Send RFC 3986's reserved characters (`:/?#[]@!$&'()*+,;=`) without percent-encoding them. */
  readonly allowReserved?: boolean;
}

const DELIMITERS: Record<QueryStyle, string> = { form: ",", spaceDelimited: "%20", pipeDelimited: "|", deepObject: "," };

export function serializeQueryParam(name: string, value: unknown, options: QueryOptions = {}): string[] {
  const style = options.style ?? "form";
  const explode = options.explode ?? defaultExplode(style);
  const enc = options.allowReserved ? encodeAllowReserved : encodeComponent;
  const n = encodeComponent(name);
  const shape = shapeOf(value);
  if (shape.kind === "primitive") return [`${n}=${enc(shape.value)}`];
  // An object's properties as pairs of their own: `key=value` (explode) or `name[key]=value` (deepObject).
  if (shape.kind === "object" && (explode || style === "deepObject")) {
    return shape.entries.map(([k, v]) => `${style === "deepObject" ? `${n}[${encodeComponent(k)}]` : encodeComponent(k)}=${enc(v)}`);
  }
  // Array items, or an object's keys and values in turn: one pair each (explode) or one pair, delimited.
  const values = shape.kind === "array" ? shape.items : flatten(shape.entries);
  if (values.length === 0) return [];
  return explode ? values.map((v) => `${n}=${enc(v)}`) : [`${n}=${values.map(enc).join(DELIMITERS[style])}`];
}
