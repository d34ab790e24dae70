/**
 * `SDKCore.paginate`, what generated `<method>All` methods call: every item of every
 * page, each page fetched lazily through `invoke`, against a local server.
 */
import { describe, expect, it } from "vitest";
import { RequestAbortedError, RequestTimeoutError, SDKError, SDKValidationError } from "../src/errors.js";
import type { OperationSpec, PagingSpec } from "../src/operation.js";
import { caught, core, serve } from "./support/core.js";
import { ErrorMessage, ServerTrouble } from "./support/fixtures.js";
import { send, type Received } from "./support/server.js";

/** Shaped like the generator's output for `connections.list`. */
const listConnections: OperationSpec = {
  operationId: "list-connections",
  methodPath: "connections.list",
  method: "get",
  path: "/companies/{companyId}/connections",
  parameters: [
    { field: "companyId", name: "companyId", in: "path", required: true },
    { field: "page", name: "page", in: "query", required: false, constraints: { type: "integer", minimum: 1 } },
    { field: "pageSize", name: "pageSize", in: "query", required: false, constraints: { type: "integer", minimum: 1, maximum: 5000 } },
    { field: "query", name: "query", in: "query", required: false },
  ],
  response: "json",
  errors: { "404": ErrorMessage, "5XX": ServerTrouble },
};

const paging: PagingSpec = {
  request: { page: "page", pageSize: "pageSize" },
  response: { results: "results", pageNumber: "pageNumber", pageSize: "pageSize", totalResults: "totalResults" },
};

interface Item {
  id: string;
}

const ITEMS: Item[] = ["a", "b", "c", "d", "e"].map((id) => ({ id }));

/** The `page` query parameter of each request the server received. */
const pagesAsked = (received: readonly Received[]) => received.map((r) => new URL(r.url, "http://x").searchParams.get("page"));

/** A well-behaved API: slices `items` by the request's page and pageSize (default 2). */
function pageOf(req: Received, items: readonly Item[] = ITEMS, defaultSize = 2) {
  const query = new URL(req.url, "http://x").searchParams;
  const pageNumber = Number(query.get("page") ?? 1);
  const pageSize = Number(query.get("pageSize") ?? defaultSize);
  const results = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return { results, pageNumber, pageSize, totalResults: items.length, _links: { self: { href: req.url } } };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

const request = { companyId: "c1" };

describe("SDKCore.paginate", () => {
  it("yields every item of every page in order, one request per page", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const items = await collect(core(server).paginate<Item>(listConnections, request, undefined, paging));
    expect(items).toEqual(ITEMS);
    expect(server.received.map((r) => r.url)).toEqual([
      "/companies/c1/connections?page=1",
      "/companies/c1/connections?page=2",
      "/companies/c1/connections?page=3",
    ]);
  });

  it("sends the caller's pageSize and other fields with every page", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const items = await collect(core(server).paginate<Item>(listConnections, { ...request, pageSize: 3, query: "status=Linked" }, undefined, paging));
    expect(items).toEqual(ITEMS);
    expect(server.received.map((r) => r.url)).toEqual([
      "/companies/c1/connections?page=1&pageSize=3&query=status%3DLinked",
      "/companies/c1/connections?page=2&pageSize=3&query=status%3DLinked",
    ]);
  });

  it("stops at a page that is exactly the last one, without asking for an empty page", async () => {
    const four = ITEMS.slice(0, 4);
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req, four) }));
    expect(await collect(core(server).paginate<Item>(listConnections, request, undefined, paging))).toEqual(four);
    expect(pagesAsked(server.received)).toEqual(["1", "2"]);
  });

  it("starts at the caller's page", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const items = await collect(core(server).paginate<Item>(listConnections, { ...request, page: 2 }, undefined, paging));
    expect(items).toEqual(ITEMS.slice(2));
    expect(pagesAsked(server.received)).toEqual(["2", "3"]);
  });

  it("sends nothing until the first next(), and nothing more after a break", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const iterator = core(server).paginate<Item>(listConnections, request, undefined, paging);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.received).toHaveLength(0);
    const seen: Item[] = [];
    for await (const item of iterator) {
      seen.push(item);
      break;
    }
    expect(seen).toEqual([ITEMS[0]]);
    expect(server.received).toHaveLength(1);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(server.received).toHaveLength(1);
  });

  it("fetches the next page only once the current one is used up", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const iterator = core(server).paginate<Item>(listConnections, request, undefined, paging);
    await iterator.next();
    await iterator.next();
    expect(server.received).toHaveLength(1);
    await expect(iterator.next()).resolves.toEqual({ done: false, value: ITEMS[2] });
    expect(server.received).toHaveLength(2);
  });

  it("yields nothing for an empty result, after one request", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req, []) }));
    expect(await collect(core(server).paginate<Item>(listConnections, request, undefined, paging))).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it("yields nothing for a page whose results are missing", async () => {
    const server = await serve((_req, res) => send(res, { status: 200, body: { pageNumber: 1, pageSize: 2, totalResults: 0 } }));
    expect(await collect(core(server).paginate<Item>(listConnections, request, undefined, paging))).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it("yields the items of page 1, then rejects with the typed error of page 2", async () => {
    const server = await serve((req, res) =>
      pagesAsked([req])[0] === "2"
        ? send(res, { status: 404, body: { error: "company gone", correlationId: "k9" } })
        : send(res, { status: 200, body: pageOf(req) }),
    );
    const iterator = core(server).paginate<Item>(listConnections, request, undefined, paging);
    const seen: Item[] = [];
    const error = await caught((async () => {
      for await (const item of iterator) seen.push(item);
    })());
    expect(seen).toEqual(ITEMS.slice(0, 2));
    expect(error).toBeInstanceOf(ErrorMessage);
    expect(error).toMatchObject({ status: 404, error: "company gone", attempts: 1, url: `${server.url}/companies/c1/connections` });
    expect(pagesAsked(server.received)).toEqual(["1", "2"]);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(server.received).toHaveLength(2);
  });

  it("retries a 503 on page 2 with the operation's policy, then goes on", async () => {
    let failed = false;
    const server = await serve((req, res) => {
      if (pagesAsked([req])[0] === "2" && !failed) {
        failed = true;
        return send(res, { status: 503 });
      }
      send(res, { status: 200, body: pageOf(req) });
    });
    const retries: number[] = [];
    const sdk = core(server, { hooks: { beforeRetry: (_ctx, info) => void retries.push(info.attempt) } });
    expect(await collect(sdk.paginate<Item>(listConnections, request, undefined, paging))).toEqual(ITEMS);
    expect(pagesAsked(server.received)).toEqual(["1", "2", "2", "3"]);
    expect(retries).toEqual([1]);
  });

  it("passes the call's options to every page: no retries means the 503 is thrown", async () => {
    const server = await serve((req, res) =>
      pagesAsked([req])[0] === "2" ? send(res, { status: 503, body: { error: "busy" } }) : send(res, { status: 200, body: pageOf(req) }),
    );
    const seen: Item[] = [];
    const error = await caught((async () => {
      for await (const item of core(server).paginate<Item>(listConnections, request, { retries: { strategy: "none" } }, paging)) seen.push(item);
    })());
    expect(seen).toEqual(ITEMS.slice(0, 2));
    expect(error).toBeInstanceOf(ServerTrouble);
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(server.received).toHaveLength(2);
  });

  it("bounds each page by timeoutMs", async () => {
    const server = await serve((req, res) => {
      if (pagesAsked([req])[0] !== "2") send(res, { status: 200, body: pageOf(req) });
      // page 2 never answers
    });
    const seen: Item[] = [];
    const error = await caught((async () => {
      const options = { timeoutMs: 1_000, retries: { strategy: "none" as const } };
      for await (const item of core(server).paginate<Item>(listConnections, request, options, paging)) seen.push(item);
    })());
    expect(seen).toEqual(ITEMS.slice(0, 2));
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it("stops when the caller's signal fires between pages", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const controller = new AbortController();
    const seen: Item[] = [];
    const error = await caught((async () => {
      for await (const item of core(server).paginate<Item>(listConnections, request, { signal: controller.signal }, paging)) {
        seen.push(item);
        if (seen.length === 2) controller.abort();
      }
    })());
    expect(seen).toEqual(ITEMS.slice(0, 2));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(server.received).toHaveLength(1);
  });

  it.each([
    { name: "a missing companyId", bad: {}, field: "companyId" },
    { name: "page 0", bad: { ...request, page: 0 }, field: "page" },
    { name: "an unknown field", bad: { ...request, limit: 10 }, field: "limit" },
    { name: "a request that is not an object", bad: "c1", field: "request" },
  ])("rejects $name on the first next(), before anything is sent", async ({ bad, field }) => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const iterator = core(server).paginate<Item>(listConnections, bad, undefined, paging);
    const error = await caught(iterator.next());
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).message).toMatch(/^connections\.list: /);
    expect((error as SDKValidationError).field).toBe(field);
    expect(server.received).toHaveLength(0);
  });

  it("rejects a bad option on the first next(), before anything is sent", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: pageOf(req) }));
    const error = await caught(core(server).paginate<Item>(listConnections, request, { timeoutMs: -1 }, paging).next());
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(server.received).toHaveLength(0);
  });

  it("does not loop forever when the server ignores `page` and repeats a full page", async () => {
    const server = await serve((_req, res) =>
      send(res, { status: 200, body: { results: ITEMS.slice(0, 2), pageNumber: 1, pageSize: 2, totalResults: 1_000_000 } }),
    );
    expect(await collect(core(server).paginate<Item>(listConnections, request, undefined, paging))).toEqual(ITEMS.slice(0, 2));
    expect(pagesAsked(server.received)).toEqual(["1", "2"]);
  });

  it("stops after a short page even when totalResults says there is more", async () => {
    const server = await serve((req, res) => send(res, { status: 200, body: { ...pageOf(req), results: ITEMS.slice(0, 1), totalResults: 100 } }));
    expect(await collect(core(server).paginate<Item>(listConnections, request, undefined, paging))).toEqual(ITEMS.slice(0, 1));
    expect(server.received).toHaveLength(1);
  });

  it("without totals, goes on until an empty page", async () => {
    const server = await serve((req, res) => {
      const { results } = pageOf(req);
      send(res, { status: 200, body: { results } });
    });
    expect(await collect(core(server).paginate<Item>(listConnections, request, undefined, paging))).toEqual(ITEMS);
    expect(pagesAsked(server.received)).toEqual(["1", "2", "3", "4"]);
  });

  it("rejects with SDKError when a page's body is not JSON", async () => {
    const server = await serve((_req, res) => send(res, { status: 200, body: "<html>" }));
    await expect(core(server).paginate<Item>(listConnections, request, { retries: { strategy: "none" } }, paging).next()).rejects.toBeInstanceOf(SDKError);
  });
});
