/**
 * The spec's types, printed by openapi-typescript.
 *
 * `openapiTS(document)` would lint the document again (Redocly's `minimal` rules), bundle it
 * (another Redocly pass, which only changes a document with references to other files)
 * and then transform it. The loader has already linted this document with those rules
 * (load/read-spec.ts), so a self-contained document goes straight to openapi-typescript's
 * own `transformSchema`, with the context `openapiTS` builds for our options; one that
 * references other files still goes through `openapiTS`. test/types.test.ts holds the two
 * paths to the same output.
 */
import openapiTS, { astToString, resolveRef, scanDiscriminators, transformSchema, type OpenAPI3, type OpenAPITSOptions } from "openapi-typescript";
import ts from "typescript";
import type { SpecModel } from "../load/model.js";
import { someRef } from "../load/refs.js";
import { banner, type EmitContext, type GeneratedFile } from "./source.js";

export const TYPES_OPTIONS = {
  silent: true,
  // A file (multipart part, octet-stream body) is a Blob in fetch, not a string.
  transform: (schema) => (schema.format === "binary" ? ts.factory.createTypeReferenceNode("Blob") : undefined),
} satisfies OpenAPITSOptions;

export async function emitTypes(model: SpecModel, ctx: EmitContext): Promise<GeneratedFile> {
  const document = model.document as unknown as OpenAPI3;
  const nodes = hasExternalRefs(document) ? await openapiTS(document, TYPES_OPTIONS) : transformLinted(document);
  return { path: "types.ts", contents: `${banner(ctx)}\n${astToString(nodes)}` };
}

/** What `openapiTS` does after its lint and bundle, with its defaults for every option we leave out. */
function transformLinted(schema: OpenAPI3): ts.Node[] {
  return transformSchema(schema, {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, TYPES_OPTIONS),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read by none of the transforms; openapiTS passes the Redocly config it linted with.
    redoc: undefined as never,
    silent: TYPES_OPTIONS.silent,
    inject: undefined,
    transform: TYPES_OPTIONS.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: TYPES_OPTIONS.silent }),
  });
}

/** Whether any `$ref` leads outside the document (another file, a URL): openapi-typescript must then fetch and bundle it. */
export function hasExternalRefs(document: unknown): boolean {
  return someRef(document, (ref) => !ref.startsWith("#"));
}
