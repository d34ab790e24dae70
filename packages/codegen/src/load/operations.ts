/** Turns the spec's paths into named, fully resolved operations, placed on resources by groups.ts and resource-tree.ts. */
import { pointer } from "../errors.js";
import { readBody } from "./bodies.js";
import { methodNameFor, NAME_OVERRIDE, type GlobalOverride } from "./method-names.js";
import { isRecord, text } from "./json.js";
import type { CustomMethod } from "@x/runtime";
import type { HttpMethod, Operation, Parameter, Resource } from "./model.js";
import { METHODS, pathItemOperations } from "./path-items.js";
import { isIdentifier, operationNameFromPath, pascalCase } from "./naming.js";
import { placementOf, readTags, type Segment } from "./groups.js";
import { buildResources } from "./resource-tree.js";
import { childPointer, type LoadContext } from "./context.js";
import { settleFields } from "./fields.js";
import { readParameters } from "./parameters.js";
import { readErrors, readStatuses, readSuccess } from "./responses.js";
import { readRequirements } from "./security.js";
import { readServers } from "./servers.js";

export { METHODS } from "./path-items.js";
/** Marks a POST or PATCH as safe to repeat, so the runtime retries it like a GET. */
export const IDEMPOTENT_EXTENSION = "x-idempotent";

export function readResources(ctx: LoadContext, overrides: readonly GlobalOverride[]): Resource[] {
  const doc = ctx.document;
  const tags = readTags(ctx);
  const placed: { op: Operation; segments: Segment[] }[] = [];
  /** Where each operationId was first seen, to report a duplicate. */
  const operationIds = new Map<string, string>();
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const located = ctx.locate(rawItem, pointer("paths", path));
    const item = located?.node ?? {};
    const itemAt = located?.at ?? pointer("paths", path);
    const { operations, refused } = pathItemOperations(item);
    for (const { segments, reason } of refused) ctx.warn("operations", `${pointer("paths", path, ...segments)}: ${reason}`);
    for (const { method, op, segments } of operations) {
      const at = pointer("paths", path, ...segments);
      const operation = readOperation(ctx, path, method, { node: item, at: itemAt }, op, overrides, { at, located: childPointer(itemAt, ...segments) });
      if (!operation) continue;
      const first = operationIds.get(operation.operationId);
      if (first !== undefined) {
        ctx.problem(`${at}/operationId: duplicate operationId "${operation.operationId}", first used at ${first}`);
        continue;
      }
      operationIds.set(operation.operationId, at);
      placed.push({ op: operation, segments: placementOf(ctx, tags, op, at) });
    }
  }
  return buildResources(ctx, tags, placed);
}

function readOperation(
  ctx: LoadContext, path: string, method: HttpMethod | CustomMethod, pathItem: { node: Record<string, unknown>; at: string },
  op: Record<string, unknown>, overrides: readonly GlobalOverride[], where: { at: string; located: string },
): Operation | undefined {
  const item = pathItem.node;
  // `at` names the operation in messages; `located` is where it is written (past a path item's `$ref`).
  const { at, located } = where;
  const given = typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : undefined;
  const operationId = given ?? operationNameFromPath(method, path);
  if (!given) ctx.warn("naming", `${at}: no operationId; named ${operationId} from its method and path (give it an operationId to choose)`);
  // openapi-typescript types only the classic method fields; the types emitter adds the others to `operations` by operationId.
  const typesRef = given || !METHODS.includes(method as HttpMethod) ? `operations[${JSON.stringify(operationId)}]` : `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]`;
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
    ...idempotencyHeaderOf(parameters),
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

/** The first header parameter that carries an idempotency key (see load/parameters.ts), by its wire name. */
function idempotencyHeaderOf(parameters: readonly Parameter[]): { idempotencyHeader?: string } {
  const header = parameters.find((p) => p.idempotencyKey);
  return header ? { idempotencyHeader: header.name } : {};
}
