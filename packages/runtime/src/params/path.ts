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
  const pairs = (entries: readonly (readonly [string, string])[], sep: string) =>
    entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join(sep);
  switch (style) {
    case "label": {
      if (shape.kind === "primitive") return `.${enc(shape.value)}`;
      if (shape.kind === "array") return `.${shape.items.map(enc).join(explode ? "." : ",")}`;
      return explode ? `.${pairs(shape.entries, ".")}` : `.${flatten(shape.entries).map(enc).join(",")}`;
    }
    case "matrix": {
      const one = (v: string) => (v === "" ? `;${n}` : `;${n}=${enc(v)}`);
      if (shape.kind === "primitive") return one(shape.value);
      if (shape.kind === "array") return explode ? shape.items.map(one).join("") : `;${n}=${shape.items.map(enc).join(",")}`;
      return explode ? shape.entries.map(([k, v]) => `;${enc(k)}=${enc(v)}`).join("") : `;${n}=${flatten(shape.entries).map(enc).join(",")}`;
    }
    default: {
      if (shape.kind === "primitive") return enc(shape.value);
      if (shape.kind === "array") return shape.items.map(enc).join(",");
      return explode ? pairs(shape.entries, ",") : flatten(shape.entries).map(enc).join(",");
    }
  }
}
