/** Local `$ref` resolution, and the one normalisation openapi-typescript needs from us. */
import { pascalCase } from "./naming.js";
import { isRecord } from "./json.js";

/**
 * Follows one local JSON pointer (`#/components/schemas/X`; `#` alone is the document);
 * `undefined` when it leads nowhere. The one resolver of the repository: the loader's readers,
 * and spec:diff through the public API, use it.
 */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = document;
  for (const raw of ref === "#" || ref === "#/" ? [] : ref.startsWith("#/") ? ref.slice(2).split("/") : [undefined]) {
    if (raw === undefined) return undefined;
    const key = decodeSegment(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isRecord(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Percent-decoding that leaves a malformed escape as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Follows `$ref` chains until a real object; cycles and dead ends give `undefined`. */
export function deref<T = Record<string, unknown>>(document: unknown, value: unknown): T | undefined {
  const seen = new Set<string>();
  let node = value;
  while (isRecord(node) && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    node = resolvePointer(document, node.$ref);
  }
  return isRecord(node) ? (node as T) : undefined;
}

/** `#/components/schemas/Name` → `Name`; deeper or other pointers → `undefined`. */
export function componentSchemaName(value: unknown): string | undefined {
  if (!isRecord(value) || typeof value.$ref !== "string") return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref);
  return match?.[1] ? decodeURIComponent(match[1]).replaceAll("~1", "/").replaceAll("~0", "~") : undefined;
}

/**
 * Published specs point `$ref`s into the middle of other schemas
 * (`#/components/schemas/Connection/definitions/status`, `#/components/parameters/id/schema`).
 * openapi-typescript turns those into indexed types that do not exist, so each such target
 * is copied to its own entry under `components/schemas` and the references are rewritten.
 * Returns a new document (with `components.schemas`, empty if need be); the input is not
 * modified. A document with no such reference (most, and the big ones) shares everything
 * below its root and components with the input instead of being deep-copied. `origins`,
 * when given, receives each copy's name and the pointer it was copied from.
 */
export function hoistNestedSchemaRefs(input: Record<string, unknown>, origins?: Map<string, string>): Record<string, unknown> {
  if (!someRef(input, isNestedSchemaPointer)) {
    const components = isRecord(input.components) ? input.components : {};
    return { ...input, components: { ...components, schemas: isRecord(components.schemas) ? components.schemas : {} } };
  }
  const document = structuredClone(input);
  const components = (isRecord(document.components) ? document.components : (document.components = {})) as Record<string, unknown>;
  const schemas = (isRecord(components.schemas) ? components.schemas : (components.schemas = {})) as Record<string, unknown>;
  const renamed = new Map<string, string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (typeof node.$ref === "string" && isNestedSchemaPointer(node.$ref)) {
      node.$ref = `#/components/schemas/${hoist(node.$ref)}`;
    }
    Object.values(node).forEach(visit);
  };
  const hoist = (ref: string): string => {
    const known = renamed.get(ref);
    if (known) return known;
    const stem = hoistedStem(ref);
    let name = stem;
    for (let n = 2; name in schemas; n++) name = `${stem}${n}`;
    renamed.set(ref, name);
    origins?.set(name, ref);
    schemas[name] = structuredClone(resolvePointer(input, ref) ?? {});
    visit(schemas[name]);
    return name;
  };
  visit(document);
  return document;
}

/** Whether any `$ref` in `document` satisfies `test` (an iterative walk: specs nest deeply). */
export function someRef(document: unknown, test: (ref: string) => boolean): boolean {
  const stack = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === "string" && test(ref)) return true;
    for (const key in node) stack.push((node as Record<string, unknown>)[key]);
  }
  return false;
}

/**
 * A pointer to a schema that is not a component schema of its own: into one
 * (`#/components/schemas/A/properties/b`), or to a schema under another component, a path
 * or a webhook (`#/paths/~1pets/post/requestBody/content/application~1json/schema/properties/owner`).
 */
function isNestedSchemaPointer(ref: string): boolean {
  return /^#\/components\/schemas\/[^/]+\/.+/.test(ref) || /^#\/(components\/[^/]+\/[^/]+|paths|webhooks)\/(.+\/)?schema(\/|$)/.test(ref);
}

const SCHEMA_KEYWORDS = ["definitions", "properties", "schema", "items"];

/**
 * The name a hoisted copy is given: its pointer's segments past `#/components/<kind>`, less
 * schema keywords; under a path or webhook only those past its last `schema` (the operation
 * and media type say nothing about it), unless nothing is left.
 */
function hoistedStem(ref: string): string {
  const segments = ref.split("/").map((s) => decodeURIComponent(s).replaceAll("~1", "/").replaceAll("~0", "~"));
  const underOperation = segments[1] === "paths" || segments[1] === "webhooks";
  const last = segments.lastIndexOf("schema");
  const tail = (underOperation && last !== -1 && last < segments.length - 1 ? segments.slice(last + 1) : segments.slice(underOperation ? 2 : 3))
    .filter((s) => !SCHEMA_KEYWORDS.includes(s));
  return pascalCase(tail.join("-")) || "Schema";
}
