/**
 * A product team's tests against the SDK's test kit (`@x/common/testing`): vitest with msw/node
 * intercepting the SDK's fetch, no Prism and no network. Every operation, a documented error,
 * a bad request answered 4xx with a message, and a paged list that `listAll` reads to its end.
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { Common, ErrorMessage, type Connection } from "../src/index.js";
import { errorHandler, fake, fakes, handlers } from "../src/generated/testing.js";

const server = setupServer(...handlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const common = new Common({ security: { authHeader: "Basic dGVzdC1rZXk=" }, retryConfig: { strategy: "none" } });
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ["PendingAuth", "Linked", "Unlinked", "Deauthorized"];

describe("every operation against handlers()", () => {
  it("connections.list answers a page of connections", async () => {
    const page = await common.connections.list({ companyId, pageSize: 5 });
    expect(page).toMatchObject({ pageNumber: 1, pageSize: 5, totalResults: 12 });
    expect(page.results).toHaveLength(5);
    for (const connection of page.results ?? []) {
      expect(connection.id).toMatch(UUID);
      expect(STATUSES).toContain(connection.status);
    }
  });

  it("connections.get answers a connection, the same one each time", async () => {
    const connection = await common.connections.get({ companyId, connectionId });
    expect(connection.id).toMatch(UUID);
    expect(STATUSES).toContain(connection.status);
    expect(typeof connection.platformName).toBe("string");
    expect(await common.connections.get({ companyId, connectionId })).toEqual(connection);
  });

  it("connections.create, unlinkConnection and updateAuthorization answer a connection", async () => {
    const created = await common.connections.create({ companyId, requestBody: { platformKey: "gbol" } });
    expect(created.id).toMatch(UUID);
    const unlinked = await common.connections.unlinkConnection({ companyId, connectionId, requestBody: { status: "Unlinked" } });
    expect(unlinked.id).toMatch(UUID);
    const authorized = await common.connections.updateAuthorization({ companyId, connectionId, requestBody: { token: "x" } });
    expect(authorized.id).toMatch(UUID);
  });

  it("connections.delete answers an empty success", async () => {
    await expect(common.connections.delete({ companyId, connectionId })).resolves.toBeUndefined();
  });
});

describe("overrides", () => {
  it("a documented error: the SDK throws its typed error", async () => {
    server.use(errorHandler("connections.get", "404"));
    const error = await common.connections.get({ companyId, connectionId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    expect((error as ErrorMessage).status).toBe(404);
    // Other operations still answer from handlers().
    await expect(common.connections.list({ companyId })).resolves.toMatchObject({ totalResults: 12 });
  });

  it("data of the test's own, built with the typed builders", async () => {
    const unlinked = fake.connection({ status: "Unlinked", platformName: "Xero" });
    expectTypeOf(unlinked).toEqualTypeOf<Connection>();
    server.use(http.get("https://api.codat.io/companies/:companyId/connections/:connectionId", () => HttpResponse.json(unlinked)));
    expect(await common.connections.get({ companyId, connectionId })).toEqual(unlinked);
    expect(unlinked.status).toBe("Unlinked");
    expect(unlinked.id).toMatch(UUID);
    // Deterministic for a seed.
    expect(fakes(1).connection()).toEqual(fake.connection());
    expect(fakes(7).connection()).toEqual(fakes(7).connection());
  });
});

describe("bad requests", () => {
  it("a path parameter that is not the uuid the spec asks for (sent past the SDK's own checks): 400 names it", async () => {
    // The SDK checks uuids before sending; code of the team's own that calls the API directly does not.
    const response = await fetch(`https://api.codat.io/companies/not-a-uuid/connections`, { headers: { authorization: "Basic dGVzdC1rZXk=" } });
    const problem = 'path parameter "companyId": expected string (uuid), got string';
    expect(response.status).toBe(400); // list-connections documents 400
    expect(response.headers.get("x-kit-problem")).toBe(problem);
    expect(await response.json()).toMatchObject({ error: problem });
  });

  it("a body that breaks its schema: the problem and where it is", async () => {
    const requestBody = { status: 5 } as unknown as { status: "Unlinked" };
    const error = await common.connections.unlinkConnection({ companyId, connectionId, requestBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    // unlink-connection documents neither 400 nor 422: its first documented 4xx.
    expect((error as ErrorMessage).status).toBe(401);
    const problem = 'request body at /status: expected string, got integer';
    expect((error as ErrorMessage).data.error).toBe(problem);
    expect((error as ErrorMessage).message).toContain(problem);
  });
});

describe("paged lists", () => {
  it("listAll reads consistent pages to the end", async () => {
    const all: Connection[] = [];
    for await (const connection of common.connections.listAll({ companyId, pageSize: 5 })) all.push(connection);
    expect(all).toHaveLength(12);
    expect(new Set(all.map((c) => c.id)).size).toBeGreaterThan(1);
    const second = await common.connections.list({ companyId, page: 2, pageSize: 5 });
    expect(second.results).toEqual(all.slice(5, 10));
  });

  it("holds as many items as the test asks for", async () => {
    server.use(...handlers({ totalResults: 30, seed: 3 }));
    let count = 0;
    for await (const connection of common.connections.listAll({ companyId, pageSize: 7 })) {
      expect(connection.id).toMatch(UUID);
      count++;
    }
    expect(count).toBe(30);
  });
});
