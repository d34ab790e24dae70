/**
 * What every parameter style shares: a value's shape (primitive, array or object), its
 * items or entries as strings, and the percent-encodings of RFC 3986.
 */

export type Shape =
  | { readonly kind: "primitive"; readonly value: string }
  | { readonly kind: "array"; readonly items: readonly string[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, string])[] };

/** One value as text: a Date as its ISO string, anything else as `String` gives it. */
export function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** `undefined` and `null` items or properties send nothing. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: "array", items: value.filter(present).map(text) };
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => present(v)).map(([k, v]) => [k, text(v)] as const);
    return { kind: "object", entries };
  }
  return { kind: "primitive", value: text(value) };
}

/** An object's entries as one list: `R,100,G,200` once joined. */
export function flatten(entries: readonly (readonly [string, string])[]): string[] {
  return entries.flatMap(([k, v]) => [k, v]);
}

export type Encoder = (value: string) => string;

/** Everything but RFC 3986's unreserved characters (and `!'()*`, safe in a segment or query value). */
export const encodeComponent: Encoder = (value) => encodeURIComponent(value);

/**
 * `allowReserved`: RFC 3986's reserved characters `:/?#[]@!$&'()*+,;=` go as they are. encodeURI
 * leaves all of them but `[` and `]` (and still encodes `%`, so no `%5B` it writes comes from the value).
 */
export const encodeAllowReserved: Encoder = (value) => encodeURI(value).replace(/%5[BD]/g, decodeURIComponent);

/** Headers are not percent-encoded (validation has checked they are valid header values). */
export const asIs: Encoder = (value) => value;
