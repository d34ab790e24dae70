/** JSON helpers on raw spec documents: pointers, `$ref`s (resolved by @x/codegen's resolvePointer), deep equality. */
import { resolvePointer } from "@x/codegen";

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `#/a/b` + `c/d` → `#/a/b/c~1d`. */
export function child(at: string, ...segments: (string | number)[]): string {
  return `${at}${segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("")}`;
}

/** A node with its `$ref` chain followed, and the pointer of where it really lives. */
export interface Located {
  readonly node: unknown;
  readonly at: string;
}

/** Follows `node`'s `$ref` chain (found at `at`) until a node that is no `$ref`, or one already followed. */
export function follow(document: unknown, node: unknown, at: string): Located {
  const seen = new Set<string>();
  let current: Located = { node, at };
  while (isRecord(current.node) && typeof current.node.$ref === "string" && !seen.has(current.node.$ref)) {
    seen.add(current.node.$ref);
    current = { node: resolvePointer(document, current.node.$ref), at: current.node.$ref };
  }
  return current;
}

/** `#/components/schemas/Name` → `Name`. */
export function componentName(node: unknown, kind = "schemas"): string | undefined {
  if (!isRecord(node) || typeof node.$ref !== "string") return undefined;
  const prefix = `#/components/${kind}/`;
  if (!node.$ref.startsWith(prefix) || node.$ref.slice(prefix.length).includes("/")) return undefined;
  return decode(node.$ref.slice(prefix.length)).replaceAll("~1", "/").replaceAll("~0", "~");
}

/** Percent-decoding that leaves a malformed escape as written. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecord(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** Keys of either object, in the order first seen. */
export function unionKeys(a: unknown, b: unknown): string[] {
  return [...new Set([...Object.keys(asRecord(a)), ...Object.keys(asRecord(b))])];
}

/** A value for a message; `none` when it is absent. */
export function show(value: unknown): string {
  return value === undefined ? "none" : (JSON.stringify(value) ?? String(value));
}
