/**
 * The shared operation printer: each operation's module constants (its OperationSpec, and its
 * PagingSpec when paged) and its calls in the forms of call-form.ts, with the names a file
 * must import for them. A resource's file (resources.ts) and the client (client.ts, for the
 * untagged operations) both print their operations with it, so both behave alike.
 */
import { isDeepStrictEqual } from "node:util";
import { sdkPath, type BodyMedia, type Operation, type Parameter, type Resource, type ResponseMedia, type ServerModel, type SpecModel } from "../load/model.js";
import { jsdoc, literal, str } from "./source.js";
import { bodyTypeName, mediaResultType, requestTypeName, responseTypeName, schemaNamed, streamItemType, typeNameOf } from "./requests.js";
import { functionNamesOf, type CallForm } from "./call-form.js";
import { pagedCall, pagedItemModels, pagingConstant } from "./pagination.js";

/**
 * What a file needs to carry a resource's operations: the names to import, each operation's
 * module constants (its OperationSpec, and its PagingSpec when paged), and its calls in each
 * of `forms`. Resource classes and the client (for the untagged operations) both print these,
 * so both behave alike.
 * @param local the name a model or error class is imported under in the file
 */
export function operationMembers(model: SpecModel, resource: Resource, local: (name: string) => string, forms: readonly CallForm[]): {
  readonly errorClasses: ReadonlySet<string>;
  readonly models: ReadonlySet<string>;
  readonly requests: ReadonlySet<string>;
  readonly runtimeTypes: readonly string[];
  readonly constants: string;
  /** The calls of each form, in the order of `forms`. */
  readonly calls: readonly string[];
} {
  const errorClasses = new Set<string>();
  const models = new Set<string>();
  const requests = new Set<string>();
  /** The runtime's stream types the file needs. */
  const streamTypes = new Set<string>();
  for (const op of resource.operations) {
    requests.add(requestTypeName(op));
    if (op.body && !op.body.schemaName && op.body.encoding !== "binary") requests.add(bodyTypeName(model, op)!);
    const response = responseTypeName(model, op);
    if (op.response.kind === "json") (op.response.schemaName ? models : requests).add(response);
    for (const e of op.errors) errorClasses.add(errorClassOf(model, e.schemaName));
    for (const media of streamMedia(op)) {
      if (media.item?.schemaName) models.add(typeNameOf(model, media.item.schemaName));
      streamTypes.add("EventStream");
      if (streamItemType(model, op, media) === "ServerSentEvent") streamTypes.add("ServerSentEvent");
    }
  }
  for (const name of pagedItemModels(model, resource)) models.add(name);
  const constants = resource.operations.map((op) => {
    const names = functionNamesOf(op);
    return `const ${names.spec} = ${operationSpec(model, resource, op)} satisfies OperationSpec;\n${pagingConstant(op)}`;
  });
  const calls = forms.map((form) => resource.operations.map((op) => {
    const required = op.parameters.some((p) => p.required) || op.body?.required === true;
    const response = local(responseTypeName(model, op, local));
    const errorStatuses = op.errors.map((e) => e.status).join(", ");
    const throws = [
      errorStatuses ? `@throws {${[...new Set(op.errors.map((e) => local(errorClassOf(model, e.schemaName))))].join(" | ")}} on ${errorStatuses}` : undefined,
      "@throws {SDKError} on any other non-2xx status",
      "@throws {SDKValidationError} on a bad argument, before any request is sent",
      "@throws {ConnectionError | RequestTimeoutError | RequestAbortedError} when no response came",
    ];
    const streamed = streamMedia(op).length > 0
      ? "A stream (`EventStream`) is read with `for await`; `break` closes it; a failure mid-stream rejects the loop with ConnectionError, RequestTimeoutError, RequestAbortedError or StreamError."
      : undefined;
    const doc = jsdoc(
      [
        op.summary,
        op.summary && op.description ? "" : undefined,
        op.description,
        streamed && (op.summary || op.description) ? "" : undefined,
        streamed,
        "",
        ...throws,
        op.deprecated ? "@deprecated" : undefined,
      ],
      form.indent,
    );
    const body = `${form.indent}  return ${form.core}.invoke(${functionNamesOf(op).spec}, request, options);\n${form.indent}}\n`;
    return `${doc}${signatures(model, op, response, required, local, form.head(form.name(op, false)))}${body}` +
      (op.paging ? `\n${pagedCall(model, resource, op, local, throws, form)}` : "");
  }).join("\n"));
  const paged = resource.operations.some((op) => op.paging);
  return {
    errorClasses,
    models,
    requests,
    runtimeTypes: ["APIPromise", ...[...streamTypes].sort(), "OperationSpec", ...(paged ? ["PagingSpec"] : []), "RequestOptions"],
    constants: `\n${constants.join("\n")}`,
    calls,
  };
}

/** `import { A, B as BModel } from "./file.js"` for the names, each under its local name. */
export function importLine(names: ReadonlySet<string>, from: string, local: (name: string) => string, typeOnly = true): string {
  if (names.size === 0) return "";
  const list = [...names].sort().map((n) => (local(n) === n ? n : `${n} as ${local(n)}`)).join(", ");
  return `import ${typeOnly ? "type " : ""}{ ${list} } from ${str(from)};\n`;
}

/**
 * The method's signature: `options` gains `contentType` and `accept` (unions of the spec's
 * media types) when the body or the response has several; an `accept` whose media type
 * resolves to another type gets an overload of its own, so the result is typed by it.
 */
function signatures(model: SpecModel, op: Operation, response: string, required: boolean, local: (name: string) => string, head: string): string {
  const request = requestTypeName(op);
  const union = (types: readonly string[]) => types.map(str).join(" | ");
  const bodyTypes = op.body?.others ? [op.body.mediaType, ...op.body.others.map((m) => m.mediaType)] : [];
  const accepts = op.response.kind !== "empty" && op.response.kind !== "unknown" && op.response.others ? op.response.others : [];
  const base = `RequestOptions<Security>${bodyTypes.length > 0 ? ` & { contentType?: ${union(bodyTypes)} }` : ""}`;
  if (accepts.length === 0) {
    return `${head}request: ${request}${required ? "" : " = {}"}, options?: ${base}): APIPromise<${response}> {\n`;
  }
  const defaultMedia = (op.response as { mediaType: string }).mediaType;
  const byType = new Map<string, string[]>();
  for (const m of accepts) {
    const type = local(mediaResultType(model, op, m, local));
    if (type === response) continue;
    byType.set(type, [...(byType.get(type) ?? []), m.mediaType]);
  }
  const same = [defaultMedia, ...accepts.filter((m) => !byType.has(local(mediaResultType(model, op, m, local)))).map((m) => m.mediaType)];
  const overloads = [...byType].map(([type, media]) => `${head}request: ${request}, options: ${base} & { accept: ${union(media)} }): APIPromise<${type}>;\n`);
  return [
    ...overloads,
    `${head}request${required ? "" : "?"}: ${request}, options?: ${base} & { accept?: ${union(same)} }): APIPromise<${response}>;\n`,
    `${head}request: ${request}${required ? "" : " = {}"}, options?: ${base} & { accept?: ${union([defaultMedia, ...accepts.map((m) => m.mediaType)])} }): APIPromise<${[response, ...byType.keys()].join(" | ")}> {\n`,
  ].join("");
}

/** `operations` / `paths` from types.ts, for the JSON results of other accepted media types. */
export function typeRootImports(resource: Resource): string {
  const indexesTypes = (op: Operation) =>
    (op.response.kind !== "empty" && op.response.kind !== "unknown" && op.response.others?.some((m) => m.kind === "json")) ||
    streamMedia(op).some((m) => m.item?.typed && !m.item.schemaName);
  const refs = resource.operations.filter(indexesTypes).map((op) => op.typesRef);
  const roots = [...new Set(refs.map((ref) => ref.slice(0, ref.indexOf("["))))].sort();
  return roots.length > 0 ? `import type { ${roots.join(", ")} } from "./types.js";\n` : "";
}

function operationSpec(model: SpecModel, resource: Resource, op: Operation): string {
  const params = op.parameters.map(
    (p) => `    { field: ${str(p.field)}, name: ${str(p.name)}, in: ${str(p.in)}, required: ${p.required}${p.constraints ? `, constraints: ${literal(p.constraints)}` : ""}${serialization(p)}${p.querystring ? `, mediaType: ${str(p.querystring.mediaType)}` : ""} },\n`,
  );
  const media = (m: BodyMedia) => `mediaType: ${str(m.mediaType)}${m.encoding === "json" ? "" : `, encoding: ${str(m.encoding)}`}${m.fields ? `, fields: ${literal(m.fields)}` : ""}`;
  const others = op.body?.others ? `, others: [${op.body.others.map((m) => `{ ${media(m)} }`).join(", ")}]` : "";
  const body = op.body
    ? `  body: { field: ${str(op.body.field)}, required: ${op.body.required}, ${media(op.body)}${others} },\n`
    : "";
  const accepts = op.response.kind !== "empty" && op.response.kind !== "unknown" && op.response.others
    ? `  otherAccepts: [${op.response.others.map((m) => `{ mediaType: ${str(m.mediaType)}, response: ${str(m.kind)} }`).join(", ")}],\n`
    : "";
  const errors = op.errors.map((e) => `${str(e.status)}: ${errorClassOf(model, e.schemaName)}`).join(", ");
  return [
    "{\n",
    `  operationId: ${str(op.operationId)},\n`,
    `  methodPath: ${str(sdkPath(resource, op))},\n`,
    `  method: ${str(op.method)},\n`,
    `  path: ${str(op.path)},\n`,
    params.length > 0 ? `  parameters: [\n${params.join("")}  ],\n` : "  parameters: [],\n",
    body,
    op.idempotent ? "  idempotent: true,\n" : "",
    op.idempotencyHeader ? `  idempotencyHeader: ${str(op.idempotencyHeader)},\n` : "",
    `  response: ${str(op.response.kind)},\n`,
    op.response.kind !== "empty" && op.response.kind !== "unknown" && (op.response.kind !== "json" || (op.response.mediaType !== "application/json" && op.response.others)) ? `  accept: ${str(op.response.mediaType)},\n` : "",
    accepts,
    `  errors: ${errors ? `{ ${errors} }` : "{}"},\n`,
    op.security && !isDeepStrictEqual(op.security, model.security) ? `  security: ${literal(op.security)},\n` : "",
    op.servers ? `  servers: [${op.servers.map(serverLiteral).join(", ")}],\n` : "",
    "}",
  ].join("");
}

/** The operation's streamed media types: its default success and the others it accepts. */
export function streamMedia(op: Operation): ResponseMedia[] {
  const response = op.response;
  if (response.kind === "empty" || response.kind === "unknown") return [];
  return [response, ...(response.others ?? [])].filter((m): m is ResponseMedia => "item" in m && m.item !== undefined);
}

/** `style`, `explode` and `allowReserved`, printed only when the loader kept them (they differ from the defaults). */
function serialization(p: Parameter): string {
  return [
    p.style !== undefined ? `, style: ${str(p.style)}` : "",
    p.explode !== undefined ? `, explode: ${p.explode}` : "",
    p.allowReserved ? ", allowReserved: true" : "",
  ].join("");
}

function errorClassOf(model: SpecModel, schemaName: string): string {
  return schemaNamed(model, schemaName)?.errorClass?.className ?? typeNameOf(model, schemaName);
}

/** A server as the runtime's ServerSpec literal. */
export function serverLiteral(s: ServerModel): string {
  return literal({ url: s.url, ...(s.description ? { description: s.description } : {}), ...(s.variables ? { variables: s.variables } : {}) });
}
