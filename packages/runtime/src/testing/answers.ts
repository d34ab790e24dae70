/**
 * The bodies the kit answers with: an operation's first documented 2xx (its example, else data
 * from its shape), one page of a paged list drawn from a fixed total, and a documented error
 * (its example, else data from its shape) carrying a message where its schema has a place for one.
 */
import type { OperationShape, Shape } from "../shape.js";
import { fakeValue } from "./fake.js";
import { hash } from "./random.js";
import { deref, mergeAllOf, type Schemas } from "./resolve.js";

/** How many items a paged list holds when the options do not say. */
export const DEFAULT_TOTAL_RESULTS = 12;
/** The page size when the request gives none and the parameter has no default. */
const DEFAULT_PAGE_SIZE = 100;

/** The seed of one operation's data: the kit's seed and the operation, so operations differ. */
export function operationSeed(seed: number, operationId: string, label: string | number = ""): number {
  return hash(`${seed}:${operationId}:${label}`);
}

/** The first documented 2xx body (JSON): the example, else data generated for the seed. */
export function successBody(op: OperationShape, operationId: string, schemas: Schemas, seed: number): unknown {
  if (op.response.example !== undefined) return structuredClone(op.response.example);
  return op.response.shape === undefined ? undefined : fakeValue(op.response.shape, schemas, operationSeed(seed, operationId));
}

/**
 * One page of a paged list: the success body with its results replaced by the items of the
 * page asked for, drawn from `total` items (item i is the same on every page that holds it).
 */
export function pageBody(op: OperationShape, operationId: string, schemas: Schemas, seed: number, url: URL, total: number): unknown {
  const paging = op.paging!;
  const base = successBody(op, operationId, schemas, seed);
  const page = Math.max(1, positiveInt(url.searchParams.get(paging.request.page)) ?? 1);
  const sizeParameter = op.parameters?.find((p) => p.in === "query" && p.name === paging.request.pageSize);
  const sizeShape = sizeParameter === undefined ? undefined : deref(sizeParameter.shape, schemas);
  const declared = sizeShape === undefined || sizeShape.type === "ref" ? undefined : sizeShape.default;
  const size = positiveInt(url.searchParams.get(paging.request.pageSize)) ?? (typeof declared === "number" ? declared : DEFAULT_PAGE_SIZE);
  const itemShape = resultsItemShape(op.response.shape, schemas, paging.response.results);
  const items: unknown[] = [];
  for (let i = (page - 1) * size; i < Math.min(total, page * size); i++) {
    // Generated rather than the example, so that the items of a page differ from each other.
    items.push(itemShape === undefined ? { index: i } : fakeValue(itemShape, schemas, operationSeed(seed, operationId, i), { examples: false }));
  }
  const record = typeof base === "object" && base !== null && !Array.isArray(base) ? base : {};
  return { ...record, [paging.response.results]: items, [paging.response.pageNumber]: page, [paging.response.pageSize]: size, [paging.response.totalResults]: total };
}

function positiveInt(text: string | null): number | undefined {
  const n = text === null ? NaN : Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function resultsItemShape(shape: Shape | undefined, schemas: Schemas, results: string): Shape | undefined {
  if (shape === undefined) return undefined;
  const object = asObject(shape, schemas);
  const list = object?.properties?.[results];
  if (list === undefined) return undefined;
  const array = deref(list, schemas);
  return array.type === "array" ? array.items : undefined;
}

function asObject(shape: Shape, schemas: Schemas) {
  const resolved = deref(shape, schemas);
  return resolved.type === "object" ? resolved : resolved.type === "allOf" ? mergeAllOf(resolved.of, schemas) : undefined;
}

/** Property names an error body carries its message in, most likely first. */
const MESSAGE_FIELDS = ["message", "error", "detail", "title", "description", "errorMessage", "error_description"];

/** The documented error's body for the seed, its message-like string property set to `message` when given. */
export function errorBody(op: OperationShape, operationId: string, status: string, schemas: Schemas, seed: number, message?: string): unknown {
  const error = op.errors?.[status];
  if (error === undefined) return message === undefined ? undefined : { message };
  const body = error.example !== undefined ? structuredClone(error.example) : fakeValue(error.shape, schemas, operationSeed(seed, operationId, status));
  if (message === undefined || typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const object = asObject(error.shape, schemas);
  const field = MESSAGE_FIELDS.find((name) => {
    const property = object?.properties?.[name];
    return property !== undefined && deref(property, schemas).type === "string";
  });
  return field === undefined ? body : { ...body, [field]: message };
}

/** The status a bad request is answered with, as Prism picks it: 400, else 422, else the first documented 4xx, else 422. */
export function badRequestStatus(op: OperationShape): string {
  const documented = Object.keys(op.errors ?? {});
  if (documented.includes("400")) return "400";
  if (documented.includes("422")) return "422";
  return documented.filter((s) => /^4(\d\d|XX)$/i.test(s)).sort()[0] ?? "422";
}

/** A status as written (`200`, `2XX`, `4XX`, `default`) as a number to answer with. */
export function statusNumber(status: string, fallback: number): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/i.test(status)) return Number(status[0]) * 100;
  return fallback;
}
