/**
 * Path parameters: `simple` (the default), `label` and `matrix`, as the OpenAPI
 * specification's style table shows them. Every value is percent-encoded, so a `/`,
 * `?` or `#` in it stays inside its path segment.
 */
import { encodeComponent as enc, flatten, shapeOf } from "./encode.js";

export type PathStyle = "simple" | "label" | "matrix";

/** The text that replaces `{name}` in the path template. */
export function serializePathParam(name: string, value: unknown, style: PathStyle = "simple", explode = false): string {
  // The common case (an id in the default style), without building its shape.
  if (style === "simple" && typeof value === "string") return enc(value);
  const shape = shapeOf(value);
  const n = enc(name);
  const pair = ([k, v]: readonly [string, string]) => `${enc(k)}=${enc(v)}`;
  if (style === "matrix") {
    // `;name` for an empty value, `;name=value` for each value or (explode) `;key=value` for each property.
    const one = (v: string) => (v === "" ? `;${n}` : `;${n}=${enc(v)}`);
    if (shape.kind === "primitive") return one(shape.value);
    if (explode) return shape.kind === "array" ? shape.items.map(one).join("") : shape.entries.map((e) => `;${pair(e)}`).join("");
  }
  // The rest: the values (exploded, an object's `key=value` pairs) joined by `,` (by `.` for an exploded
  // label), after `.` for label and `;name=` for matrix.
  const parts = shape.kind === "primitive" ? [enc(shape.value)] : shape.kind === "array" ? shape.items.map(enc) : explode ? shape.entries.map(pair) : flatten(shape.entries).map(enc);
  const joined = parts.join(style === "label" && explode ? "." : ",");
  return style === "label" ? `.${joined}` : style === "matrix" ? `;${n}=${joined}` : joined;
}
