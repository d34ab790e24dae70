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
import openapiTS, {
  astToString, injectOperationObject, resolveRef, scanDiscriminators, transformSchema,
  type GlobalContext, type OpenAPI3, type OpenAPITSOptions, type OperationObject,
} from "openapi-typescript";
import ts from "typescript";
import type { SpecModel } from "../load/model.js";
import { resolvePointer, someRef } from "../load/refs.js";
import { isRecord } from "../load/json.js";
import { banner, type EmitContext, type GeneratedFile } from "./source.js";

export const TYPES_OPTIONS = {
  silent: true,
  // A file (multipart part, octet-stream body) is a Blob in fetch, not a string.
  transform: (schema) => (schema.format === "binary" ? ts.factory.createTypeReferenceNode("Blob") : undefined),
} satisfies OpenAPITSOptions;

export async function emitTypes(model: SpecModel, ctx: EmitContext): Promise<GeneratedFile> {
  const document = model.document as unknown as OpenAPI3;
  const nodes = hasExternalRefs(document) ? await openapiTS(document, TYPES_OPTIONS) : transformLinted(document, model);
  return { path: "types.ts", contents: `${banner(ctx)}\n${astToString(nodes)}` };
}

/** What `openapiTS` does after its lint and bundle, with its defaults for every option we leave out. */
function transformLinted(schema: OpenAPI3, model: SpecModel): ts.Node[] {
  const ctx: GlobalContext = {
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
  };
  injectOtherMethods(model, ctx);
  return transformSchema(schema, ctx);
}

/**
 * openapi-typescript types the operations of a path item's classic method fields only; an
 * OpenAPI 3.2 `query` operation or a custom method of `additionalOperations` is added to
 * `operations` under its operationId (which its `typesRef` names), with its path item's
 * parameters, as openapi-typescript adds the others.
 */
function injectOtherMethods(model: SpecModel, ctx: GlobalContext): void {
  const classic = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  for (const op of model.resources.flatMap((r) => r.operations).filter((o) => !classic.has(o.method))) {
    const node = resolvePointer(model.document, op.pointer);
    const item = resolvePointer(model.document, op.pointer.replace(/\/(query|additionalOperations\/[^/]+)$/, ""));
    if (!isRecord(node) || !isRecord(item)) continue;
    const keyed = new Map<string, unknown>();
    for (const p of [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(node.parameters) ? node.parameters : [])]) {
      const param = isRecord(p) && typeof p.$ref === "string" ? ctx.resolve(p.$ref) : p;
      if (isRecord(param)) keyed.set(`${String(param.in)}-${String(param.name)}`, p);
    }
    const operation = { ...node, parameters: [...keyed.values()] } as unknown as OperationObject;
    injectOperationObject(op.operationId, operation, { path: op.pointer, ctx });
  }
}

/** Whether any `$ref` leads outside the document (another file, a URL): openapi-typescript must then fetch and bundle it. */
export function hasExternalRefs(document: unknown): boolean {
  return someRef(document, (ref) => !ref.startsWith("#"));
}
