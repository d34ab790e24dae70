/**
 * The chaos run's idempotency phase: a POST whose operation declares an `Idempotency-Key`
 * header parameter, through the runtime's core as an SDK generated from such a spec calls
 * it, against the chaos server's faults. The SDK gives each call one key, sent with every
 * attempt, and retries the POST like a GET; the server, as an API honouring the key does,
 * creates once per key and answers a repeat with the same connection.
 */
import { headerParameters, SDKCoreBase, type OperationSpec, type SDKDefinition } from "@x/runtime";
import type { IdempotencyLog } from "./chaos-server.ts";

/** `POST /companies/{companyId}/connections` with the spec's `Idempotency-Key` header parameter. */
const CREATE: OperationSpec = {
  operationId: "create-connection",
  methodPath: "connections.create",
  method: "post",
  path: "/companies/{companyId}/connections",
  parameters: [
    { field: "companyId", name: "companyId", in: "path", required: true },
    { field: "idempotencyKey", name: "Idempotency-Key", in: "header", required: false },
  ],
  body: { field: "requestBody", required: false, mediaType: "application/json" },
  idempotencyHeader: "Idempotency-Key",
  response: "json",
  errors: {},
};

/** The client: Common's security and retry policy (5XX, 408 and 429 retried, connection errors too). */
export function idempotentClient(serverURL: string, timeoutMs: number, maxElapsedTime: number): SDKCoreBase {
  const definition: SDKDefinition = {
    sdkName: "ChaosIdempotency",
    packageName: "@x/bench",
    sdkVersion: "0.0.0",
    servers: [{ url: serverURL }],
    securitySchemes: [{ field: "authHeader", type: "apiKey", in: "header", name: "Authorization" }],
    security: [{ authHeader: [] }],
    retry: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 50, exponent: 1.5, maxElapsedTime }, statusCodes: [408, 429, "5XX"], retryConnectionErrors: true },
    features: { headerParameters },
  };
  return new SDKCoreBase(definition, { security: { authHeader: "Basic Y2hhb3M=" }, timeoutMs });
}

/** Call `id`: one create; right when the connection it got is the one its own key created. */
export async function createOnce(core: SDKCoreBase, id: number, log: IdempotencyLog, companyId: string): Promise<boolean> {
  const created = await core.invoke<{ id: string }>(CREATE, { companyId, requestBody: { platformKey: "gbol" } }, { headers: { "x-chaos-call": String(id) } });
  const keys = log.keysByCall.get(String(id));
  return keys?.size === 1 && keys.has(created.id);
}

/** What the phase shows, and what is wrong with it. */
export function idempotencyFindings(log: IdempotencyLog, calls: number): { rows: [string, string | number][]; problems: string[] } {
  const keys = [...log.keysByCall.values()];
  const requests = [...log.requestsByKey.values()].reduce((a, b) => a + b, 0);
  const retried = [...log.requestsByKey.values()].filter((n) => n > 1).length;
  const distinct = new Set(keys.flatMap((set) => [...set])).size;
  const rows: [string, string | number][] = [
    ["idempotency: calls that reached the server / keys they sent", `${log.keysByCall.size} / ${distinct}`],
    ["idempotency: calls that sent more than one key", keys.filter((set) => set.size !== 1).length],
    ["idempotency: POSTs without a key", log.unkeyed],
    ["idempotency: server requests (retries), calls retried", `${requests} (${requests - log.keysByCall.size}), ${retried}`],
    ["idempotency: connections created / repeats answered with the key's connection", `${log.created.size} / ${log.replays}`],
  ];
  const problems = [
    log.unkeyed > 0 && `idempotency: ${log.unkeyed} POSTs came without an Idempotency-Key`,
    keys.some((set) => set.size !== 1) && "idempotency: a call sent different keys on its attempts",
    distinct !== log.keysByCall.size && "idempotency: two calls sent the same key",
    log.keysByCall.size > calls && "idempotency: more calls than were made reached the server",
    retried === 0 && "idempotency: no POST was retried (it should be, like a GET)",
    log.replays === 0 && "idempotency: no request repeated a key the server had acted on (the faults should cause some)",
  ].filter((p): p is string => typeof p === "string");
  return { rows, problems };
}
