/** The spec's types, printed by openapi-typescript. */
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { SpecModel } from "../load/model.js";
import { banner, type EmitContext, type GeneratedFile } from "./source.js";

export async function emitTypes(model: SpecModel, ctx: EmitContext): Promise<GeneratedFile> {
  const nodes = await openapiTS(model.document as Parameters<typeof openapiTS>[0] & object, {
    silent: true,
    // A file (multipart part, octet-stream body) is a Blob in fetch, not a string.
    transform: (schema) => (schema.format === "binary" ? ts.factory.createTypeReferenceNode("Blob") : undefined),
  });
  return { path: "types.ts", contents: `${banner(ctx)}\n${astToString(nodes)}` };
}
