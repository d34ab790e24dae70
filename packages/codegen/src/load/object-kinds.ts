/**
 * What kind of OpenAPI 3 object sits at a place in a document, from the keys that lead to
 * it: the bundler needs it to know where a `$ref` to another file belongs (a schema goes to
 * `components/schemas`, a parameter to `components/parameters`, a path item stays inline).
 */

export type ObjectKind =
  | "document" | "paths" | "pathItem" | "operation" | "operationMap" | "parameter" | "parameterList"
  | "requestBody" | "response" | "responseMap" | "header" | "headerMap" | "example" | "exampleMap"
  | "link" | "linkMap" | "callback" | "callbackMap" | "contentMap" | "mediaType" | "encoding" | "encodingMap"
  | "schema" | "schemaMap" | "schemaList" | "securityScheme" | "components" | `components:${string}`
  /** A value taken as written (an example, a default, an enum): its `$ref`s are data. */
  | "literal"
  /** A vendor extension (`x-codeSamples`): its `$ref`s to other files are copied in place. */
  | "extension"
  /** A discriminator's `mapping`: its values are schema names or references to schemas. */
  | "mapping" | "discriminator"
  /** Anything else: its `$ref`s are followed in place. */
  | "other";

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]);

/** The kind a `components` section holds, and back. */
const SECTION_KINDS: Readonly<Record<string, ObjectKind>> = {
  schemas: "schema",
  parameters: "parameter",
  responses: "response",
  requestBodies: "requestBody",
  headers: "header",
  examples: "example",
  links: "link",
  callbacks: "callback",
  securitySchemes: "securityScheme",
  pathItems: "pathItem",
};

/**
 * The `components` section an object of this kind is bundled into; `undefined` for kinds
 * that stay where they are referenced (path items, operations: OpenAPI 3.0 has no
 * component for them, and openapi-typescript reads them in place).
 */
export function componentSection(kind: ObjectKind): string | undefined {
  if (kind === "pathItem") return undefined;
  return Object.entries(SECTION_KINDS).find(([, k]) => k === kind)?.[0];
}

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SUBSCHEMAS = new Set(["items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"]);
const LITERALS = new Set(["example", "examples", "default", "enum", "const"]);

/** Maps whose keys are names the spec's author chose (a property `x-rate` is no extension). */
const NAMED_MAPS = new Set<ObjectKind>(["schemaMap", "headerMap", "exampleMap", "linkMap", "encodingMap", "callback"]);

/** The kind of the member `key` of an object (or array) of kind `parent`. */
export function childKind(parent: ObjectKind, key: string): ObjectKind {
  if (parent === "extension") return "extension";
  if (key.startsWith("x-") && !NAMED_MAPS.has(parent) && !parent.startsWith("components:")) return "extension";
  switch (parent) {
    case "document":
      return key === "paths" ? "paths" : key === "webhooks" ? "paths" : key === "components" ? "components" : "other";
    case "paths":
      return "pathItem";
    case "components":
      return `components:${key}`;
    case "pathItem":
      if (key === "parameters") return "parameterList";
      if (key === "additionalOperations") return "operationMap";
      return HTTP_METHODS.has(key) ? "operation" : "other";
    case "operationMap":
      return "operation";
    case "operation":
      return key === "parameters" ? "parameterList" : key === "requestBody" ? "requestBody" : key === "responses" ? "responseMap" : key === "callbacks" ? "callbackMap" : "other";
    case "parameterList":
      return "parameter";
    case "responseMap":
      return "response";
    case "callbackMap":
      return "callback";
    case "callback":
      return "pathItem";
    case "parameter":
    case "header":
      return key === "schema" ? "schema" : key === "content" ? "contentMap" : key === "examples" ? "exampleMap" : key === "example" ? "literal" : "other";
    case "requestBody":
    case "response":
      return key === "content" ? "contentMap" : key === "headers" ? "headerMap" : key === "links" ? "linkMap" : "other";
    case "headerMap":
      return "header";
    case "linkMap":
      return "link";
    case "exampleMap":
      return "example";
    case "example":
      return key === "value" ? "literal" : "other";
    case "contentMap":
      return "mediaType";
    case "mediaType":
      if (key === "schema" || key === "itemSchema") return "schema";
      return key === "examples" ? "exampleMap" : key === "example" ? "literal" : key === "encoding" ? "encodingMap" : "other";
    case "encodingMap":
      return "encoding";
    case "encoding":
      return key === "headers" ? "headerMap" : "other";
    case "schema":
      if (SCHEMA_MAPS.has(key)) return "schemaMap";
      if (SCHEMA_LISTS.has(key)) return "schemaList";
      if (SUBSCHEMAS.has(key)) return "schema";
      if (key === "discriminator") return "discriminator";
      return LITERALS.has(key) ? "literal" : "other";
    case "discriminator":
      return key === "mapping" ? "mapping" : "other";
    case "mapping":
      return "literal";
    case "schemaMap":
    case "schemaList":
      return "schema";
    case "literal":
      return "literal";
    default:
      if (parent.startsWith("components:")) return SECTION_KINDS[parent.slice("components:".length)] ?? "other";
      return "other";
  }
}

/** The kind of the elements of an array found where `kind` was expected (`items: [...]` of old drafts). */
export function arrayKind(kind: ObjectKind): ObjectKind {
  return kind === "schema" ? "schemaList" : kind;
}
