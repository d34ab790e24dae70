/** Turns the spec's paths into resources (one per tag) of named, fully resolved operations. */
import { pointer } from "../errors.js";
import { methodNameFor, NAME_OVERRIDE, type GlobalOverride } from "./method-names.js";
import type { ParameterConstraints } from "@x/runtime";
import type { HttpMethod, Operation, Parameter, Resource } from "./model.js";
import { camelCase, isIdentifier, pascalCase } from "./naming.js";
import { componentSchemaName, deref } from "./refs.js";
import { isRecord } from "./json.js";

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const DEFAULT_TAG = "default";
/** Marks a POST or PATCH as safe to repeat, so the runtime retries it like a GET. */
export const IDEMPOTENT_EXTENSION = "x-idempotent";

export function readResources(doc: Record<string, unknown>, overrides: readonly GlobalOverride[], problems: string[]): Resource[] {
  const byTag = new Map<string, Operation[]>();
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const at = pointer("paths", path, method);
      const operation = readOperation(doc, path, method, item, op, overrides, at, problems);
      if (!operation) continue;
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : DEFAULT_TAG;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
    }
  }
  const tagDocs = Array.isArray(doc.tags) ? doc.tags.filter(isRecord) : [];
  const order = (tag: string) => {
    const i = tagDocs.findIndex((t) => t.name === tag);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const tags = [...byTag.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const resources = tags.map((tag): Resource => {
    const operations = [...(byTag.get(tag) ?? [])].sort((a, b) => a.methodName.localeCompare(b.methodName));
    const description = tagDocs.find((t) => t.name === tag)?.description;
    return {
      tag,
      className: pascalCase(tag),
      property: camelCase(tag),
      fileName: camelCase(tag).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
      ...(typeof description === "string" ? { description } : {}),
      operations,
    };
  });
  reportClashes(resources, problems);
  return resources;
}

function readOperation(
  doc: Record<string, unknown>, path: string, method: HttpMethod, item: Record<string, unknown>,
  op: Record<string, unknown>, overrides: readonly GlobalOverride[], at: string, problems: string[],
): Operation | undefined {
  const operationId = op.operationId;
  if (typeof operationId !== "string" || operationId === "") {
    problems.push(`${at}: operation has no operationId, which the generator needs to name its types`);
    return undefined;
  }
  const methodName = methodNameFor(operationId, op[NAME_OVERRIDE], overrides);
  if (!isIdentifier(methodName) || methodName === "constructor") {
    problems.push(`${at}: method name ${JSON.stringify(methodName)} (from ${operationId}) is not usable as a TypeScript method`);
  }
  const parameters = readParameters(doc, item, op, at, problems);
  const body = readBody(doc, op, at, problems);
  const fields = [...parameters.map((p) => p.field), ...(body ? [body.field] : [])];
  const duplicate = fields.find((f, i) => fields.indexOf(f) !== i);
  if (duplicate) problems.push(`${at}: two inputs map to the request field "${duplicate}"`);
  const idempotent = op[IDEMPOTENT_EXTENSION];
  if (idempotent !== undefined && typeof idempotent !== "boolean") {
    problems.push(`${at}/${IDEMPOTENT_EXTENSION}: must be true or false, got ${JSON.stringify(idempotent)}`);
  }
  return {
    operationId,
    methodName,
    method,
    path,
    ...text("summary", op.summary),
    ...text("description", op.description),
    deprecated: op.deprecated === true,
    idempotent: idempotent === true,
    typeStem: pascalCase(operationId),
    parameters,
    ...(body ? { body } : {}),
    response: readSuccess(doc, op, at, problems),
    errors: readErrors(doc, op),
  };
}

function readParameters(
  doc: Record<string, unknown>, item: Record<string, unknown>, op: Record<string, unknown>, at: string, problems: string[],
): Parameter[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const merged = new Map<string, Record<string, unknown>>();
  for (const raw of [...asArray(item.parameters), ...asArray(op.parameters)]) {
    const param = deref(doc, raw);
    if (!param || typeof param.name !== "string") continue;
    merged.set(`${param.in}:${param.name}`, param);
  }
  const result: Parameter[] = [];
  for (const param of merged.values()) {
    const where = param.in;
    if (where === "cookie") {
      problems.push(`${at}: cookie parameter "${param.name}" is not supported`);
      continue;
    }
    if (where !== "path" && where !== "query" && where !== "header") continue;
    const schema = deref(doc, param.schema) ?? {};
    result.push({
      name: param.name as string,
      field: camelCase(param.name as string),
      in: where,
      required: where === "path" || param.required === true,
      ...text("description", param.description ?? schema.description),
      ...(schema.default !== undefined ? { defaultValue: schema.default } : {}),
      deprecated: param.deprecated === true,
      ...constraintsOf(schema),
    });
  }
  const rank = { path: 0, query: 1, header: 2 };
  return result.sort((a, b) => rank[a.in] - rank[b.in]);
}

function readBody(doc: Record<string, unknown>, op: Record<string, unknown>, at: string, problems: string[]): Operation["body"] {
  const body = deref(doc, op.requestBody);
  if (!body) return undefined;
  const content = isRecord(body.content) ? body.content : {};
  const mediaType = Object.keys(content).find(isJsonMediaType);
  if (!mediaType) {
    problems.push(`${at}/requestBody: only JSON bodies are supported, found ${Object.keys(content).join(", ") || "no content"}`);
    return undefined;
  }
  const schemaName = componentSchemaName((content[mediaType] as Record<string, unknown> | undefined)?.schema);
  return {
    field: schemaName ? camelCase(schemaName) : "requestBody",
    required: body.required === true,
    mediaType,
    ...(schemaName ? { schemaName } : {}),
    ...text("description", body.description),
  };
}

function readSuccess(doc: Record<string, unknown>, op: Record<string, unknown>, at: string, problems: string[]): Operation["response"] {
  const responses = isRecord(op.responses) ? op.responses : {};
  const status = Object.keys(responses).filter((s) => /^2(\d\d|XX)$/i.test(s)).sort()[0];
  if (!status) return { kind: "empty", status: "2XX" };
  const content = deref(doc, responses[status])?.content;
  const types = isRecord(content) ? Object.keys(content) : [];
  if (types.length === 0) return { kind: "empty", status };
  const mediaType = types.find(isJsonMediaType);
  if (!mediaType) {
    problems.push(`${at}/responses/${status}: only JSON responses are supported, found ${types.join(", ")}`);
    return { kind: "empty", status };
  }
  const schemaName = componentSchemaName((content as Record<string, Record<string, unknown>>)[mediaType]?.schema);
  return { kind: "json", status, mediaType, ...(schemaName ? { schemaName } : {}) };
}

function readErrors(doc: Record<string, unknown>, op: Record<string, unknown>): Operation["errors"] {
  const responses = isRecord(op.responses) ? op.responses : {};
  const errors: { status: string; schemaName: string }[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^([45](\d\d|XX)|default)$/i.test(status)) continue;
    const content = deref(doc, raw)?.content;
    if (!isRecord(content)) continue;
    const mediaType = Object.keys(content).find(isJsonMediaType);
    const schemaName = mediaType ? componentSchemaName((content[mediaType] as Record<string, unknown>)?.schema) : undefined;
    if (schemaName) errors.push({ status: /^default$/i.test(status) ? "default" : status.toUpperCase(), schemaName });
  }
  return errors;
}

function reportClashes(resources: readonly Resource[], problems: string[]): void {
  for (const resource of resources) {
    const seen = new Map<string, string>();
    for (const op of resource.operations) {
      const other = seen.get(op.methodName);
      if (other) problems.push(`${resource.property}.${op.methodName} would be generated twice: from ${other} and ${op.operationId}; give one an ${NAME_OVERRIDE}`);
      seen.set(op.methodName, op.operationId);
    }
  }
}

const SCALAR_TYPES: readonly string[] = ["string", "integer", "number", "boolean"] satisfies ParameterConstraints["type"][];
const NUMERIC_CONSTRAINTS = ["minimum", "maximum", "minLength", "maxLength"] as const;

/** A scalar parameter schema's checkable constraints, in a fixed key order. */
function constraintsOf(schema: Record<string, unknown>): { constraints?: ParameterConstraints } {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t !== "null");
  if (types.length !== 1 || !SCALAR_TYPES.includes(types[0])) return {};
  const constraints: { -readonly [K in keyof ParameterConstraints]: ParameterConstraints[K] } = { type: types[0] as ParameterConstraints["type"] };
  if (typeof schema.format === "string") constraints.format = schema.format;
  for (const key of NUMERIC_CONSTRAINTS) if (typeof schema[key] === "number") constraints[key] = schema[key];
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v !== "object")) constraints.enum = schema.enum;
  return { constraints };
}

export function isJsonMediaType(type: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json(?:;.*)?$/i.test(type);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === "string" && value.trim() !== "" ? { [key]: value.trim() } : {}) as { [P in K]?: string };
}
