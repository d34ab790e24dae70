/** The client classes, their options and everything they know from the spec: servers, security, retry policy. */
import type { SecurityScheme, SpecModel } from "../load/model.js";
import { allServers, childResources, serverVariableOptions } from "../load/queries.js";
import { propertyKey } from "../load/naming.js";
import { coreClassName } from "../load/queries.js";
import { runtimeFeatures } from "./features.js";
import { functionForm, functionNamesOf, methodForm } from "./call-form.js";
import { importLine, operationMembers, serverLiteral, typeRootImports } from "./operation.js";
import { banner, coreImport, jsdoc, literal, str, type EmitContext, type GeneratedFile } from "./source.js";

/**
 * core.ts: what the client knows from the spec (credentials, servers, retry policy) and the
 * lean client class `<Client>Core` that turns it into the runtime core, with no resources. The
 * standalone functions take it; the full client extends it. The runtime core is constructed
 * here and nowhere else, and kept under the `CORE` symbol, which the package does not export.
 */
export function emitCore(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const name = ctx.clientName;
  const core = coreClassName(name);
  /** No server in the spec: `serverURL` is a required option. */
  const noServer = model.servers.length === 0;
  const securityFields = model.securitySchemes.map(
    (s) => `${jsdoc([s.description, howSent(s), s.deprecated ? "@deprecated The API is retiring this scheme." : undefined], "  ")}  ${propertyKey(s.field)}${s.required ? "" : "?"}: ${fieldType(s)};\n`,
  );
  const servers = model.servers.map((s) => `  ${serverLiteral(s)},\n`);
  const variables = serverVariablesType(model);
  const schemes = model.securitySchemes.map((s) => `    ${schemeSpec(s)},\n`);
  const requirements = model.security ? `  security: ${literal(model.security)},\n` : "";
  const retry = model.retry
    ? `  retry: {\n${Object.entries(model.retry).map(([k, v]) => `    ${k}: ${literal(v)},\n`).join("")}  },\n`
    : "";
  const firstCall = model.resources.flatMap((r) => r.operations)[0];
  const features = runtimeFeatures(model);
  const featuresField = features.length > 0 ? `  features: { ${features.join(", ")} },\n` : "";
  const contents = [
    banner(ctx),
    `import { ${["SDKCoreBase", ...features].join(", ")}, type ClientOptions, type SDKDefinition } from ${str(coreImport(ctx))};\n`,
    `\n/** Credentials for ${model.title}. */\nexport interface Security {\n${securityFields.join("")}}\n\n`,
    `/** The version of ${ctx.packageName} this code was generated for; sent in the User-Agent. */\n`,
    `export const SDK_VERSION = ${str(ctx.packageVersion)};\n\n`,
    `/** The servers ${model.title} is served from; the first is the default. */\n`,
    `export const ServerList = [\n${servers.join("")}] as const;\n\n`,
    `const definition: SDKDefinition = {\n  sdkName: ${str(name)},\n  packageName: ${str(ctx.packageName)},\n  sdkVersion: SDK_VERSION,\n  servers: ServerList,\n  securitySchemes: [\n${schemes.join("")}  ],\n${requirements}${retry}${featuresField}  // Loaded by the first call that sets \`validateResponses\`, never before: an app that leaves it off does not bundle it.\n  validation: () => import("./validation.js"),\n};\n\n`,
    `/** Options of {@link ${name}} and {@link ${core}}: credentials, server, retries, timeout, hooks. */\n`,
    variables,
    noServer
      ? `export type ${name}Options = ClientOptions<Security${variables ? ", ServerVariables" : ""}> & {\n  /** Base URL of the API, e.g. \`https://api.example.com/v1\`: required, as the spec names no server. */\n  serverURL: string;\n};\n\n`
      : `export type ${name}Options = ClientOptions<Security${variables ? ", ServerVariables" : ""}>;\n\n`,
    "/** @internal Where a client keeps its runtime core: for the generated functions and classes, not exported by the package. */\n",
    'export const CORE = Symbol("core");\n\n',
    jsdoc([
      `The lean client of ${model.title}: the same options as {@link ${name}}, without its resources.`,
      "Pass it to the standalone functions, so a bundle holds only the operations the app calls.",
      ...(firstCall ? ["", "```ts", `const client = new ${core}(${exampleOptions(model)});`, `await ${functionNamesOf(firstCall).call}(client, request);`, "```"] : []),
    ]),
    `export class ${core} {\n`,
    "  /** @internal */\n",
    "  readonly [CORE]: SDKCoreBase<Security>;\n\n",
    `  constructor(options: ${name}Options${noServer ? "" : " = {}"}) {\n`,
    "    this[CORE] = new SDKCoreBase<Security>(definition, options);\n",
    "  }\n",
    "}\n",
  ].join("");
  return { path: "core.ts", contents };
}

/** sdk.ts: the full client, `<Client>Core` with a property per resource and the untagged operations as methods. */
export function emitClient(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const name = ctx.clientName;
  const core = coreClassName(name);
  const noServer = model.servers.length === 0;
  // The untagged operations are methods of the client itself, printed as a resource's are.
  const own = model.resources.find((r) => r.onClient);
  const members = own ? operationMembers(model, own, (n) => n, [functionForm(core), methodForm("this[CORE]")]) : undefined;
  const [functions, methods] = members?.calls ?? [];
  const ownImports = new Set([...(members?.errorClasses ?? []), ...(members?.models ?? []), ...(members?.requests ?? [])]);
  const resources = childResources(model, { path: [] });
  // A resource class named like the client (tag `Notes`, client `Notes`), or like a model its methods use, is imported under another name.
  const local = (r: { className: string }) => (r.className === name || ownImports.has(r.className) ? `${r.className}Resource` : r.className);
  const resourceImports = resources.map((r) => `import { ${r.className}${local(r) === r.className ? "" : ` as ${local(r)}`} } from "./${r.fileName}.js";\n`);
  const resourceFields = resources.map((r) => `${jsdoc([r.description], "  ")}  readonly ${r.property}: ${local(r)};\n`);
  const resourceInits = resources.map((r) => `    this.${r.property} = new ${local(r)}(this[CORE]);\n`);
  const contents = [
    banner(ctx),
    members ? `import type { ${members.runtimeTypes.join(", ")} } from ${str(coreImport(ctx))};\n` : "",
    `import { CORE, ${core}${resources.length > 0 ? `, type ${name}Options` : ""}${members ? ", type Security" : ""} } from "./core.js";\n`,
    members ? importLine(members.errorClasses, "./errors.js", (n) => n, false) : "",
    members ? importLine(members.models, "./models.js", (n) => n) : "",
    members ? importLine(members.requests, "./requests.js", (n) => n) : "",
    own ? typeRootImports(own) : "",
    resourceImports.join(""),
    members ? members.constants : "",
    functions ? `\n${functions}` : "",
    "\n",
    jsdoc([
      `Client of ${model.title}: {@link ${core}} with every operation as a method.`,
      "", "```ts", `const client = new ${name}(${exampleOptions(model)});`, "```",
    ]),
    `export class ${name} extends ${core} {\n`,
    resourceFields.join(""),
    // Without resources, the constructor is the core's.
    resources.length > 0 ? `\n  constructor(options: ${name}Options${noServer ? "" : " = {}"}) {\n    super(options);\n${resourceInits.join("")}  }\n` : "",
    methods ? `${resources.length > 0 ? "\n" : ""}${methods}` : "",
    "}\n",
  ].join("");
  return { path: "sdk.ts", contents };
}

/**
 * \`ServerVariables\`: every \`{variable}\` of the spec's servers (the client's and the
 * operations' own), each optional, typed as the union of its enum values when every
 * server declaring it lists them. Empty when no server has variables.
 */
function serverVariablesType(model: SpecModel): string {
  const all = serverVariableOptions(allServers(model));
  if (all.size === 0) return "";
  const fields = [...all].map(([variable, v]) => {
    const doc = jsdoc([v.description, v.default !== undefined ? `@defaultValue ${str(v.default)}` : undefined], "  ");
    return `${doc}  ${propertyKey(variable)}?: ${v.enum ? v.enum.map(str).join(" | ") : "string"};\n`;
  });
  return [
    "/**\n",
    " * Values of the `{variables}` in the servers' URLs, passed as the client's `serverVariables`\n",
    " * option (e.g. `{ serverVariables: { region: \"us\" } }` with `serverIdx` picking the server).\n",
    " * A variable left out takes the spec's default; a value outside a variable's enum fails\n",
    " * at construction. `serverURL` overrides them all.\n",
    " */\n",
    `export type ServerVariables = {\n${fields.join("")}};\n\n`,
  ].join("");
}

function exampleOptions(model: SpecModel): string {
  const first = model.securitySchemes[0];
  const fields = [
    ...(first ? [`security: { ${propertyKey(first.field)}: "..." }`] : []),
    ...(model.servers.length === 0 ? ['serverURL: "https://api.example.com"'] : []),
  ];
  return fields.length > 0 ? `{ ${fields.join(", ")} }` : "";
}

const TOKEN_TYPE = "string | (() => string | Promise<string>)";
const CLIENT_CREDENTIALS_TYPE = "{ clientID: string; clientSecret: string }";

/** The TypeScript type of a scheme's `security` field. */
function fieldType(s: SecurityScheme): string {
  if (s.kind === "basic") return "{ username: string; password: string }";
  if (s.kind === "oauth2" && s.tokenUrl !== undefined) return s.acceptsToken ? `${CLIENT_CREDENTIALS_TYPE} | ${TOKEN_TYPE}` : CLIENT_CREDENTIALS_TYPE;
  return TOKEN_TYPE;
}

function howSent(s: SecurityScheme): string {
  switch (s.kind) {
    case "apiKey":
      return `Sent as the \`${s.name}\` ${s.in === "query" ? "query parameter" : s.in}.`;
    case "basic":
      return "Sent as `Authorization: Basic base64(username:password)`.";
    case "oauth2":
      if (s.tokenUrl !== undefined) {
        return `OAuth2 client credentials: the client fetches a token from \`${s.tokenUrl}\` with the scopes the operation asks for, and caches it until shortly before it expires.${s.acceptsToken ? " A token (or a function returning one) is sent as is." : ""}`;
      }
      return `An OAuth2 access token (or a function returning one), sent as \`Authorization: Bearer <token>\`.${s.metadataUrl ? ` The authorization server's metadata: ${s.metadataUrl}` : ""}`;
    default:
      return `A${s.kind === "bearer" ? " bearer" : "n OpenID Connect"} token (or a function returning one), sent as \`Authorization: Bearer <token>\`.`;
  }
}

/** The scheme as the runtime's SecuritySchemeSpec. */
function schemeSpec(s: SecurityScheme): string {
  const field = `field: ${str(s.field)}`;
  switch (s.kind) {
    case "apiKey":
      return `{ ${field}, type: "apiKey", in: ${str(s.in)}, name: ${str(s.name)} }`;
    case "basic":
    case "bearer":
      return `{ ${field}, type: "http", scheme: ${str(s.kind)} }`;
    case "oauth2":
      return `{ ${field}, type: "oauth2"${s.tokenUrl === undefined ? "" : `, tokenUrl: ${str(s.tokenUrl)}`} }`;
    case "openIdConnect":
      return `{ ${field}, type: "openIdConnect" }`;
  }
}
