/** Turns the spec's paths into resources (one per tag) of named, fully resolved operations. */
import { pointer } from "../errors.js";
import { readBody } from "./bodies.js";
import { methodNameFor, NAME_OVERRIDE, type GlobalOverride } from "./method-names.js";
import { isRecord, text } from "./json.js";
import { sdkPath, type HttpMethod, type Operation, type Resource } from "./model.js";
import { camelCase, isIdentifier, operationNameFromPath, pascalCase } from "./naming.js";
import { childPointer, type LoadContext } from "./context.js";
import { settleFields } from "./fields.js";
import { readParameters } from "./parameters.js";
import { readErrors, readStatuses, readSuccess } from "./responses.js";
import { readRequirements } from "./security.js";
import { readServers } from "./servers.js";
import { resourceNames } from "./type-names.js";

/** The operations a path item (or a webhook) may hold, in the order they are read. */
export const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** Client members a resource property or a method of the client may not take. */
const RESERVED_PROPERTIES = new Set(["constructor"]);
/** Marks a POST or PATCH as safe to repeat, so the runtime retries it like a GET. */
export const IDEMPOTENT_EXTENSION = "x-idempotent";

export function readResources(ctx: LoadContext, overrides: readonly GlobalOverride[]): Resource[] {
  const doc = ctx.document;
  const byTag = new Map<string, Operation[]>();
  /** Operations without a tag: methods of the client itself. */
  const untagged: Operation[] = [];
  /** Where each operationId was first seen, to report a duplicate. */
  const operationIds = new Map<string, string>();
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const located = ctx.locate(rawItem, pointer("paths", path));
    const item = located?.node ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const at = pointer("paths", path, method);
      const itemAt = located?.at ?? pointer("paths", path);
      const operation = readOperation(ctx, path, method, { node: item, at: itemAt }, op, overrides, { at, located: childPointer(itemAt, method) });
      if (!operation) continue;
      const first = operationIds.get(operation.operationId);
      if (first !== undefined) {
        ctx.problem(`${at}/operationId: duplicate operationId "${operation.operationId}", first used at ${first}`);
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
      ctx.warn("naming", `${pointer("tags")}: tag ${JSON.stringify(tag)} would be the client's ${wanted}, ${holder === undefined ? "which the client reserves" : `as tag ${JSON.stringify(holder)} is`}; reached as ${property} instead`);
    }
    properties.set(property, tag);
    return {
      tag,
      ...resourceNames(property),
      property,
      ...(typeof description === "string" ? { description } : {}),
      operations,
    };
  });
  const members = new Set([...RESERVED_PROPERTIES, ...properties.keys()]);
  const onClient: Resource[] = untagged.length === 0 ? [] : [{ tag: "", className: "", property: "", fileName: "", onClient: true, operations: untagged }];
  return [...onClient, ...resources].map((resource) => settleClashes(ctx, resource, resource.onClient ? members : RESERVED_PROPERTIES));
}

function readOperation(
  ctx: LoadContext, path: string, method: HttpMethod, pathItem: { node: Record<string, unknown>; at: string },
  op: Record<string, unknown>, overrides: readonly GlobalOverride[], where: { at: string; located: string },
): Operation | undefined {
  const item = pathItem.node;
  // `at` names the operation in messages; `located` is where it is written (past a path item's `$ref`).
  const { at, located } = where;
  const given = typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : undefined;
  const operationId = given ?? operationNameFromPath(method, path);
  if (!given) ctx.warn("naming", `${at}: no operationId; named ${operationId} from its method and path (give it an operationId to choose)`);
  const typesRef = given ? `operations[${JSON.stringify(given)}]` : `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]`;
  const methodName = methodNameFor(operationId, op[NAME_OVERRIDE], overrides);
  if (!isIdentifier(methodName)) {
    ctx.problem(`${at}: method name ${JSON.stringify(methodName)} (from ${operationId}) is not usable as a TypeScript method`);
  }
  const written = readParameters(ctx, item, pathItem.at, op, where);
  if (isRecord(op.callbacks) && Object.keys(op.callbacks).length > 0) {
    ctx.warn("callbacks", `${at}/callbacks: callbacks are not generated (${Object.keys(op.callbacks).join(", ")}); the operation is`);
  }
  if (!isRecord(op.responses) || Object.keys(op.responses).length === 0) {
    ctx.warn("responses", `${at}: documents no response; the method resolves to whatever 2xx body arrives (typed unknown), undefined when empty`);
  }
  const body = readBody(ctx, op, where);
  const parameters = settleFields(ctx, at, written, body);
  // The operation's servers replace its path item's (OpenAPI 3.x, Operation Object).
  const servers = Array.isArray(op.servers)
    ? readServers(ctx, op.servers, ["paths", path, method, "servers"], true)
    : readServers(ctx, item.servers, ["paths", path, "servers"], true);
  const idempotent = op[IDEMPOTENT_EXTENSION];
  if (idempotent !== undefined && typeof idempotent !== "boolean") {
    ctx.problem(`${at}/${IDEMPOTENT_EXTENSION}: must be true or false, got ${JSON.stringify(idempotent)}`);
  }
  return {
    pointer: located,
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
    example: Object.fromEntries(parameters.filter((p) => p.required || p.in === "path").map((p) => [p.field, p.example])),
    ...(body ? { body } : {}),
    response: readSuccess(ctx, op, located),
    statuses: readStatuses(op),
    errors: readErrors(ctx, op, located),
    ...(Array.isArray(op.security) ? { security: readRequirements(op.security) } : {}),
    ...(servers.length > 0 ? { servers } : {}),
    // Settled with the other names (settleTypeNames, settleFunctionNames, settleNames in type-names.ts).
    names: { method: methodName, function: "", spec: "", request: "" },
  };
}

/**
 * Two operations of a resource with one method name: the first (in method-name, then
 * path order) keeps it, the next takes its camel-cased operationId (or a numbered
 * name), with a warning naming both. A method of the client itself may not take the name of
 * one of its members (`reserved`: `constructor`, and for the client a resource's property) either.
 */
function settleClashes(ctx: LoadContext, resource: Resource, reserved: ReadonlySet<string>): Resource {
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
    ctx.warn("naming",
      `${pointer("paths", op.path, op.method)}: ${sdkPath(resource, op)} is already ${holder}; ` +
      `${op.operationId} is generated as ${sdkPath(resource, { methodName: name })} (give it an ${NAME_OVERRIDE} to choose)`,
    );
    return { ...op, methodName: name };
  });
  return { ...resource, operations: [...operations].sort((a, b) => a.methodName.localeCompare(b.methodName)) };
}
