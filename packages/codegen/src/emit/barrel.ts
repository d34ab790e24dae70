/**
 * The generated part of the public surface, every export by name. Resource classes
 * are reached through the client, so they stay out (a model may share a tag's name);
 * the standalone functions in their files are in.
 */
import type { Resource, SpecModel } from "../load/model.js";
import { allServers, coreClassName, declaredTypes, serverVariableOptions } from "../load/queries.js";
import { banner, type EmitContext, type GeneratedFile } from "./source.js";
import { functionNamesOf } from "./call-form.js";

/** The standalone functions of a resource's file (sdk.ts for the untagged operations). */
function functionNames(resource: Resource): string[] {
  return resource.operations.flatMap((op) => {
    const names = functionNamesOf(op);
    return names.all ? [names.call, names.all] : [names.call];
  });
}

interface BarrelNames {
  readonly core: string[];
  /** The client and the untagged operations' functions, from sdk.ts. */
  readonly client: string[];
  /** The functions of the resource files. */
  readonly functions: string[];
  readonly errors: string[];
  readonly models: string[];
  readonly requests: string[];
  readonly types: string[];
  readonly webhooks: string[];
}

function barrelNames(model: SpecModel, clientName: string): BarrelNames {
  return {
    core: [coreClassName(clientName), "SDK_VERSION", "ServerList", `type ${clientName}Options`, "type Security", ...(serverVariableOptions(allServers(model)).size > 0 ? ["type ServerVariables"] : [])],
    client: [clientName, ...model.resources.filter((r) => r.onClient).flatMap(functionNames)],
    functions: model.resources.filter((r) => !r.onClient).flatMap(functionNames),
    errors: model.schemas.flatMap((s) => (s.errorClass ? [s.errorClass.className] : [])),
    models: model.schemas.map((s) => s.typeName),
    requests: model.resources.flatMap((r) => r.operations.flatMap(declaredTypes)),
    types: ["components", "operations", "paths", ...(model.webhooks.length > 0 ? ["webhooks"] : [])],
    webhooks: model.webhooks.map((w) => w.typeName),
  };
}

/** Every name the barrel exports, so two artefacts wanting one name are caught before writing. */
export function exportedNames(model: SpecModel, clientName: string): string[] {
  return Object.values(barrelNames(model, clientName)).flat().map((n: string) => n.replace(/^type /, ""));
}

export function emitBarrel(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const names = barrelNames(model, ctx.clientName);
  const list = (items: string[]) => items.map((n) => `  ${n},\n`).join("");
  const contents = [
    banner(ctx),
    `export { ${names.core.join(", ")} } from "./core.js";\n`,
    `export { ${names.client.join(", ")} } from "./sdk.js";\n`,
    ...model.resources.filter((r) => !r.onClient && r.operations.length > 0).map((r) => `export { ${functionNames(r).join(", ")} } from "./${r.fileName}.js";\n`),
    names.errors.length > 0 ? `export {\n${list(names.errors)}} from "./errors.js";\n` : "",
    `export type {\n${list([...names.models, ...names.webhooks])}} from "./models.js";\n`,
    `export type {\n${list(names.requests)}} from "./requests.js";\n`,
    `export type { ${names.types.join(", ")} } from "./types.js";\n`,
  ].join("");
  return { path: "index.ts", contents };
}
