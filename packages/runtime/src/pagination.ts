/**
 * Iterating a paged list operation item by item: the `<method>All` methods generated
 * for operations that take `page` / `pageSize` and answer with `results`,
 * `pageNumber`, `pageSize` and `totalResults`. Each page is one ordinary call, so
 * validation, retries, timeouts, hooks and errors are those of the operation itself.
 */
import type { PagingSpec } from "./operation.js";

/** Pages of the APIs we generate for are numbered from 1. */
const FIRST_PAGE = 1;

/**
 * Yields every item of every page, starting at the request's page (or the first),
 * fetching a page only when the items before it have been consumed. Stops after an
 * empty page, a page shorter than the page size, the page that reaches
 * `totalResults`, or a page the server numbers differently from the one asked for
 * (it ignored `page`, and would otherwise be asked for the same items forever).
 * An error rejects `next()` after the items of the pages before it were yielded.
 *
 * Imports nothing of the runtime at run time: the core loads it (a lazy chunk of an app) on
 * a paged list's first iteration, once it has validated the request (`fields`).
 *
 * @param call sends one page's request (`SDKCore.invoke`) and resolves to its body.
 */
export async function* paginate<Item>(
  fields: Record<string, unknown>,
  paging: PagingSpec,
  call: (request: Record<string, unknown>) => PromiseLike<unknown>,
): AsyncGenerator<Item, void, undefined> {
  const { page: pageField, pageSize: pageSizeField } = paging.request;
  const { results: resultsKey, pageNumber: numberKey, pageSize: sizeKey, totalResults: totalKey } = paging.response;
  let page = numberOrUndefined(fields[pageField]) ?? FIRST_PAGE;
  for (let first = true; ; first = false) {
    const body: unknown = await call({ ...fields, [pageField]: page });
    const data = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const number = numberOrUndefined(data[numberKey]);
    if (!first && number !== undefined && number !== page) return;
    const results = Array.isArray(data[resultsKey]) ? (data[resultsKey] as Item[]) : [];
    if (results.length === 0) return;
    yield* results;
    const size = numberOrUndefined(data[sizeKey]) ?? numberOrUndefined(fields[pageSizeField]);
    const total = numberOrUndefined(data[totalKey]);
    if (size !== undefined && results.length < size) return;
    if (size !== undefined && total !== undefined && (number ?? page) * size >= total) return;
    page = (number ?? page) + 1;
  }
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
