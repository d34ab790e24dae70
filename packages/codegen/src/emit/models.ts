/** One exported type alias per component schema, so users write `Connection`, not `components["schemas"]["Connection"]`. */
import type { SpecModel } from "../load/model.js";
import { banner, jsdoc, schemaRef, type EmitContext, type GeneratedFile } from "./source.js";

export function emitModels(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const aliases = model.schemas.map(
    (s) => `${jsdoc([s.description])}export type ${s.typeName} = ${schemaRef(s.name)};\n`,
  );
  return {
    path: "models.ts",
    contents: `${banner(ctx)}\nimport type { components } from "./types.js";\n\n${aliases.join("\n")}`,
  };
}
