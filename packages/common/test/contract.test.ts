/**
 * Every operation of @x/common against a Prism mock of openapi/common.yaml, which
 * validates our requests (sl-violations) and enforces the auth_header scheme.
 */
import { connectionShape, describeOperationContracts, recorder, type OperationCase } from "@x/mock-server/contract";
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import {
  Common,
  ErrorMessage,
  SDKError,
  SDKValidationError,
  type Connection,
  type Connections,
  type RequestOptions,
} from "../src/index.js";

const API_KEY_HEADER = `Basic ${Buffer.from("contract-test-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
const serverURL = inject("mockUrl");
const NO_RETRIES: RequestOptions = { retries: { strategy: "none" } };

function recordingClient(credential: string | null = API_KEY_HEADER) {
  const rec = recorder();
  return { ...rec, client: new Common({ ...(credential ? { security: { authHeader: credential } } : {}), serverURL, ...rec.options }) };
}

const OPERATIONS: OperationCase<Common>[] = [
  {
    method: "create",
    call: (c, o) => c.connections.create({ companyId, requestBody: { platformKey: "gbol" } }, o),
    errors: [401, 402, 403, 404, 429, 500, 503],
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
  {
    method: "delete",
    call: (c, o) => c.connections.delete({ companyId, connectionId }, o),
    errors: [401, 402, 403, 404, 429, 500, 503],
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    method: "get",
    call: (c, o) => c.connections.get({ companyId, connectionId }, o),
    errors: [401, 402, 403, 404, 429, 500, 503],
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
  {
    method: "list",
    call: (c, o) => c.connections.list({ companyId, page: 1, pageSize: 100, query: "status=Linked", orderBy: "-modifiedDate" }, o),
    errors: [400, 401, 402, 403, 404, 429, 500, 503],
    check: (r) => {
      const page = r as Connections;
      expect(page).toMatchObject({ pageNumber: 1, pageSize: expect.any(Number), totalResults: expect.any(Number) });
      expect(page._links.self.href).toEqual(expect.any(String));
      expect(page.results?.length).toBeGreaterThan(0);
      for (const c of page.results ?? []) expect(c).toMatchObject(connectionShape);
    },
  },
  {
    method: "unlinkConnection",
    call: (c, o) => c.connections.unlinkConnection({ companyId, connectionId, requestBody: { status: "Unlinked" } }, o),
    errors: [401, 402, 403, 404, 429, 500, 503],
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
  {
    method: "updateAuthorization",
    call: (c, o) => c.connections.updateAuthorization({ companyId, connectionId, requestBody: { username: "finance@example.com", password: "hunter2" } }, o),
    errors: [401, 402, 403, 404, 429, 500, 503],
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
];

describe("the typed surface", () => {
  it("resolves each method to its model type", () => {
    const c = new Common();
    expectTypeOf(c.connections.get).returns.resolves.toEqualTypeOf<Connection>();
    expectTypeOf(c.connections.list).returns.resolves.toEqualTypeOf<Connections>();
    expectTypeOf(c.connections.create).returns.resolves.toEqualTypeOf<Connection>();
    expectTypeOf(c.connections.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(c.connections.unlinkConnection).returns.resolves.toEqualTypeOf<Connection>();
    expectTypeOf(c.connections.updateAuthorization).returns.resolves.toEqualTypeOf<Connection>();
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(c.connections)).sort()).toEqual(
      // `listAll` iterates the pages of the paged `list` (test/pagination.test.ts).
      ["constructor", ...OPERATIONS.map((o) => o.method), "listAll"].sort(),
    );
  });
});

describeOperationContracts(OPERATIONS, {
  client: recordingClient,
  errorClass: ErrorMessage,
  credential: API_KEY_HEADER,
  manifest: new URL("../package.json", import.meta.url),
});

describe("requests Prism can judge", () => {
  it("retries a 503 with the spec's policy, then throws it as ErrorMessage", async () => {
    const retried: number[] = [];
    const client = new Common({
      security: { authHeader: API_KEY_HEADER },
      serverURL,
      hooks: { beforeRetry: (_ctx, info) => void retried.push(info.attempt) },
    });
    const error = await client.connections
      .get({ companyId, connectionId }, {
        headers: { Prefer: "code=503" },
        // Budget for a few retries even on a loaded machine; the delays themselves are short.
        retries: { strategy: "backoff", backoff: { initialInterval: 50, maxInterval: 50, maxElapsedTime: 1_000, exponent: 1 } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    expect((error as ErrorMessage).status).toBe(503);
    expect(retried.length).toBeGreaterThanOrEqual(1);
  });

  it("surfaces Prism's 422 for a body that breaks the spec as SDKError, an undocumented status", async () => {
    const { client } = recordingClient();
    const requestBody = { username: 42 } as never; // the spec wants string values; bodies are not checked client-side
    const error = await client.connections.updateAuthorization({ companyId, connectionId, requestBody }, NO_RETRIES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(ErrorMessage);
    expect((error as SDKError).status).toBe(422);
    expect((error as SDKError).bodyText).toContain("username");
  });

  it.each([
    { name: "a companyId that is not a UUID", request: { companyId: "not-a-uuid" }, want: 'path parameter "companyId" must be a UUID (8-4-4-4-12 hex digits)' },
    { name: "a pageSize over 5000", request: { companyId, pageSize: 5001 }, want: 'query parameter "pageSize" must be at most 5000, got 5001' },
    { name: "page 0", request: { companyId, page: 0 }, want: 'query parameter "page" must be at least 1, got 0' },
  ])("rejects $name before anything is sent", async ({ request, want }) => {
    const { client, sent } = recordingClient();
    const error = await client.connections.list(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as Error).message).toBe(`connections.list: ${want}`);
    expect(sent()).toBe(0);
  });

  it("fails a call missing a required parameter before anything is sent", async () => {
    const { client, sent } = recordingClient();
    const error = await client.connections.get({ companyId } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as Error).message).toContain('"connectionId"');
    expect(sent()).toBe(0);
  });
});
