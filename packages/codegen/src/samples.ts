/**
 * Example calls of the operations, from the examples the loader resolved (load/examples):
 * each required parameter's value fits its schema. The scaffolder's smoke test and the
 * reference-spec corpus both call operations with these.
 */
import { sdkPath, type Operation, type Resource, type SpecModel } from "./load/model.js";
import { propertyKey } from "./load/naming.js";

export { SAMPLE_DATE, SAMPLE_DATE_TIME, SAMPLE_UUID } from "./load/examples/index.js";

export interface SampleCall {
  /** `connections.get`, the method path on the client (`addPet` for a method of the client itself: see sdkPath). */
  readonly methodPath: string;
  /** The resource's properties from the client (`accountsPayable.bills`); "" for a method of the client itself. */
  readonly resource: string;
  readonly method: string;
  readonly operationId: string;
  readonly httpMethod: string;
  readonly path: string;
  /** The request object, keyed by the SDK's field names. */
  readonly request: Record<string, unknown>;
  /** Every status the spec documents for the operation (`200`, `4XX`, `default`). */
  readonly statuses: readonly string[];
}

/** Every operation with `httpMethod` (default: every GET), in client order, with example arguments. */
export function sampleCalls(model: SpecModel, httpMethod = "get"): SampleCall[] {
  return model.resources.flatMap((resource) =>
    resource.operations.filter((op) => op.method === httpMethod).map((op) => sampleCall(resource, op)),
  );
}

export function sampleCall(resource: Resource, op: Operation): SampleCall {
  return {
    methodPath: sdkPath(resource, op),
    resource: resource.path.join("."),
    method: op.methodName,
    operationId: op.operationId,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    request: { ...op.example },
    statuses: op.statuses,
  };
}

/** `client.connections.get({ companyId: "..." })` as TypeScript source. */
export function renderCall(client: string, call: SampleCall, options?: string): string {
  const fields = Object.entries(call.request).map(([k, v]) => `${propertyKey(k)}: ${JSON.stringify(v)}`);
  const request = fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`;
  return `${client}.${call.methodPath}(${request}${options ? `, ${options}` : ""})`;
}

/**
 * The spec's own example of the operation's JSON request body, when it is an object or array
 * (what a request can send as is); else undefined.
 */
export function exampleBody(op: Operation): { value: unknown } | undefined {
  const example = op.body?.encoding === "json" ? op.body.example : undefined;
  return example?.fromSpec && typeof example.value === "object" && example.value !== null ? { value: example.value } : undefined;
}
