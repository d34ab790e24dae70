/**
 * OpenAPI 3.2 fields our linter (Redocly's OpenAPI 3.1 rules) does not know yet. On a 3.2
 * document a structure finding on one of them is no finding: each field is read by the reader of
 * its object, which generates it or warns about it by name (never a generic lint warning).
 */
import { resolvePointer } from "./refs.js";

/** Each 3.2 field, by where it is written, with the reader that handles it. */
const FIELDS: readonly { readonly at: RegExp; readonly is?: (value: unknown) => boolean }[] = [
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
];

/** Whether a lint finding of `ruleId` at `at` is about a 3.2 field of a 3.2 document. */
export function isOpenApi32Field(document: Record<string, unknown>, ruleId: string, at: string | undefined): boolean {
  if (ruleId !== "struct" || at === undefined || typeof document.openapi !== "string" || !document.openapi.startsWith("3.2")) return false;
  return FIELDS.some((field) => field.at.test(at) && (field.is === undefined || field.is(resolvePointer(document, at))));
}
