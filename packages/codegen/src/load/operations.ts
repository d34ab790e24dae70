/** Turns the spec's paths into resources (one per tag) of named, fully resolved operations. */
import { warning, type Warning } from "./warnings.js";
import { pointer } from "../errors.js";
import { methodNameFor, NAME_OVERRIDE, type GlobalOverride } from "./method-names.js";
import type { BodyEncoding, FieldEncodingSpec, ParameterConstraints, ParameterStyle } from "@x/runtime";
import { sdkPath, type HttpMethod, type Operation, type Parameter, type Resource } from "./model.js";
import { camelCase, isIdentifier, operationNameFromPath, pascalCase } from "./naming.js";
import { componentSchemaName, deref } from "./refs.js";
import { INTERNAL_NAMES } from "./type-names.js";
import { readRequirements } from "./security.js";
import { isRecord } from "./json.js";
import { readServers } from "./servers.js";

/** The operations a path item (or a webhook) may hold, in the order they are read. */
export const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** Client members a resource property or a method of the client may not take. */
const RESERVED_PROPERTIES = new Set(["constructor"]);
/** The generated files besides the resources' (without extension). */
const GENERATED_FILES = new Set(["core", "errors", "index", "models", "requests", "sdk", "types"]);
/** Marks a POST or PATCH as safe to repeat, so the runtime retries it like a GET. */
export const IDEMPOTENT_EXTENSION = "x-idempotent";

export function readResources(
  doc: Record<string, unknown>, overrides: readonly GlobalOverride[], problems: string[], warnings: Warning[] = [],
): Resource[] {
  const byTag = new Map<string, Operation[]>();
  /** Operations without a tag: methods of the client itself. */
  const untagged: Operation[] = [];
  /** Where each operationId was first seen, to report a duplicate. */
  const operationIds = new Map<string, string>();
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const at = pointer("paths", path, method);
      const operation = readOperation(doc, path, method, item, op, overrides, at, problems, warnings);
      if (!operation) continue;
      const first = operationIds.get(operation.operationId);
      if (first !== undefined) {
        problems.push(`${at}/operationId: duplicate operationId "${operation.operationId}", first used at ${first}`);
        continue;
      }
      operationIds.set(operation.operationId, at);
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : undefined;
      if (tag === undefined) untagged.push(operation);
      else byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
    }
  }
  const tagDocs = Array.isArray(doc.tags) ? doc.tags.filter(isRecord) : [];
  const order = (tag: string) => {
    const i = tagDocs.findIndex((t) => t.name === tag);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const tags = [...byTag.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const properties = new Map<string, string>();
  const resources = tags.map((tag): Resource => {
    const operations = [...(byTag.get(tag) ?? [])].sort((a, b) => a.methodName.localeCompare(b.methodName));
    const description = tagDocs.find((t) => t.name === tag)?.description;
    const wanted = camelCase(tag) || "resource";
    let property = wanted;
    for (let n = 2; properties.has(property) || RESERVED_PROPERTIES.has(property); n++) property = `${wanted}${n}`;
    if (property !== wanted) {
      const holder = properties.get(wanted);
      warnings.push(warning("naming", `${pointer("tags")}: tag ${JSON.stringify(tag)} would be the client's ${wanted}, ${holder === undefined ? "which the client reserves" : `as tag ${JSON.stringify(holder)} is`}; reached as ${property} instead`));
    }
    properties.set(property, tag);
    const className = pascalCase(property);
    const fileName = property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return {
      tag,
      // Resource classes are not exported (see emit/barrel.ts), so only the files that declare or import them must keep them apart.
      className: INTERNAL_NAMES.includes(className) || className === "Security" ? `${className}Resource` : className,
      property,
      fileName: GENERATED_FILES.has(fileName) ? `${fileName}-resource` : fileName,
      ...(typeof description === "string" ? { description } : {}),
      operations,
    };
  });
  const members = new Set([...RESERVED_PROPERTIES, ...properties.keys()]);
  const onClient: Resource[] = untagged.length === 0 ? [] : [{ tag: "", className: "", property: "", fileName: "", onClient: true, operations: untagged }];
  return [...onClient, ...resources].map((resource) => settleClashes(resource, resource.onClient ? members : RESERVED_PROPERTIES, warnings));
}

function readOperation(
  doc: Record<string, unknown>, path: string, method: HttpMethod, item: Record<string, unknown>,
  op: Record<string, unknown>, overrides: readonly GlobalOverride[], at: string, problems: string[], warnings: Warning[],
): Operation | undefined {
  const given = typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : undefined;
  const operationId = given ?? operationNameFromPath(method, path);
  if (!given) warnings.push(warning("naming", `${at}: no operationId; named ${operationId} from its method and path (give it an operationId to choose)`));
  const typesRef = given ? `operations[${JSON.stringify(given)}]` : `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]`;
  const methodName = methodNameFor(operationId, op[NAME_OVERRIDE], overrides);
  if (!isIdentifier(methodName)) {
    problems.push(`${at}: method name ${JSON.stringify(methodName)} (from ${operationId}) is not usable as a TypeScript method`);
  }
  const parameters = readParameters(doc, item, op, at, warnings);
  if (isRecord(op.callbacks) && Object.keys(op.callbacks).length > 0) {
    warnings.push(warning("callbacks", `${at}/callbacks: callbacks are not generated (${Object.keys(op.callbacks).join(", ")}); the operation is`));
  }
  if (!isRecord(op.responses) || Object.keys(op.responses).length === 0) {
    warnings.push(warning("responses", `${at}: documents no response; the method resolves to whatever 2xx body arrives (typed unknown), undefined when empty`));
  }
  const body = readBody(doc, op, at, warnings);
  const fields = [...parameters.map((p) => p.field), ...(body ? [body.field] : [])];
  const duplicate = fields.find((f, i) => fields.indexOf(f) !== i);
  if (duplicate) problems.push(`${at}: two inputs map to the request field "${duplicate}"`);
  // The operation's servers replace its path item's (OpenAPI 3.x, Operation Object).
  const servers = Array.isArray(op.servers)
    ? readServers(op.servers, ["paths", path, method, "servers"], warnings, true)
    : readServers(item.servers, ["paths", path, "servers"], warnings, true);
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
    functionName: "",
    typesRef,
    parameters,
    ...(body ? { body } : {}),
    response: readSuccess(doc, op),
    errors: readErrors(doc, op),
    ...(Array.isArray(op.security) ? { security: readRequirements(op.security) } : {}),
    ...(servers.length > 0 ? { servers } : {}),
  };
}

function readParameters(
  doc: Record<string, unknown>, item: Record<string, unknown>, op: Record<string, unknown>, at: string, warnings: Warning[],
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
    if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie") continue;
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
      ...(param.schema !== undefined ? { schema: param.schema } : {}),
      ...serializationOf(param, where, at, warnings),
    });
  }
  const rank = { path: 0, query: 1, header: 2, cookie: 3 };
  return result.sort((a, b) => rank[a.in] - rank[b.in]);
}

/** The styles each location allows, the first its default (OpenAPI 3.1, Parameter Object). */
const STYLES: Record<Parameter["in"], readonly ParameterStyle[]> = {
  path: ["simple", "label", "matrix"],
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: ["simple"],
  cookie: ["form"],
};

/**
 * `style`, `explode` and `allowReserved`, each only when it differs from the default, so
 * specs that use none generate what they always did. A style the location does not
 * allow is warned about and the default used.
 */
function serializationOf(
  param: Record<string, unknown>, where: Parameter["in"], at: string, warnings: Warning[],
): Pick<Parameter, "style" | "explode" | "allowReserved"> {
  const allowed = STYLES[where];
  let style = allowed[0]!;
  if (param.style !== undefined) {
    if (allowed.includes(param.style as ParameterStyle)) style = param.style as ParameterStyle;
    else warnings.push(warning("parameters", `${at}: ${where} parameter "${param.name}" has style ${JSON.stringify(param.style)}, which a ${where} parameter cannot have; sent as ${style}`));
  }
  const explode = typeof param.explode === "boolean" ? param.explode : style === "form";
  return {
    ...(style !== allowed[0] ? { style } : {}),
    ...(explode !== (style === "form") ? { explode } : {}),
    ...(where === "query" && param.allowReserved === true ? { allowReserved: true } : {}),
  };
}

function readBody(doc: Record<string, unknown>, op: Record<string, unknown>, at: string, warnings: Warning[]): Operation["body"] {
  const body = deref(doc, op.requestBody);
  if (!body) return undefined;
  const content = isRecord(body.content) ? body.content : {};
  const [mediaType, ...rest] = byPreference(Object.keys(content));
  if (!mediaType) {
    warnings.push(warning("bodies", `${at}/requestBody: has no content; the operation is generated without a body`));
    return undefined;
  }
  const encoding = bodyEncoding(mediaType);
  // Only JSON bodies are typed by their component name; others keep the inline type.
  const schema = (content[mediaType] as Record<string, unknown> | undefined)?.schema;
  const schemaName = encoding === "json" ? componentSchemaName(schema) : undefined;
  const fields = fieldEncodings(content[mediaType], encoding, `${at}/requestBody/content/${mediaType}`, warnings);
  const others = rest.map((type) => {
    const other = bodyEncoding(type);
    const otherFields = fieldEncodings(content[type], other, `${at}/requestBody/content/${type}`, warnings);
    return { mediaType: type, encoding: other, ...(otherFields ? { fields: otherFields } : {}) };
  });
  return {
    field: schemaName ? camelCase(schemaName) : "requestBody",
    required: body.required === true,
    mediaType,
    encoding,
    ...(schemaName ? { schemaName } : {}),
    ...text("description", body.description),
    ...(schema !== undefined ? { schema } : {}),
    ...(fields ? { fields } : {}),
    ...(others.length > 0 ? { others } : {}),
  };
}

const FORM_STYLES: readonly string[] = ["form", "spaceDelimited", "pipeDelimited", "deepObject"];

/**
 * A form or multipart body's `encoding`, by property: a part's `contentType`, and a form
 * field's `style` / `explode` / `allowReserved` (a style a form field cannot have is warned
 * about and left out). `undefined` when there is nothing to say.
 */
function fieldEncodings(media: unknown, encoding: BodyEncoding, at: string, warnings: Warning[]): Record<string, FieldEncodingSpec> | undefined {
  const declared = isRecord(media) && isRecord(media.encoding) ? media.encoding : {};
  if (encoding !== "form" && encoding !== "multipart") return undefined;
  const fields: Record<string, FieldEncodingSpec> = {};
  for (const [name, raw] of Object.entries(declared)) {
    if (!isRecord(raw)) continue;
    const style = raw.style;
    if (style !== undefined && !FORM_STYLES.includes(style as string)) warnings.push(warning("bodies", `${at}/encoding/${name}: style ${JSON.stringify(style)} is not one a form field can have; sent as form`));
    const field: FieldEncodingSpec = {
      ...(typeof raw.contentType === "string" ? { contentType: raw.contentType } : {}),
      // Style and explode apply to form bodies only (OpenAPI 3.x, Encoding Object).
      ...(encoding === "form" && FORM_STYLES.includes(style as string) ? { style: style as FieldEncodingSpec["style"] } : {}),
      ...(encoding === "form" && typeof raw.explode === "boolean" ? { explode: raw.explode } : {}),
      ...(encoding === "form" && raw.allowReserved === true ? { allowReserved: true } : {}),
    };
    if (Object.keys(field).length > 0) fields[name] = field;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function readSuccess(doc: Record<string, unknown>, op: Record<string, unknown>): Operation["response"] {
  if (!isRecord(op.responses) || Object.keys(op.responses).length === 0) return { kind: "unknown", status: "2XX" };
  const responses = op.responses;
  const status = Object.keys(responses).filter((s) => /^2(\d\d|XX)$/i.test(s)).sort()[0];
  if (!status) return { kind: "empty", status: "2XX" };
  const content = deref(doc, responses[status])?.content;
  const [mediaType, ...rest] = byPreference(isRecord(content) ? Object.keys(content) : []);
  if (!mediaType) return { kind: "empty", status };
  const kind = responseKind(mediaType);
  const others = rest.map((type) => ({ mediaType: type, kind: responseKind(type) }));
  const alternatives = others.length > 0 ? { others } : {};
  if (kind !== "json") return { kind, status, mediaType, ...alternatives };
  const schema = (content as Record<string, Record<string, unknown>>)[mediaType]?.schema;
  const schemaName = componentSchemaName(schema);
  return { kind: "json", status, mediaType, ...(schemaName ? { schemaName } : {}), ...(schema !== undefined ? { schema } : {}), ...alternatives };
}

/** JSON first, then text, forms, multipart, then anything else (sent or read as bytes); the first is the default. */
function byPreference(types: readonly string[]): string[] {
  const rank = (type: string): number => {
    if (isJsonMediaType(type)) return 0;
    if (isTextMediaType(type)) return 1;
    if (/^application\/x-www-form-urlencoded/i.test(type)) return 2;
    if (/^multipart\/form-data/i.test(type)) return 3;
    return 4;
  };
  return [...types].sort((a, b) => rank(a) - rank(b));
}

function bodyEncoding(mediaType: string): BodyEncoding {
  if (isJsonMediaType(mediaType)) return "json";
  if (isTextMediaType(mediaType)) return "text";
  if (/^application\/x-www-form-urlencoded/i.test(mediaType)) return "form";
  if (/^multipart\//i.test(mediaType)) return "multipart";
  return "binary";
}

function responseKind(mediaType: string): "json" | "text" | "binary" {
  if (isJsonMediaType(mediaType)) return "json";
  return isTextMediaType(mediaType) ? "text" : "binary";
}

/** `text/*`, XML and other textual types a caller reads as a string. */
export function isTextMediaType(type: string): boolean {
  return /^(text\/[\w.+-]+|application\/(?:[\w.-]+\+)?xml|application\/(?:javascript|yaml|x-yaml|x-ndjson))(?:;.*)?$/i.test(type);
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

/**
 * Two operations of a resource with one method name: the first (in method-name, then
 * path order) keeps it, the next takes its camel-cased operationId (or a numbered
 * name), with a warning naming both. A method of the client itself may not take the name of
 * one of its members (`reserved`: `constructor`, and for the client a resource's property) either.
 */
function settleClashes(resource: Resource, reserved: ReadonlySet<string>, warnings: Warning[]): Resource {
  const taken = new Set<string>(reserved);
  const operations = [...resource.operations].sort((a, b) => a.methodName.localeCompare(b.methodName)).map((op) => {
    if (!taken.has(op.methodName)) {
      taken.add(op.methodName);
      return op;
    }
    const first = resource.operations.find((o) => o.methodName === op.methodName && o !== op);
    let name = camelCase(op.operationId);
    for (let n = 2; taken.has(name) || !isIdentifier(name); n++) name = `${op.methodName}${n}`;
    taken.add(name);
    const holder = reserved.has(op.methodName) || !first ? "a member of the class" : `${first.operationId}'s`;
    warnings.push(warning("naming", 
      `${pointer("paths", op.path, op.method)}: ${sdkPath(resource, op)} is already ${holder}; ` +
      `${op.operationId} is generated as ${sdkPath(resource, { methodName: name })} (give it an ${NAME_OVERRIDE} to choose)`,
    ));
    return { ...op, methodName: name };
  });
  return { ...resource, operations: [...operations].sort((a, b) => a.methodName.localeCompare(b.methodName)) };
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
