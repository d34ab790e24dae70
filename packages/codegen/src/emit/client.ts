/** The client class, its options and everything it knows from the spec: servers, security, retry policy. */
import type { SpecModel } from "../load/model.js";
import { propertyKey } from "../load/naming.js";
import { banner, jsdoc, literal, str, type EmitContext, type GeneratedFile } from "./source.js";

export function emitClient(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const name = ctx.clientName;
  /** No server in the spec: `serverURL` is a required option. */
  const noServer = model.servers.length === 0;
  const optionalSecurity = model.securitySchemes.length > 1;
  const securityFields = model.securitySchemes.map(
    (s) => `${jsdoc([s.description, `Sent as the \`${s.name}\` ${s.in === "header" ? "header" : "query parameter"}.`], "  ")}  ${propertyKey(s.field)}${optionalSecurity ? "?" : ""}: string;\n`,
  );
  const servers = model.servers.map((s) => `  { url: ${str(s.url)}${s.description ? `, description: ${str(s.description)}` : ""} },\n`);
  const schemes = model.securitySchemes.map(
    (s) => `    { field: ${str(s.field)}, type: "apiKey", in: ${str(s.in)}, name: ${str(s.name)} },\n`,
  );
  const retry = model.retry
    ? `  retry: {\n${Object.entries(model.retry).map(([k, v]) => `    ${k}: ${literal(v)},\n`).join("")}  },\n`
    : "";
  // A resource class named like the client (tag `Notes`, client `Notes`) is imported under another name.
  const local = (r: { className: string }) => (r.className === name ? `${r.className}Resource` : r.className);
  const resourceImports = model.resources.map((r) => `import { ${r.className}${local(r) === r.className ? "" : ` as ${local(r)}`} } from "./${r.fileName}.js";\n`);
  const resourceFields = model.resources.map((r) => `${jsdoc([r.description], "  ")}  readonly ${r.property}: ${local(r)};\n`);
  const resourceInits = model.resources.map((r) => `    this.${r.property} = new ${local(r)}(core);\n`);
  const contents = [
    banner(ctx),
    `import { SDKCore, type ClientOptions, type SDKDefinition } from ${str(ctx.runtimeImport)};\n`,
    resourceImports.join(""),
    `\n/** Credentials for ${model.title}. */\nexport interface Security {\n${securityFields.join("")}}\n\n`,
    `/** The version of ${ctx.packageName} this code was generated for; sent in the User-Agent. */\n`,
    `export const SDK_VERSION = ${str(ctx.packageVersion)};\n\n`,
    `/** The servers ${model.title} is served from; the first is the default. */\n`,
    `export const ServerList = [\n${servers.join("")}] as const;\n\n`,
    `const definition: SDKDefinition = {\n  sdkName: ${str(name)},\n  packageName: ${str(ctx.packageName)},\n  sdkVersion: SDK_VERSION,\n  servers: ServerList,\n  securitySchemes: [\n${schemes.join("")}  ],\n${retry}};\n\n`,
    `/** Options of {@link ${name}}: credentials, server, retries, timeout, hooks. */\n`,
    noServer
      ? `export type ${name}Options = ClientOptions<Security> & {\n  /** Base URL of the API, e.g. \`https://api.example.com/v1\`: required, as the spec names no server. */\n  serverURL: string;\n};\n\n`
      : `export type ${name}Options = ClientOptions<Security>;\n\n`,
    jsdoc([`Client of ${model.title}.`, "", "```ts", `const client = new ${name}(${exampleOptions(model)});`, "```"]),
    `export class ${name} {\n`,
    resourceFields.join(""),
    `\n  constructor(options: ${name}Options${noServer ? "" : " = {}"}) {\n`,
    "    const core = new SDKCore<Security>(definition, options);\n",
    resourceInits.join(""),
    "  }\n}\n",
  ].join("");
  return { path: "sdk.ts", contents };
}

function exampleOptions(model: SpecModel): string {
  const first = model.securitySchemes[0];
  const fields = [
    ...(first ? [`security: { ${propertyKey(first.field)}: "..." }`] : []),
    ...(model.servers.length === 0 ? ['serverURL: "https://api.example.com"'] : []),
  ];
  return fields.length > 0 ? `{ ${fields.join(", ")} }` : "";
}
