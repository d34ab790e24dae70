/**
 * Every operation of @x/sync-commerce against a Prism mock of openapi/sync-commerce.yaml,
 * which validates our requests (sl-violations) and enforces the auth_header scheme.
 */
import { connectionShape, expectErrorMessage, recorder } from "@x/mock-server/contract";
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import {
  ErrorMessage,
  SDKValidationError,
  SyncCommerce,
  type Connection,
  type RequestOptions,
  type UpdateConnection,
} from "../src/index.js";

const API_KEY_HEADER = `Basic ${Buffer.from("contract-test-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
const serverURL = inject("mockUrl");
const NO_RETRIES: RequestOptions = { retries: { strategy: "none" } };
const ERRORS = [401, 402, 403, 404, 429, 500, 503];

function recordingClient(security: { authHeader: string } | null = { authHeader: API_KEY_HEADER }) {
  const rec = recorder();
  return { ...rec, client: new SyncCommerce({ ...(security ? { security } : {}), serverURL, ...rec.options }) };
}

type Call = (client: SyncCommerce, options?: RequestOptions) => Promise<unknown>;
const OPERATIONS: { method: string; call: Call; check: (result: unknown) => void }[] = [
  {
    method: "deleteConnection",
    call: (c, o) => c.connections.deleteConnection({ companyId, connectionId }, o),
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    method: "getConnection",
    call: (c, o) => c.connections.getConnection({ companyId, connectionId }, o),
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
  {
    method: "unlink",
    call: (c, o) => c.connections.unlink({ companyId, connectionId, updateConnection: { status: "Unlinked" } }, o),
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
];

describe("the typed surface", () => {
  it("resolves each method to its model type and takes UpdateConnection as `updateConnection`", () => {
    const c = new SyncCommerce();
    expectTypeOf(c.connections.getConnection).returns.resolves.toEqualTypeOf<Connection>();
    expectTypeOf(c.connections.deleteConnection).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(c.connections.unlink).returns.resolves.toEqualTypeOf<Connection>();
    expectTypeOf(c.connections.unlink).parameter(0).toHaveProperty("updateConnection").toEqualTypeOf<UpdateConnection | undefined>();
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(c.connections)).sort()).toEqual(
      ["constructor", ...OPERATIONS.map((o) => o.method)].sort(),
    );
  });
});

describe.each(OPERATIONS)("connections.$method", ({ method, call, check }) => {
  it("succeeds with the typed model and no request violation", async () => {
    const { client, violations } = recordingClient();
    check(await call(client));
    expect(violations).toEqual([]);
  });

  it.each(ERRORS)("throws ErrorMessage with the body's fields on a documented %i", async (status) => {
    const { client } = recordingClient();
    const error = await call(client, { ...NO_RETRIES, headers: { Prefer: `code=${status}` } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    expectErrorMessage(error as ErrorMessage, status, `connections.${method}`, API_KEY_HEADER);
  });

  it("throws the 401 as ErrorMessage when the client has no credentials", async () => {
    const { client, violations } = recordingClient(null);
    const error = await call(client, NO_RETRIES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorMessage);
    expect((error as ErrorMessage).status).toBe(401);
    expect(violations).toEqual([expect.stringContaining("security")]);
  });
});

describe("requests Prism can judge", () => {
  it("sends unlink without a body, which the spec allows", async () => {
    const { client, violations } = recordingClient();
    expect(await client.connections.unlink({ companyId, connectionId })).toMatchObject(connectionShape);
    expect(violations).toEqual([]);
  });

  it("fails a call missing a required parameter before anything is sent", async () => {
    const { client, sent } = recordingClient();
    const error = await client.connections.unlink({ connectionId } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as Error).message).toContain('"companyId"');
    expect(sent()).toBe(0);
  });
});
