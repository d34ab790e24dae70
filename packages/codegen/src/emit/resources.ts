/**
 * One file per tag: each operation's OperationSpec as a module constant of its own, an
 * exported standalone function taking the lean client, and one thin class whose methods
 * hand the same constant and the caller's request to the runtime in one line. Unused
 * functions and constants are dropped by a bundler; the class keeps every operation.
 * The operations are printed by operation.ts, which the client shares.
 */
import type { Resource, SpecModel } from "../load/model.js";
import { banner, jsdoc, str, type EmitContext, type GeneratedFile } from "./source.js";
import { functionForm, methodForm } from "./call-form.js";
import { importLine, operationMembers, typeRootImports } from "./operation.js";
import { coreClassName } from "../load/queries.js";

export function emitResource(model: SpecModel, resource: Resource, ctx: EmitContext): GeneratedFile {
  // A model may share its name with this class (the `Connections` page vs the `Connections` resource).
  const local = (name: string) => (name === resource.className ? `${name}Model` : name);
  const coreClass = coreClassName(ctx.clientName);
  const members = operationMembers(model, resource, local, [functionForm(coreClass), methodForm("this.#core")]);
  const [functions, methods] = members.calls;
  const imports = [
    `import type { ${members.runtimeTypes.join(", ")}, SDKCoreBase } from ${str(ctx.runtimeImport)};\n`,
    `import { CORE, type ${coreClass}, type Security } from "./core.js";\n`,
    importLine(members.errorClasses, "./errors.js", local, false),
    importLine(members.models, "./models.js", local),
    importLine(members.requests, "./requests.js", local),
    typeRootImports(resource),
  ].join("");
  const contents = [
    banner(ctx),
    imports,
    members.constants,
    `\n${functions}\n`,
    jsdoc([resource.description]),
    `export class ${resource.className} {\n`,
    "  readonly #core: SDKCoreBase;\n\n",
    "  /** @internal Reached through the client: `client." + resource.property + "`. */\n",
    "  constructor(core: SDKCoreBase) {\n    this.#core = core;\n  }\n\n",
    methods,
    "}\n",
  ].join("");
  return { path: `${resource.fileName}.ts`, contents };
}
