/** The payload type of each webhook, for code that receives them: `NewPetWebhookPayload`. */
import type { SpecModel } from "../load/model.js";
import { banner, jsdoc, str, type EmitContext, type GeneratedFile } from "./source.js";

export function emitWebhooks(model: SpecModel, ctx: EmitContext): GeneratedFile | undefined {
  if (model.webhooks.length === 0) return undefined;
  const aliases = model.webhooks.map((w) => {
    const doc = jsdoc([w.description, `The body of the \`${w.name}\` webhook (${w.method.toUpperCase()}, ${w.mediaType}).`]);
    return `${doc}export type ${w.typeName} = NonNullable<webhooks[${str(w.name)}][${str(w.method)}]["requestBody"]>["content"][${str(w.mediaType)}];\n`;
  });
  return {
    path: "webhooks.ts",
    contents: `${banner(ctx)}\nimport type { webhooks } from "./types.js";\n\n${aliases.join("\n")}`,
  };
}
