/**
 * MSW request handlers for every operation of an SDK's shapes: each checks the request as Prism
 * would and answers the documented 4xx naming the problem (with the problem also in the
 * `x-kit-problem` header), else the first documented 2xx; paged lists answer consistent pages.
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import type { OperationShape, Shapes } from "../shape.js";
import { badRequestStatus, DEFAULT_TOTAL_RESULTS, errorBody, pageBody, statusNumber, successBody } from "./answers.js";
import { requestProblem } from "./request.js";

export interface HandlerOptions {
  /** Where the SDK sends its calls: its client's server URL. */
  readonly baseUrl: string;
  /** Picks the generated data; the same seed gives the same answers. Default 1. */
  readonly seed?: number;
  /** How many items each paged list holds. Default 12. */
  readonly totalResults?: number;
}

/** The header a rejected request's answer names its problem in. */
export const PROBLEM_HEADER = "x-kit-problem";

const METHODS = { get: http.get, post: http.post, put: http.put, patch: http.patch, delete: http.delete, head: http.head, options: http.options } as const;

/** One handler per operation, static paths before templated ones so `/items/search` is not read as `/items/{id}`. */
export function createHandlers(shapes: Shapes, options: HandlerOptions): HttpHandler[] {
  const seed = options.seed ?? 1;
  const total = options.totalResults ?? DEFAULT_TOTAL_RESULTS;
  const entries = Object.entries(shapes.operations).sort(([, a], [, b]) => templated(a.path) - templated(b.path));
  return entries.map(([operationId, op]) =>
    route(op, options.baseUrl, async ({ request, params }) => {
      const url = new URL(request.url);
      const bodyText = op.body === undefined ? "" : await request.text();
      const problem = requestProblem(op, { pathParams: params, url, headers: request.headers, bodyText }, shapes.schemas);
      if (problem !== undefined) {
        const status = badRequestStatus(op);
        const body = errorBody(op, operationId, status, shapes.schemas, seed, problem);
        const headers = { "content-type": "application/json", [PROBLEM_HEADER]: headerSafe(problem) };
        return new HttpResponse(JSON.stringify(body ?? { message: problem }), { status: statusNumber(status, 422), headers });
      }
      return success(op, operationId, shapes, seed, url, total);
    }),
  );
}

/** A handler answering the operation's documented error `status` (its example, else data from its shape). */
export function createErrorHandler(shapes: Shapes, operationId: string, status: string, options: HandlerOptions): HttpHandler {
  const op = shapes.operations[operationId];
  if (op === undefined) throw new Error(`the shapes have no operation ${JSON.stringify(operationId)}`);
  if (op.errors?.[status] === undefined) throw new Error(`${operationId} documents no error ${status} (it documents ${Object.keys(op.errors ?? {}).join(", ") || "none"})`);
  return route(op, options.baseUrl, () => {
    const body = errorBody(op, operationId, status, shapes.schemas, options.seed ?? 1);
    return new HttpResponse(JSON.stringify(body), { status: statusNumber(status, 500), headers: { "content-type": "application/json" } });
  });
}

type Resolver = (info: { request: Request; params: Record<string, string | undefined> }) => Response | Promise<Response> | undefined;

/** The MSW handler of an operation's method and URL; path parameters keep their wire names. */
function route(op: OperationShape, baseUrl: string, resolver: Resolver): HttpHandler {
  const names: Record<string, string> = {};
  let index = 0;
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const key = `p${index++}`;
    names[key] = name;
    return `:${key}`;
  });
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  const method = op.method.toLowerCase();
  const wrapped = ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    if (!(method in METHODS) && request.method.toLowerCase() !== method) return undefined;
    const wire: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(params)) wire[names[key] ?? key] = typeof value === "string" ? decodeURIComponent(value) : value?.join("/");
    return resolver({ request, params: wire });
  };
  const register = method in METHODS ? METHODS[method as keyof typeof METHODS] : http.all;
  return register(url, wrapped);
}

function success(op: OperationShape, operationId: string, shapes: Shapes, seed: number, url: URL, total: number): Response {
  const status = statusNumber(op.response.status, 200);
  const mediaType = op.response.mediaType;
  if (mediaType === undefined || status === 204 || status === 205 || status === 304 || op.method.toLowerCase() === "head") {
    return new HttpResponse(null, { status });
  }
  if (op.response.shape !== undefined || op.response.example !== undefined) {
    const body = op.paging !== undefined ? pageBody(op, operationId, shapes.schemas, seed, url, total) : successBody(op, operationId, shapes.schemas, seed);
    return new HttpResponse(JSON.stringify(body), { status, headers: { "content-type": mediaType } });
  }
  if (/^text\//i.test(mediaType) && !/event-stream/i.test(mediaType)) return new HttpResponse("example", { status, headers: { "content-type": mediaType } });
  if (/event-stream|jsonl|json-seq|ndjson/i.test(mediaType)) return new HttpResponse("", { status, headers: { "content-type": mediaType } });
  return new HttpResponse(new Uint8Array([0x78, 0x2d, 0x6b, 0x69, 0x74]), { status, headers: { "content-type": mediaType } });
}

function templated(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}

/** A header value holds no line breaks and only Latin-1. */
function headerSafe(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[^\x20-\xff]/g, "?");
}
