/**
 * `validation.ts`: the SDK's response validators, its `shapes.ts` bound to the runtime's
 * validator (`@x/runtime/validation`). The definition in `core.ts` hands the runtime core a
 * loader of this module (`import("./validation.js")`), which the core calls only when a call
 * turns `validateResponses` on: nothing else imports it, so an application bundler that splits
 * code keeps it, the shapes and the validator out of the app's eager bytes.
 */
import type { SpecModel } from "../load/model.js";
import { banner, str, type EmitContext, type GeneratedFile } from "./source.js";

export function emitValidation(_model: SpecModel, ctx: EmitContext): GeneratedFile {
  return {
    path: "validation.ts",
    contents: [
      banner(ctx),
      `import { responseValidation } from ${str(validationImport(ctx.runtimeImport))};\n`,
      'import { shapes } from "./shapes.js";\n\n',
      "/** The response validators of this SDK; loaded by the core only when a call sets `validateResponses`. */\n",
      "export const { validateResponse, checkResponse } = responseValidation(shapes);\n",
    ].join(""),
  };
}

/**
 * The runtime's validation entry beside its main one: `@x/runtime/validation`, or for a runtime
 * imported by file (the generator's tests use its source, `…/src/index.ts`) the file beside it.
 */
function validationImport(runtimeImport: string): string {
  return /\/index\.[cm]?[jt]s$/.test(runtimeImport) ? runtimeImport.replace(/index(\.[cm]?[jt]s)$/, "validation/index$1") : `${runtimeImport}/validation`;
}
