/**
 * OpenAPI 3.2 fields our linter (Redocly's OpenAPI 3.1 rules) does not know yet. On a 3.2
 * document a structure finding on one of them is no finding: each field is read by the reader of
 * its object, which generates it or warns about it by name (never a generic lint warning).
 */
import { resolvePointer } from "./refs.js";

/** Each 3.2 field, by where it is written, with the reader that handles it. */
const FIELDS: readonly { readonly at: RegExp; readonly is?: (value: unknown) => boolean; readonly unsupported?: string }[] = [
  // The document's own URI (load/index.ts records it as the model's `self`).
  { at: /^#\/\$self$/ },
  // A media type's `itemSchema`: the item of a stream (load/item-schemas.ts).
  { at: /\/content\/[^/]+\/itemSchema$/ },
  // Tag `parent` and `kind` (load/groups.ts).
  { at: /^#\/tags\/\d+\/(parent|kind)$/ },
  // A path item's `query` method and `additionalOperations` (load/path-items.ts).
  { at: /^#\/(paths|webhooks|components\/pathItems)\/[^/]+\/(query|additionalOperations)$/ },
  // `in: querystring` (load/querystring.ts).
  { at: /\/parameters\/[^/]+\/in$/, is: (value) => value === "querystring" },
  // Security schemes: `oauth2MetadataUrl`, `deprecated` and the device authorization flow (load/security.ts).
  { at: /^#\/components\/securitySchemes\/[^/]+\/(oauth2MetadataUrl|deprecated)$/ },
  { at: /^#\/components\/securitySchemes\/[^/]+\/flows\/deviceAuthorization$/ },
  // An Example Object's `dataValue` (load/examples/values.ts reads it as the value) and `serializedValue`.
  { at: /\/examples\/[^/]+\/(dataValue|serializedValue)$/ },
  // Reusable media types (`#/components/mediaTypes/…`), reached by \$ref like any component.
  { at: /^#\/components\/mediaTypes$/ },
  // Documentation the SDK does not print: a tag's and a response's `summary`, a server's `name`, XML's `nodeType`.
  { at: /^#\/tags\/\d+\/summary$/ },
  { at: /\/responses\/[^/]+\/summary$/ },
  { at: /\/servers\/\d+\/name$/ },
  { at: /\/xml\/nodeType$/ },
  // Not generated, and warned about by name (unsupportedOpenApi32).
  { at: /\/discriminator\/defaultMapping$/, unsupported: "a discriminator's defaultMapping is not generated: a payload whose discriminator value is not mapped is typed as the union of the mapped schemas" },
  { at: /\/content\/[^/]+\/(prefixEncoding|itemEncoding)$/, unsupported: "a media type's prefixEncoding and itemEncoding are not generated: the parts of a streamed multipart body are encoded by their `encoding` or their schema" },
];

function fieldAt(document: Record<string, unknown>, ruleId: string, at: string | undefined): (typeof FIELDS)[number] | undefined {
  if (ruleId !== "struct" || at === undefined || typeof document.openapi !== "string" || !document.openapi.startsWith("3.2")) return undefined;
  return FIELDS.find((field) => field.at.test(at) && (field.is === undefined || field.is(resolvePointer(document, at))));
}

/** Whether a lint finding of `ruleId` at `at` is about a 3.2 field of a 3.2 document. */
export function isOpenApi32Field(document: Record<string, unknown>, ruleId: string, at: string | undefined): boolean {
  return fieldAt(document, ruleId, at) !== undefined;
}

/** What the SDK does not do with the 3.2 field a lint finding is about, or undefined when it handles the field. */
export function unsupportedOpenApi32(document: Record<string, unknown>, ruleId: string, at: string | undefined): string | undefined {
  return fieldAt(document, ruleId, at)?.unsupported;
}
