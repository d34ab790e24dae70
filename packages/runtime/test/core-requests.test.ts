import { describe, expect, it } from "vitest";
import { SDKError, SDKValidationError } from "../src/errors.js";
import { caught, core, ids, serve, type Security } from "./support/core.js";
import { getConnection } from "./support/fixtures.js";
import { scripted } from "./support/server.js";

describe("SDKCore requests", () => {
  it("applies the auth header from an object", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    await core(server, { security: { authHeader: "Basic abc123" } }).invoke(getConnection, ids);
    expect(server.received[0]!.headers.authorization).toBe("Basic abc123");
  });

  it("calls an async security function on every call, so tokens rotate", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    let n = 0;
    const sdk = core(server, { security: async () => ({ authHeader: `Bearer token-${++n}` }) });
    await sdk.invoke(getConnection, ids);
    await sdk.invoke(getConnection, ids);
    expect(server.received.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("sends no credentials without security, or with empty ones", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    await core(server).invoke(getConnection, ids);
    await core(server, { security: { authHeader: "" } }).invoke(getConnection, ids);
    expect(server.received.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    expect(server.received.map((r) => r.url)).toEqual(["/companies/c1/connections/x1", "/companies/c1/connections/x1"]);
  });

  it("applies a query apiKey and keeps it out of error messages", async () => {
    const server = await serve(scripted({ status: 500, body: "oops" }));
    const sdk = core(server, { security: { apiKey: "qk-secret-123" }, retryConfig: { strategy: "none" } });
    const error = await caught(sdk.invoke(getConnection, { ...ids, includeDeleted: true }));
    expect(server.received[0]!.url).toBe("/companies/c1/connections/x1?include_deleted=true&api_key=qk-secret-123");
    expect(error).toBeInstanceOf(SDKError);
    expect(String(error)).not.toContain("qk-secret-123");
  });

  it("rejects an unknown security field before sending", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const sdk = core(server, { security: { authheader: "x" } as Security });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as Error).message).toBe("Test: security.authheader is unknown; expected: authHeader, apiKey");
    expect(server.received).toHaveLength(0);
  });

  it("sends per-call headers over the SDK's own, and header parameters", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const sdk = core(server, { security: { authHeader: "Basic client" } });
    await sdk.invoke(getConnection, { ...ids, traceId: "t-1" }, { headers: { Authorization: "Basic per-call", "X-Extra": "1" } });
    const { headers } = server.received[0]!;
    expect({ auth: headers.authorization, extra: headers["x-extra"], trace: headers["x-trace-id"], accept: headers.accept }).toEqual({
      auth: "Basic per-call",
      extra: "1",
      trace: "t-1",
      accept: "application/json",
    });
  });

  it("sends nothing when a required parameter is missing", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const error = await caught(core(server).invoke(getConnection, { companyId: "c1" }));
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as Error).message).toBe('connections.get: path parameter "connectionId" is required');
    expect(server.received).toHaveLength(0);
  });

  it("sends nothing when a field name has a typo", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    await expect(core(server).invoke(getConnection, { companyID: "c1", connectionId: "x" })).rejects.toThrow(/companyID is unknown/);
    await expect(core(server).invoke(getConnection, ids, { timeoutMs: -1 })).rejects.toBeInstanceOf(SDKValidationError);
    await expect(core(server).invoke(getConnection, ids, { retries: { strategy: "backoff", backoff: { exponent: 0 } } })).rejects.toThrow(
      "connections.get: retries.backoff.exponent must be a finite number >= 1",
    );
    expect(server.received).toHaveLength(0);
  });

  it("percent-encodes path parameters", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    await core(server).invoke(getConnection, { companyId: "a/b c", connectionId: "?#%" });
    expect(server.received[0]!.url).toBe("/companies/a%2Fb%20c/connections/%3F%23%25");
  });

  it("keeps the server URL's path", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    await core({ url: `${server.url}/v2/` }).invoke(getConnection, ids);
    expect(server.received[0]!.url).toBe("/v2/companies/c1/connections/x1");
  });
});
