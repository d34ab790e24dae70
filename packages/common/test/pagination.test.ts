/**
 * `connections.listAll`, the iterator over every page of `connections.list`, against
 * a Prism mock of openapi/common.yaml (which answers with the spec's example page).
 */
import { connectionShape, recorder } from "@x/mock-server/contract";
import { expect, expectTypeOf, inject, it } from "vitest";
import { Common, ErrorMessage, SDKValidationError, type Connection, type ListConnectionsRequest, type RequestOptions, type Security } from "../src/index.js";

const API_KEY_HEADER = `Basic ${Buffer.from("contract-test-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const serverURL = inject("mockUrl");

function recordingClient() {
  const rec = recorder();
  return { ...rec, client: new Common({ security: { authHeader: API_KEY_HEADER }, serverURL, ...rec.options }) };
}

it("is typed as an async iterator of Connection", () => {
  const c = new Common();
  expectTypeOf(c.connections.listAll).parameters.toEqualTypeOf<[ListConnectionsRequest, RequestOptions<Security>?]>();
  expectTypeOf(c.connections.listAll).returns.toEqualTypeOf<AsyncIterableIterator<Connection>>();
});

it("yields the Connection items of the example page, in one request", async () => {
  const { client, sent, violations } = recordingClient();
  const iterator = client.connections.listAll({ companyId });
  expect(sent()).toBe(0);
  const items: Connection[] = [];
  for await (const connection of iterator) items.push(connection);
  // The spec's example page: 2 results, pageNumber 1, pageSize 100, totalResults 2, so one page is all.
  expect(sent()).toBe(1);
  expect(violations).toEqual([]);
  expect(items.map((c) => c.platformName)).toEqual(["Basiq", "Xero"]);
  for (const c of items) expect(c).toMatchObject(connectionShape);
  const page = await client.connections.list({ companyId, page: 1 });
  expect(items).toEqual(page.results);
});

it("sends page, pageSize and the other fields Prism validates", async () => {
  const { client, sent, violations } = recordingClient();
  const items: Connection[] = [];
  for await (const c of client.connections.listAll({ companyId, pageSize: 100, query: "status=Linked", orderBy: "-modifiedDate" })) items.push(c);
  expect(items).toHaveLength(2);
  expect(sent()).toBe(1);
  expect(violations).toEqual([]);
});

it("rejects with the typed error of a failed page", async () => {
  const { client } = recordingClient();
  const iterator = client.connections.listAll({ companyId }, { headers: { Prefer: "code=404" }, retries: { strategy: "none" } });
  const error = await iterator.next().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ErrorMessage);
  expect((error as ErrorMessage).status).toBe(404);
});

it("rejects a bad argument on the first next(), before anything is sent", async () => {
  const { client, sent } = recordingClient();
  const error = await client.connections.listAll({ companyId, pageSize: 5001 }).next().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SDKValidationError);
  expect((error as Error).message).toBe('connections.list: query parameter "pageSize" must be at most 5000, got 5001');
  expect(sent()).toBe(0);
});
