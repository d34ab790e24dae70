/**
 * A local node:http server for the chaos run: a valid Connection (or page of them) for
 * most requests, one of several faults for the rest. Which request fails, and how, is a
 * pure function of the seed, the call id the client sends in `x-chaos-call` and how many
 * times the server has seen that call, so a run is reproducible whatever the scheduling.
 * A POST creates a connection as an API honouring `Idempotency-Key` does: the first request
 * of a key that the server acts on creates it (its id is the key), a later one with the same
 * key gets that connection again, created nothing (see `idempotency`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAULT_KINDS = [
  "503", "500", "429 Retry-After: 0", "reset before headers", "reset mid-body", "headers after the timeout",
  "body stalls", "truncated body", "invalid JSON on 200", "502 text/html", "418 (undocumented)",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface ChaosServerOptions {
  seed: number;
  /** Share of requests that get a fault, in [0, 1]. */
  faultRate: number;
  /** The client's per-attempt timeout: slow faults take longer than this. */
  clientTimeoutMs: number;
}

/** What the POSTs showed: which keys each call sent, and what the server did with them. */
export interface IdempotencyLog {
  /** The `Idempotency-Key`s each call (`x-chaos-call`) sent, over all its attempts. */
  readonly keysByCall: Map<string, Set<string>>;
  /** Requests of each key. */
  readonly requestsByKey: Map<string, number>;
  /** Keys the server acted on (created a connection for), each once. */
  readonly created: Set<string>;
  /** Requests of a key already acted on: each a duplicate the key prevented. */
  replays: number;
  /** POSTs that came without a key. */
  unkeyed: number;
}

/** Faults the server answers before acting on a request; after any other it has acted (a create may have happened). */
const NOT_ACTED: ReadonlySet<FaultKind> = new Set(["503", "429 Retry-After: 0", "reset before headers"]);

export interface ChaosServer {
  readonly url: string;
  readonly idempotency: IdempotencyLog;
  /** Requests received and faults injected since the last `resetCounts`. */
  readonly counts: { requests: number; faults: Map<FaultKind, number> };
  resetCounts(): void;
  /** A total outage while on: every request is answered 503, no fault drawn (`counts.requests` still counts them). */
  outage: boolean;
  /** Clears pending timers, drops every connection and stops listening. */
  close(): Promise<void>;
}

const CONNECTION = {
  id: "ee2eb431-c0fa-4dc9-93fa-d29781c12bcd", integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c", integrationKey: "dfxm",
  sourceId: "bdd831ce-eebd-4896-89a7-20e5ee8989ee", platformName: "Basiq", linkUrl: "https://link-api.codat.io/start",
  status: "Linked", lastSync: "2022-10-27T10:22:43.6464237Z", created: "2022-10-27T09:53:29Z", sourceType: "Banking",
};
const GET_BODY = JSON.stringify(CONNECTION);
const LIST_BODY = JSON.stringify({
  results: [CONNECTION], pageNumber: 1, pageSize: 100, totalResults: 1,
  _links: { self: { href: "/companies/x/connections" }, current: { href: "/companies/x/connections?page=1" } },
});
const JSON_TYPE = { "content-type": "application/json" };

/** mulberry32: a small, fast, seedable PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function errorBody(statusCode: number, error: string): string {
  return JSON.stringify({ statusCode, service: "PublicApi", error, correlationId: "c0ffee", canBeRetried: "True" });
}

export async function startChaosServer(options: ChaosServerOptions): Promise<ChaosServer> {
  const { seed, faultRate, clientTimeoutMs } = options;
  const attempts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const counts = { requests: 0, faults: new Map<FaultKind, number>() };
  const idempotency: IdempotencyLog = { keysByCall: new Map(), requestsByKey: new Map(), created: new Set(), replays: 0, unkeyed: 0 };

  /** A POST's key, recorded; whether the server acts on it (a create, or a replay of one) is `acted`'s. */
  const recordPost = (req: IncomingMessage): string | undefined => {
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string") return void idempotency.unkeyed++;
    const call = String(req.headers["x-chaos-call"] ?? "");
    idempotency.keysByCall.set(call, (idempotency.keysByCall.get(call) ?? new Set()).add(key));
    idempotency.requestsByKey.set(key, (idempotency.requestsByKey.get(key) ?? 0) + 1);
    return key;
  };
  const acted = (key: string | undefined): void => {
    if (key === undefined) return;
    if (idempotency.created.has(key)) idempotency.replays++;
    else idempotency.created.add(key);
  };

  /** setTimeout that is cleared when the response closes (client gave up) or the server closes. */
  const later = (res: ServerResponse, ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) fn();
    }, ms);
    timers.add(timer);
    res.once("close", () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const pickFault = (req: IncomingMessage): FaultKind | undefined => {
    const call = String(req.headers["x-chaos-call"] ?? "");
    const attempt = attempts.get(call) ?? 0;
    attempts.set(call, attempt + 1);
    const random = mulberry32((seed ^ Math.imul(Number(call) + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, 0x85ebca6b)) >>> 0);
    if (random() >= faultRate) return undefined;
    return FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
  };

  const state = { outage: false };
  const server = createServer((req, res) => {
    counts.requests++;
    if (state.outage) return void res.writeHead(503, JSON_TYPE).end(errorBody(503, "The service is temporarily unavailable."));
    const post = req.method === "POST";
    const key = post ? recordPost(req) : undefined;
    // A created connection's id is its key: a caller can tell its own from another's.
    const body = post ? JSON.stringify({ ...CONNECTION, id: key }) : req.url?.endsWith("/connections") ? LIST_BODY : GET_BODY;
    const fault = pickFault(req);
    if (post && (fault === undefined || !NOT_ACTED.has(fault))) acted(key);
    if (fault === undefined) return void res.writeHead(200, JSON_TYPE).end(body);
    counts.faults.set(fault, (counts.faults.get(fault) ?? 0) + 1);
    const half = body.slice(0, body.length >> 1);
    switch (fault) {
      case "503":
        return void res.writeHead(503, JSON_TYPE).end(errorBody(503, "The service is temporarily unavailable."));
      case "500":
        return void res.writeHead(500, JSON_TYPE).end(errorBody(500, "Internal server error."));
      case "429 Retry-After: 0":
        return void res.writeHead(429, { ...JSON_TYPE, "retry-after": "0" }).end(errorBody(429, "Too many requests."));
      case "reset before headers":
        return void req.socket.destroy();
      case "reset mid-body":
        // Chunked (no Content-Length): the client only learns the body is cut when the socket dies.
        res.writeHead(200, JSON_TYPE).write(half);
        return later(res, 5, () => req.socket.destroy());
      case "headers after the timeout":
        return later(res, clientTimeoutMs * 2, () => res.writeHead(200, JSON_TYPE).end(body));
      case "body stalls":
        // Half the body, then nothing until the client times out and closes (or the server closes).
        return void res.writeHead(200, { ...JSON_TYPE, "content-length": String(Buffer.byteLength(body)) }).write(half);
      case "truncated body":
        res.writeHead(200, { ...JSON_TYPE, "content-length": String(Buffer.byteLength(body) + 100) });
        return void res.end(body, () => req.socket.destroy());
      case "invalid JSON on 200":
        return void res.writeHead(200, JSON_TYPE).end(`${half}<oops`);
      case "502 text/html":
        return void res.writeHead(502, { "content-type": "text/html" }).end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      case "418 (undocumented)":
        return void res.writeHead(418, JSON_TYPE).end(JSON.stringify({ error: "I'm a teapot" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    idempotency,
    get outage() {
      return state.outage;
    },
    set outage(on: boolean) {
      state.outage = on;
    },
    resetCounts() {
      attempts.clear();
      counts.requests = 0;
      counts.faults.clear();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      attempts.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
