/**
 * A product team's tests against the SDK's test kit (`@x/sync-commerce/testing`): vitest with
 * msw/node intercepting the SDK's fetch, no Prism and no network. Every operation, a documented
 * error, and bad requests answered 4xx with a message. (This spec has no paged list; the kit's
 * pages are tested through @x/common's `listAll` and in the runtime.)
 */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { ErrorMessage, SyncCommerce, type Connection } from "../src/index.js";
import { errorHandler, fake, fakes, handlers } from "../src/generated/testing.js";

const server = setupServer(...handlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new SyncCommerce({ security: { authHeader: "Basic dGVzdC1rZXk=" }, retryConfig: { strategy: "none" } });
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("every operation against handlers()", () => {
  it("connections.getConnection answers a connection, the same one each time", async () => {
    const connection = await client.connections.getConnection({ companyId, connectionId });
    expect(connection.id).toMatch(UUID);
    expect(["PendingAuth", "Linked", "Unlinked", "Deauthorized"]).toContain(connection.status);
    expect(await client.connections.getConnection({ companyId, connectionId })).toEqual(connection);
  });

  it("connections.unlink answers a connection", async () => {
    const connection = await client.connections.unlink({ companyId, connectionId, updateConnection: { status: "Unlinked" } });
    expect(connection.id).toMatch(UUID);
  });

  it("connections.deleteConnection answers an empty success", async () => {
    await expect(client.connections.deleteConnection({ companyId, connectionId })).resolves.toBeUndefined();
  });
});

describe("overrides", () => {
  it("a documented error: the SDK throws its typed error", async () => {
    server.use(errorHandler("connections.getConnection", "404"));
    const error = await client.connections.getConnection({ companyId, connectionId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    expect((error as ErrorMessage).status).toBe(404);
    await expect(client.connections.deleteConnection({ companyId, connectionId })).resolves.toBeUndefined();
  });

  it("data of the test's own, built with the typed builders", async () => {
    const unlinked = fake.connection({ status: "Unlinked" });
    expectTypeOf(unlinked).toEqualTypeOf<Connection>();
    server.use(http.get("https://api.codat.io/companies/:companyId/connections/:connectionId", () => HttpResponse.json(unlinked)));
    expect(await client.connections.getConnection({ companyId, connectionId })).toEqual(unlinked);
    expect(unlinked.status).toBe("Unlinked");
    expect(fakes(5).connection()).toEqual(fakes(5).connection());
  });
});

describe("bad requests", () => {
  it("a body that is not the object its schema asks for: the documented 4xx names the problem", async () => {
    const updateConnection = "Unlinked" as unknown as { status: "Unlinked" };
    const error = await client.connections.unlink({ companyId, connectionId, updateConnection }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    // unlink-connection documents neither 400 nor 422: its first documented 4xx.
    expect((error as ErrorMessage).status).toBe(401);
    expect((error as ErrorMessage).data.error).toBe("request body: expected object, got string");
  });

  it("a path parameter that is not a uuid, sent past the SDK's own checks", async () => {
    const response = await fetch("https://api.codat.io/companies/42/connections/x", { headers: { authorization: "Basic dGVzdC1rZXk=" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-kit-problem")).toBe('path parameter "companyId": expected string (uuid), got string');
  });
});
