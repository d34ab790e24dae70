/**
 * The generated part of the public surface, every export by name. Resource classes
 * are reached through the client, so they stay out (a model may share a tag's name).
 */
import type { SpecModel } from "../load/model.js";
import { banner, type EmitContext, type GeneratedFile } from "./source.js";
import { operationTypeNames } from "./requests.js";
import { allServers, serverVariableOptions } from "../load/servers.js";

interface BarrelNames {
  readonly client: string[];
  readonly errors: string[];
  readonly models: string[];
  readonly requests: string[];
  readonly types: string[];
  readonly webhooks: string[];
}

function barrelNames(model: SpecModel, clientName: string): BarrelNames {
  return {
    client: [clientName, "SDK_VERSION", "ServerList", `type ${clientName}Options`, "type Security", ...(serverVariableOptions(allServers(model)).size > 0 ? ["type ServerVariables"] : [])],
    errors: model.schemas.flatMap((s) => (s.errorClass ? [s.errorClass.className] : [])),
    models: model.schemas.map((s) => s.typeName),
    requests: model.resources.flatMap((r) => r.operations.flatMap((op) => operationTypeNames(op))),
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
    `export { ${names.client.join(", ")} } from "./sdk.js";\n`,
    names.errors.length > 0 ? `export {\n${list(names.errors)}} from "./errors.js";\n` : "",
    `export type {\n${list([...names.models, ...names.webhooks])}} from "./models.js";\n`,
    `export type {\n${list(names.requests)}} from "./requests.js";\n`,
    `export type { ${names.types.join(", ")} } from "./types.js";\n`,
  ].join("");
  return { path: "index.ts", contents };
}
