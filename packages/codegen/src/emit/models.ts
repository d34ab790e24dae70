/**
 * One exported type alias per component schema, so users write `Connection`, not
 * `components["schemas"]["Connection"]`, and one per webhook payload. (Not a file of their
 * own: a tag named `Webhooks` has its resource in webhooks.ts.)
 */
import type { SpecModel } from "../load/model.js";
import { banner, jsdoc, schemaRef, str, type EmitContext, type GeneratedFile } from "./source.js";

export function emitModels(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const aliases = model.schemas.map(
    (s) => `${jsdoc([s.description])}export type ${s.typeName} = ${schemaRef(s.name)};\n`,
  );
  const hooks = webhookPayloads(model);
  const imports = hooks.length > 0 ? "components, webhooks" : "components";
  return {
    path: "models.ts",
    contents: `${banner(ctx)}\nimport type { ${imports} } from "./types.js";\n\n${[...aliases, ...hooks].join("\n")}`,
  };
}

/** The payload type of each webhook, for code that receives them: `NewPetWebhookPayload`. */
function webhookPayloads(model: SpecModel): string[] {
  return model.webhooks.map((w) => {
    const doc = jsdoc([w.description, `The body of the \`${w.name}\` webhook (${w.method.toUpperCase()}, ${w.mediaType}).`]);
    return `${doc}export type ${w.typeName} = NonNullable<webhooks[${str(w.name)}][${str(w.method)}]["requestBody"]>["content"][${str(w.mediaType)}];\n`;
  });
}
