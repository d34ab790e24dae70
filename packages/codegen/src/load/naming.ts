/** Identifier casing shared by every emitter, so names agree across files. */

const WORD_RE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

function words(input: string): string[] {
  return input.match(WORD_RE) ?? [];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `update-connection-authorization` → `updateConnectionAuthorization`; `auth_header` → `authHeader`. */
export function camelCase(input: string): string {
  const [first = "", ...rest] = words(input);
  const name = first.toLowerCase() + rest.map(capitalize).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `sync-commerce` → `SyncCommerce`; `get-connection` → `GetConnection`. */
export function pascalCase(input: string): string {
  const name = words(input).map(capitalize).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

const IDENTIFIER_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Words an exported type or class cannot be named: JavaScript's reserved words (strict
 * mode included, as modules are) and TypeScript's predefined type names.
 */
const RESERVED_NAMES = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval",
  "any", "unknown", "never", "string", "number", "boolean", "bigint", "symbol", "object", "undefined", "type",
]);

/** An identifier that can name an exported type or class (`import` and `string` cannot). */
export function isTypeName(name: string): boolean {
  return IDENTIFIER_RE.test(name) && !RESERVED_NAMES.has(name);
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER_RE.test(name);
}

/** A property key as TypeScript source: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/**
 * The name of an operation that has no operationId, from its method and path, the way
 * readable generators do it: each path segment in turn, a `{parameter}` read as "by
 * parameter". `GET /pets/{petId}/photos` → `getPetsByPetIdPhotos`; `POST /` → `post`.
 */
export function operationNameFromPath(method: string, path: string): string {
  const segments = path.split("/").filter((s) => s !== "").map((s) => s.replace(/\{([^}]*)\}/g, " by $1 "));
  return camelCase([method, ...segments].join(" "));
}
