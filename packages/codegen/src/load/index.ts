/** Loads one spec into the model every emitter prints from. */
import { warning, type Warning } from "./warnings.js";
import { CodegenError, pointer } from "../errors.js";
import type { ErrorClassModel, SchemaModel, SpecModel } from "./model.js";
import { markRequired, readRequirements, readSecuritySchemes } from "./security.js";
import { NAME_OVERRIDE, readGlobalOverrides } from "./method-names.js";
import { isIdentifier } from "./naming.js";
import { readResources } from "./operations.js";
import { markPagedOperations } from "./pagination.js";
import { normalizeDiscriminators } from "./discriminators.js";
import { normalizePathParameters } from "./path-parameters.js";
import { normalizeItemSchemas } from "./item-schemas.js";
import { readSpec } from "./read-spec.js";
import { hoistNestedSchemaRefs } from "./refs.js";
import { hoistQuerystringSchemas } from "./querystring.js";
import { LoadContext } from "./context.js";
import { isRecord } from "./json.js";
import { readRetryPolicy, RETRY_EXTENSION } from "./retries.js";
import { readWebhooks } from "./webhooks.js";
import { NameRegistry, wantedSchemaNames, settleClientName, settleFunctionNames, settleSchemaNames, settleTypeNames, settleWebhookNames } from "./type-names.js";
import { readServers } from "./servers.js";
import { readShapes } from "./shapes.js";

export type { SpecModel } from "./model.js";

/** Error-body fields that would shadow what every APIError already has (test/error-fields.test.ts checks the list against the runtime). */
const RESERVED_ERROR_FIELDS = new Set([
  "name", "message", "stack", "cause", "status", "headers", "body", "bodyText", "rawResponse", "methodPath",
  "method", "url", "attempts", "data", "toJSON", "toString", "constructor",
]);
/** Fields whose value reads best as an error's message, in order of preference. */
const MESSAGE_FIELDS = ["error", "message", "detail", "title"];

export interface LoadOptions {
  /** The client class's name, when known: a schema named like it (or its options type) is renamed. */
  readonly clientName?: string;
}

export async function loadSpec(file: string, absolutePath: string, options: LoadOptions = {}): Promise<SpecModel> {
  const warnings: Warning[] = [];
  const raw = await readSpec(file, absolutePath, warnings);
  const hoisted = new Map<string, string>();
  const document = hoistQuerystringSchemas(hoistNestedSchemaRefs(raw, hoisted), hoisted);
  const ctx = new LoadContext(document, warnings, [], new Set(hoisted.keys()));
  const problems = ctx.problems;
  normalizeDiscriminators(ctx);
  normalizePathParameters(ctx);
  normalizeItemSchemas(ctx);
  const retry = readRetryPolicy(document[RETRY_EXTENSION], problems);
  const resources = markPagedOperations(ctx, readResources(ctx, readGlobalOverrides(document[NAME_OVERRIDE], problems)));
  const webhooks = readWebhooks(ctx);
  if (resources.length === 0 && webhooks.length === 0) problems.push(`${pointer("paths")}: no operations to generate (and no webhook payloads)`);
  const info = isRecord(document.info) ? document.info : {};
  const servers = readServers(ctx, document.servers, ["servers"]);
  if (servers.length === 0) warnings.push(warning("servers", `${pointer("servers")}: the spec names no server, so the client requires serverURL at construction`));
  const errorSchemas = new Set(resources.flatMap((r) => r.operations.flatMap((o) => o.errors.map((e) => e.schemaName))));
  const security = readRequirements(document.security);
  const clientName = options.clientName === undefined ? undefined : settleClientName(options.clientName, warnings);
  const registry = new NameRegistry(clientName);
  const schemas = settleSchemaNames(readSchemas(ctx, errorSchemas), registry, warnings);
  const typed = settleTypeNames(resources, registry, warnings);
  const settledWebhooks = settleWebhookNames(webhooks, registry, warnings);
  const model: SpecModel = {
    file,
    document,
    ...(clientName !== undefined ? { clientName } : {}),
    title: typeof info.title === "string" ? info.title : file,
    ...(typeof document.$self === "string" ? { self: document.$self } : {}),
    ...(typeof info.version === "string" ? { version: info.version } : {}),
    ...(typeof info.description === "string" ? { description: info.description } : {}),
    servers,
    securitySchemes: markRequired(readSecuritySchemes(ctx), security, resources),
    ...(security ? { security } : {}),
    ...(retry ? { retry } : {}),
    schemas,
    shapes: readShapes(ctx, resources),
    resources: settleFunctionNames(typed, registry, warnings),
    webhooks: settledWebhooks,
    warnings: warnings.map((w) => w.text),
    kindedWarnings: warnings,
    ...(hoisted.size > 0 ? { hoistedFrom: Object.fromEntries(hoisted) } : {}),
  };
  if (problems.length > 0) throw new CodegenError(file, problems);
  return model;
}

/** The schemas with the names they want; settleSchemaNames decides the names they get. */
function readSchemas(ctx: LoadContext, errorSchemas: Set<string>): SchemaModel[] {
  const components = isRecord(ctx.document.components) ? ctx.document.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  // The loader's own copies (see hoistNestedSchemaRefs) are no part of the surface: they read as inline schemas.
  return Object.entries(schemas).filter(([name]) => !ctx.hoisted.has(name)).map(([name, raw]) => {
    const schema = ctx.deref(raw) ?? {};
    const { typeName, className } = wantedSchemaNames(name, errorSchemas.has(name));
    return {
      name,
      typeName,
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      ...(className !== undefined ? { errorClass: errorClassFor(ctx, className, schema) } : {}),
    };
  });
}

function errorClassFor(ctx: LoadContext, className: string, schema: Record<string, unknown>): ErrorClassModel {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const fields = Object.entries(properties)
    .filter(([name]) => isIdentifier(name) && !RESERVED_ERROR_FIELDS.has(name))
    .map(([name, raw]) => {
      const description = ctx.deref(raw)?.description;
      return { name, ...(typeof description === "string" ? { description } : {}) };
    });
  const messageField = MESSAGE_FIELDS.find((f) => f in properties);
  return { className, fields, ...(messageField ? { messageField } : {}) };
}
