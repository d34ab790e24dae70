/**
 * Every operation of @x/sync-commerce against a Prism mock of openapi/sync-commerce.yaml,
 * which validates our requests (sl-violations) and enforces the auth_header scheme.
 */
import { connectionShape, describeOperationContracts, recorder, type OperationCase } from "@x/mock-server/contract";
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import {
  ErrorMessage,
  SDKValidationError,
  SyncCommerce,
  type Connection,
  type UpdateConnection,
} from "../src/index.js";

const API_KEY_HEADER = `Basic ${Buffer.from("contract-test-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
const serverURL = inject("mockUrl");
const ERRORS = [401, 402, 403, 404, 429, 500, 503];

function recordingClient(credential: string | null = API_KEY_HEADER) {
  const rec = recorder();
  return { ...rec, client: new SyncCommerce({ ...(credential ? { security: { authHeader: credential } } : {}), serverURL, ...rec.options }) };
}

const OPERATIONS: OperationCase<SyncCommerce>[] = [
  {
    method: "deleteConnection",
    call: (c, o) => c.connections.deleteConnection({ companyId, connectionId }, o),
    errors: ERRORS,
    check: (r) => expect(r).toBeUndefined(),
  },
  {
    method: "getConnection",
    call: (c, o) => c.connections.getConnection({ companyId, connectionId }, o),
    errors: ERRORS,
    check: (r) => expect(r).toMatchObject(connectionShape),
  },
  {
    method: "unlink",
    call: (c, o) => c.connections.unlink({ companyId, connectionId, updateConnection: { status: "Unlinked" } }, o),
    errors: ERRORS,
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

describeOperationContracts(OPERATIONS, {
  client: recordingClient,
  errorClass: ErrorMessage,
  credential: API_KEY_HEADER,
  manifest: new URL("../package.json", import.meta.url),
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
