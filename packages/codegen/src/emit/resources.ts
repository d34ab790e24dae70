/**
 * One file per resource (a tag, or a group of `x-speakeasy-group`): each operation's OperationSpec as a module constant of its own, an
 * exported standalone function taking the lean client, and one thin class whose methods
 * hand the same constant and the caller's request to the runtime in one line. Unused
 * functions and constants are dropped by a bundler; the class keeps every operation.
 * The operations are printed by operation.ts, which the client shares.
 */
import type { Resource, SpecModel } from "../load/model.js";
import { banner, coreImport, jsdoc, str, type EmitContext, type GeneratedFile } from "./source.js";
import { functionForm, methodForm } from "./call-form.js";
import { importLine, operationMembers, typeRootImports } from "./operation.js";
import { childResources, coreClassName } from "../load/queries.js";

export function emitResource(model: SpecModel, resource: Resource, ctx: EmitContext): GeneratedFile {
  const children = childResources(model, resource);
  const coreClass = coreClassName(ctx.clientName);
  // A model may share its name with this class (the `Connections` page vs the `Connections` resource), or with a nested resource's class.
  const classes = new Set([resource.className, ...children.map((c) => c.className)]);
  const local = (name: string) => (classes.has(name) ? `${name}Model` : name);
  // A group that only holds other groups has no operations of its own.
  const printed = resource.operations.length > 0 ? operationMembers(model, resource, local, [functionForm(coreClass), methodForm("this.#core")]) : undefined;
  const imported = new Set([...(printed?.errorClasses ?? []), ...(printed?.models ?? []), ...(printed?.requests ?? [])].map(local));
  const childLocal = (c: Resource) => (imported.has(c.className) ? `${c.className}Resource` : c.className);
  const [functions, methods] = printed?.calls ?? ["", ""];
  const imports = [
    `import type { ${[...(printed?.runtimeTypes ?? []), "SDKCoreBase"].join(", ")} } from ${str(coreImport(ctx))};\n`,
    printed ? `import { CORE, type ${coreClass}, type Security } from "./core.js";\n` : "",
    printed ? importLine(printed.errorClasses, "./errors.js", local, false) : "",
    printed ? importLine(printed.models, "./models.js", local) : "",
    printed ? importLine(printed.requests, "./requests.js", local) : "",
    printed ? typeRootImports(resource) : "",
    ...children.map((c) => `import { ${c.className}${childLocal(c) === c.className ? "" : ` as ${childLocal(c)}`} } from "./${c.fileName}.js";\n`),
  ].join("");
  const childFields = children.map((c) => `${jsdoc([c.description], "  ")}  readonly ${c.property}: ${childLocal(c)};\n`);
  const childInits = children.map((c) => `    this.${c.property} = new ${childLocal(c)}(core);\n`);
  const contents = [
    banner(ctx),
    imports,
    printed ? printed.constants : "",
    printed ? `\n${functions}\n` : "\n",
    jsdoc([resource.description]),
    `export class ${resource.className} {\n`,
    childFields.join(""),
    printed ? `${childFields.length > 0 ? "\n" : ""}  readonly #core: SDKCoreBase;\n\n` : childFields.length > 0 ? "\n" : "",
    `  /** @internal Reached through the client: \`client.${resource.path.join(".")}\`. */\n`,
    `  constructor(core: SDKCoreBase) {\n${printed ? "    this.#core = core;\n" : ""}${childInits.join("")}  }\n`,
    printed ? `\n${methods}` : "",
    "}\n",
  ].join("");
  return { path: `${resource.fileName}.ts`, contents };
}
