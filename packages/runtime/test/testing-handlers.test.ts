/** The kit's MSW handlers, called with fetch through msw/node: answers, request checks, pages, errors. */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { paginate } from "../src/pagination.js";
import type { PagingSpec } from "../src/index.js";
import { checkValue, createErrorHandler, createHandlers, PROBLEM_HEADER } from "../src/testing/index.js";
import { petShapes } from "./support/shapes.js";

const baseUrl = "https://pets.example.test/v1";
const server = setupServer(...createHandlers(petShapes, { baseUrl, seed: 42 }));
const PET_ID = "0d9c6a1e-5a1b-4c1f-9a1e-1a2b3c4d5e6f";
const tenant = { "X-Tenant": "acme" };

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe("createHandlers", () => {
  it("answers the first documented 2xx with data valid against its schema, the same for the same seed", async () => {
    const first = await fetch(`${baseUrl}/pets/${PET_ID}`, { headers: tenant });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    const body = await json(first);
    expect(checkValue(body, { type: "ref", ref: "Pet" }, petShapes.schemas)).toEqual([]);
    expect(await json(await fetch(`${baseUrl}/pets/${PET_ID}`, { headers: tenant }))).toEqual(body);

    server.use(...createHandlers(petShapes, { baseUrl, seed: 43 }));
    expect(await json(await fetch(`${baseUrl}/pets/${PET_ID}`, { headers: tenant }))).not.toEqual(body);
  });

  it("answers with the spec's example, a static path before a templated one, and an empty 204", async () => {
    const search = await fetch(`${baseUrl}/pets/search?q=rex`);
    expect(search.status).toBe(200);
    expect(await search.json()).toEqual([]);
    const deleted = await fetch(`${baseUrl}/pets/${PET_ID}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
  });

  it("answers a created resource with its documented 201", async () => {
    const created = await fetch(`${baseUrl}/pets`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Tom", kind: "cat" }) });
    expect(created.status).toBe(201);
    expect(checkValue(await created.json(), { type: "ref", ref: "Pet" }, petShapes.schemas)).toEqual([]);
  });
});

describe("request checks", () => {
  it("rejects a path parameter of the wrong format with the documented 4xx naming it", async () => {
    const response = await fetch(`${baseUrl}/pets/not-a-uuid`, { headers: tenant });
    // get-pet documents 401 and 404 but neither 400 nor 422: Prism's choice is the first documented 4xx.
    expect(response.status).toBe(401);
    const problem = 'path parameter "petId": expected string (uuid), got string';
    expect(response.headers.get(PROBLEM_HEADER)).toBe(problem);
    expect(await json(response)).toMatchObject({ error: problem });
  });

  it("rejects a missing required header and a missing required query parameter", async () => {
    const noHeader = await fetch(`${baseUrl}/pets/${PET_ID}`);
    expect(noHeader.headers.get(PROBLEM_HEADER)).toBe('header parameter "X-Tenant" is required');
    const noQuery = await fetch(`${baseUrl}/pets/search`);
    expect(noQuery.status).toBe(422);
    expect(await json(noQuery)).toEqual({ message: 'query parameter "q" is required' });
    const shortQuery = await fetch(`${baseUrl}/pets/search?q=r`);
    expect(shortQuery.headers.get(PROBLEM_HEADER)).toBe('query parameter "q": expected string of at least 2 characters, got string');
  });

  it("checks a query parameter's type after reading it as its schema's type", async () => {
    expect((await fetch(`${baseUrl}/pets/${PET_ID}?verbose=true`, { headers: tenant })).status).toBe(200);
    const bad = await fetch(`${baseUrl}/pets/${PET_ID}?verbose=maybe`, { headers: tenant });
    expect(bad.headers.get(PROBLEM_HEADER)).toBe('query parameter "verbose": expected boolean, got string');
  });

  it("checks the JSON body: required, types, formats, enums; answers 422 where 400 is not documented", async () => {
    const post = (body: string) => fetch(`${baseUrl}/pets`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const cases: [string, string][] = [
      [JSON.stringify({ kind: "cat" }), "request body at /name: a required property is missing"],
      [JSON.stringify({ name: 7, kind: "cat" }), "request body at /name: expected string, got integer"],
      [JSON.stringify({ name: "Tom", kind: "cat", born: "yesterday" }), "request body at /born: expected string (date), got string"],
      [JSON.stringify({ name: "Tom", kind: "cow" }), 'request body at /kind: expected one of "cat", "dog", got string'],
      ["{not json", "the request body is not valid JSON"],
      ["", "the request body is required"],
    ];
    for (const [body, problem] of cases) {
      const response = await post(body);
      expect(response.status, body).toBe(422);
      expect(response.headers.get(PROBLEM_HEADER)).toBe(problem);
      expect(await json(response)).toMatchObject({ error: problem });
    }
  });
});

describe("paged lists", () => {
  const paging: PagingSpec = { request: { page: "page", pageSize: "pageSize" }, response: { results: "results", pageNumber: "pageNumber", pageSize: "pageSize", totalResults: "totalResults" } };
  const call = async (request: Record<string, unknown>) => json(await fetch(`${baseUrl}/pets?page=${String(request.page)}&pageSize=${String(request.pageSize)}`));

  it("answers consistent pages of a fixed total, so listing them all ends", async () => {
    const items: unknown[] = [];
    for await (const item of paginate({ page: 1, pageSize: 5 }, paging, call)) items.push(item);
    expect(items).toHaveLength(12);
    const again = await call({ page: 2, pageSize: 5 });
    expect(again).toMatchObject({ pageNumber: 2, pageSize: 5, totalResults: 12 });
    expect(again.results).toEqual(items.slice(5, 10));
    // The same items, paged differently.
    expect((await call({ page: 2, pageSize: 6 })).results).toEqual(items.slice(6, 12));
    for (const item of items) expect(checkValue(item, { type: "ref", ref: "Pet" }, petShapes.schemas)).toEqual([]);
  });

  it("holds as many items as asked", async () => {
    server.use(...createHandlers(petShapes, { baseUrl, totalResults: 3 }));
    const page = await call({ page: 1, pageSize: 100 });
    expect(page).toMatchObject({ pageNumber: 1, pageSize: 100, totalResults: 3 });
    expect(page.results).toHaveLength(3);
  });
});

describe("createErrorHandler", () => {
  it("answers a documented error with its example, or data from its schema", async () => {
    server.use(createErrorHandler(petShapes, "get-pet", "404", { baseUrl }));
    const notFound = await fetch(`${baseUrl}/pets/${PET_ID}`, { headers: tenant });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ statusCode: 404, error: "No pet" });

    server.use(createErrorHandler(petShapes, "create-pet", "409", { baseUrl }));
    const conflict = await fetch(`${baseUrl}/pets`, { method: "POST", body: "{}" });
    expect(conflict.status).toBe(409);
    expect(checkValue(await conflict.json(), { type: "ref", ref: "Problem" }, petShapes.schemas)).toEqual([]);
  });

  it("refuses an error the operation does not document", () => {
    expect(() => createErrorHandler(petShapes, "get-pet", "500", { baseUrl })).toThrow("get-pet documents no error 500 (it documents 401, 404)");
    expect(() => createErrorHandler(petShapes, "nope", "404", { baseUrl })).toThrow('the shapes have no operation "nope"');
  });
});
