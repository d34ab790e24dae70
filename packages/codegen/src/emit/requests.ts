/**
 * One request interface per operation (path, query and header parameters as
 * camel-cased fields, plus the body), and names for inline bodies and responses.
 * Field types index into openapi-typescript's `operations` (or `paths`, for an operation with
 * no operationId), so they cannot drift from the spec.
 */
import { sdkPath, type Operation, type ResponseMedia, type SchemaModel, type SpecModel } from "../load/model.js";
import { propertyKey } from "../load/naming.js";
import { banner, jsdoc, schemaRef, str, type EmitContext, type GeneratedFile } from "./source.js";

/** What a binary body may be: the spec's own type for it (a string) says nothing useful. */
const BINARY_BODY_TYPE = "Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array> | string";

/** Names this file exports for one operation (settled by the name registry, load/type-names.ts). */
export function requestTypeName(op: Operation): string {
  return op.names.request;
}

/** The TypeScript type of the operation's body, or `undefined` when it has none. */
export function bodyTypeName(model: SpecModel, op: Operation): string | undefined {
  if (!op.body) return undefined;
  if (op.body.encoding === "binary") return BINARY_BODY_TYPE;
  return op.body.schemaName ? typeNameOf(model, op.body.schemaName) : op.names.requestBody!;
}

/**
 * The TypeScript type a successful call resolves to; `local` names a model as the printing
 * file imports it (a stream's items may be one).
 */
export function responseTypeName(model: SpecModel, op: Operation, local: (name: string) => string = (name) => name): string {
  switch (op.response.kind) {
    case "empty":
      return "void";
    case "unknown":
      return "unknown";
    case "text":
      return "string";
    case "binary":
      return "Blob";
    case "json":
      return op.response.schemaName ? typeNameOf(model, op.response.schemaName) : op.names.response!;
    default:
      return `EventStream<${streamItemType(model, op, op.response, local)}>`;
  }
}

/** What a call that accepts another of the response's media types resolves to. */
export function mediaResultType(model: SpecModel, op: Operation, media: ResponseMedia, local: (name: string) => string = (name) => name): string {
  if (media.kind === "text") return "string";
  if (media.kind === "binary") return "Blob";
  if (media.kind === "json") return contentType(op, media.mediaType);
  return `EventStream<${streamItemType(model, op, media, local)}>`;
}

/** One item of a stream: its component model, its type in `types.ts`, else `ServerSentEvent` (events) or `unknown`. */
export function streamItemType(model: SpecModel, op: Operation, media: Pick<ResponseMedia, "kind" | "mediaType" | "item">, local: (name: string) => string = (name) => name): string {
  if (media.item?.schemaName) return local(typeNameOf(model, media.item.schemaName));
  if (media.item?.typed) return contentType(op, media.mediaType);
  return media.kind === "events" ? "ServerSentEvent" : "unknown";
}

/** The types' `content[mediaType]` of the operation's success. */
function contentType(op: Operation, mediaType: string): string {
  const status = /^\d+$/.test(op.response.status) ? op.response.status : str(op.response.status);
  return `${op.typesRef}["responses"][${status}]["content"][${str(mediaType)}]`;
}

/** The body field's type when the body has other media types: the default's, or any of theirs. */
function bodyFieldType(model: SpecModel, op: Operation): string {
  const main = bodyTypeName(model, op)!;
  if (!op.body?.others) return main;
  const others = op.body.others.map((m) => (m.encoding === "binary" ? BINARY_BODY_TYPE : `NonNullable<${op.typesRef}["requestBody"]>["content"][${str(m.mediaType)}]`));
  return [...new Set([main, ...others])].join(" | ");
}

export function typeNameOf(model: SpecModel, schemaName: string): string {
  return schemaNamed(model, schemaName)?.typeName ?? "unknown";
}

const schemaIndexes = new WeakMap<SpecModel, Map<string, SchemaModel>>();

/** The component schema of that name, looked up in an index built once per model (emitters ask once per operation). */
export function schemaNamed(model: SpecModel, schemaName: string): SchemaModel | undefined {
  let index = schemaIndexes.get(model);
  if (!index) schemaIndexes.set(model, (index = new Map(model.schemas.map((s) => [s.name, s]))));
  return index.get(schemaName);
}

export function emitRequests(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const operations = model.resources.flatMap((r) => r.operations.map((op) => ({ call: sdkPath(r, op), op })));
  const modelNames = new Set<string>();
  const blocks = operations.map(({ call, op }) => {
    const key = op.typesRef;
    const lines: string[] = [];
    if (op.body && op.names.requestBody) {
      lines.push(`${jsdoc([op.body.description ?? `Body of \`${call}\`.`])}export type ${op.names.requestBody} = NonNullable<${key}["requestBody"]>["content"][${str(op.body.mediaType)}];\n`);
    }
    if (op.response.kind === "json" && op.names.response) {
      const status = /^\d+$/.test(op.response.status) ? op.response.status : str(op.response.status);
      lines.push(`/** What \`${call}\` resolves to. */\nexport type ${op.names.response} = ${key}["responses"][${status}]["content"][${str(op.response.mediaType)}];\n`);
    }
    const fields = op.parameters.map((p) => {
      const doc = jsdoc([p.description, p.defaultValue !== undefined ? `@defaultValue ${JSON.stringify(p.defaultValue)}` : undefined, p.deprecated ? "@deprecated" : undefined], "  ");
      // openapi-typescript leaves a querystring parameter (OpenAPI 3.2) out; its schema is a component.
      const type = p.querystring ? schemaRef(p.querystring.schemaName) : `NonNullable<${key}["parameters"][${str(p.in)}]>[${str(p.name)}]`;
      return `${doc}  ${propertyKey(p.field)}${p.required ? "" : "?"}: ${type};\n`;
    });
    if (op.body) {
      const type = bodyFieldType(model, op);
      if (op.body.schemaName) modelNames.add(bodyTypeName(model, op)!);
      fields.push(`${jsdoc([op.body.description], "  ")}  ${propertyKey(op.body.field)}${op.body.required ? "" : "?"}: ${type};\n`);
    }
    lines.push(`/** Request of \`${call}\` (${op.method.toUpperCase()} ${op.path}). */\nexport interface ${requestTypeName(op)} {\n${fields.join("")}}\n`);
    return lines.join("\n");
  });
  const imports = [
    modelNames.size > 0 ? `import type { ${[...modelNames].sort().join(", ")} } from "./models.js";\n` : "",
    `import type { ${typeRoots(operations.map(({ op }) => op))} } from "./types.js";\n`,
  ].join("");
  return { path: "requests.ts", contents: `${banner(ctx)}\n${imports}\n${blocks.join("\n")}` };
}

/** `operations`, and `paths` when an operation without an operationId needs it. */
function typeRoots(ops: readonly Operation[]): string {
  const usesPaths = ops.some((op) => op.typesRef.startsWith("paths["));
  const usesOperations = ops.some((op) => op.typesRef.startsWith("operations[")) || !usesPaths;
  const usesComponents = ops.some((op) => op.parameters.some((p) => p.querystring));
  return [...(usesComponents ? ["components"] : []), ...(usesOperations ? ["operations"] : []), ...(usesPaths ? ["paths"] : [])].join(", ");
}
