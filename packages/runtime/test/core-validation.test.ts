/**
 * `validateResponses` through the core: strict, a function, per-call override, "off" that never
 * loads the validators, option checks, and no credential in what validation shows.
 */
import { describe, expect, it, vi } from "vitest";
import { SDKCoreBase } from "../src/core.js";
import type { SDKDefinition } from "../src/definition.js";
import type { ValidationModule } from "../src/validation/contract.js";
import { ResponseValidationError, SDKBaseError, SDKValidationError } from "../src/errors.js";
import { queryApiKey, queryParameters } from "../src/features.js";
import type { ClientOptions } from "../src/options.js";
import type { Shapes } from "../src/shape.js";
import { responseValidation } from "../src/validation/index.js";
import { caught, ids, serve, type Security } from "./support/core.js";
import { definition, getConnection } from "./support/fixtures.js";
import { scripted } from "./support/server.js";

const shapes: Shapes = {
  schemas: {
    Connection: {
      type: "object",
      required: ["id", "status", "created"],
      properties: { id: { type: "string" }, status: { type: "string", enum: ["Linked"] }, created: { type: "string", format: "date-time" } },
    },
  },
  operations: {
    "get-connection": { method: "GET", path: "/companies/{companyId}/connections/{connectionId}", response: { status: "200", mediaType: "application/json", shape: { type: "ref", ref: "Connection" } } },
  },
};

const KEY = "sk_live_SECRET_123";
const good = { id: "x1", status: "Linked", created: "2022-10-27T09:53:29Z" };

/** A client whose definition counts how often its validators are loaded. */
function client(url: string, options: ClientOptions<Security> = {}) {
  const load = vi.fn(async (): Promise<ValidationModule> => responseValidation(shapes));
  const withValidation: SDKDefinition = { ...definition, features: { queryParameters, queryApiKey }, validation: load };
  return { load, sdk: new SDKCoreBase<Security>(withValidation, { serverURL: url, security: { authHeader: KEY }, ...options }) };
}

describe("validateResponses", () => {
  it("strict: a missing required field, a wrong type and a bad date-time reject with ResponseValidationError", async () => {
    const body = { status: 3, created: "yesterday" };
    const server = await serve(scripted({ status: 200, body }));
    const { sdk } = client(server.url, { validateResponses: "strict" });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(SDKBaseError);
    const e = error as ResponseValidationError;
    expect(e.issues).toEqual([
      { pointer: "/id", expected: "required property" },
      { pointer: "/status", expected: "string", received: "integer 3" },
      { pointer: "/created", expected: "string (date-time)", received: 'string "yesterday"' },
    ]);
    expect({ name: e.name, status: e.status, body: e.body, operationId: e.operationId, methodPath: e.methodPath, method: e.method, url: e.url, attempts: e.attempts }).toEqual({
      name: "ResponseValidationError", status: 200, body, operationId: "get-connection", methodPath: "connections.get", method: "GET", url: `${server.url}/companies/c1/connections/x1`, attempts: 1,
    });
    expect(e.message).toBe('connections.get: HTTP 200 response does not match the spec: /id: expected required property; /status: expected string, got integer 3; /created: expected string (date-time), got string "yesterday"');
  });

  it("strict lets an extra field and a new enum value through", async () => {
    const body = { ...good, status: "Deauthorized", addedLater: { x: 1 } };
    const server = await serve(scripted({ status: 200, body }));
    const { sdk } = client(server.url, { validateResponses: "strict" });
    expect(await sdk.invoke(getConnection, ids)).toEqual(body);
  });

  it("a function receives the issues and the context, and the call returns the data as received", async () => {
    const body = { ...good, created: 12 };
    const server = await serve(scripted({ status: 200, body }));
    const report = vi.fn();
    const { sdk } = client(server.url, { validateResponses: report });
    expect(await sdk.invoke(getConnection, { ...ids, includeDeleted: true })).toEqual(body);
    expect(report).toHaveBeenCalledTimes(1);
    const [issues, context] = report.mock.calls[0]!;
    expect(issues).toEqual([{ pointer: "/created", expected: "string (date-time)", received: "integer 12" }]);
    expect(context).toMatchObject({ operationId: "get-connection", methodPath: "connections.get", method: "GET", status: 200, url: `${server.url}/companies/c1/connections/x1?include_deleted=true` });
    expect(context.response).toBeInstanceOf(Response);
  });

  it("a function is not called for a body that matches", async () => {
    const server = await serve(scripted({ status: 200, body: good }));
    const report = vi.fn();
    const { sdk } = client(server.url, { validateResponses: report });
    await sdk.invoke(getConnection, ids);
    expect(report).not.toHaveBeenCalled();
  });

  it("the per-call option beats the client's, both ways", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const strict = client(server.url, { validateResponses: "strict" });
    expect(await strict.sdk.invoke(getConnection, ids, { validateResponses: "off" })).toEqual({});
    const off = client(server.url);
    expect(await caught(off.sdk.invoke(getConnection, ids, { validateResponses: "strict" }))).toBeInstanceOf(ResponseValidationError);
  });

  it('"off" (the default) never loads the validators', async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const { sdk, load } = client(server.url);
    expect(await sdk.invoke(getConnection, ids)).toEqual({});
    expect(await sdk.invoke(getConnection, ids, { validateResponses: "off" })).toEqual({});
    expect(load).not.toHaveBeenCalled();
    await caught(sdk.invoke(getConnection, ids, { validateResponses: "strict" }));
    await caught(sdk.invoke(getConnection, ids, { validateResponses: "strict" }));
    // Loaded once, by the first call that validates, and kept.
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("an SDK without validators validates nothing", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const sdk = new SDKCoreBase<Security>({ ...definition, features: { queryApiKey } }, { serverURL: server.url, validateResponses: "strict" });
    expect(await sdk.invoke(getConnection, ids)).toEqual({});
  });

  it("no credential in the error's message, JSON or issues, nor in what a function receives, even when the server echoes it", async () => {
    const body = { id: KEY, status: 1, created: `at ${KEY}`, echo: KEY };
    const server = await serve(scripted({ status: 200, body }));
    const { sdk } = client(server.url, { validateResponses: "strict" });
    const error = (await caught(sdk.invoke(getConnection, ids, { security: { authHeader: KEY, apiKey: KEY } }))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const text of [error.message, JSON.stringify(error), JSON.stringify(error.issues), error.url]) expect(text).not.toContain(KEY);
    expect(JSON.stringify(error.body)).toContain("[REDACTED]");
    const report = vi.fn();
    const reported = client(server.url, { validateResponses: report });
    await reported.sdk.invoke(getConnection, ids, { security: { authHeader: KEY, apiKey: KEY } });
    const [issues, context] = report.mock.calls[0]!;
    expect(JSON.stringify(issues)).not.toContain(KEY);
    expect(context.url).not.toContain(KEY);
  });

  it("a bad value fails at construction, and per call, with SDKValidationError naming the option", async () => {
    for (const bad of ["on", true, 1, {}]) {
      const error = (() => {
        try {
          new SDKCoreBase(definition, { validateResponses: bad as never });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as SDKValidationError).field).toBe("validateResponses");
      expect((error as Error).message).toContain("validateResponses");
    }
    const server = await serve(scripted({ status: 200, body: good }));
    const { sdk } = client(server.url);
    const error = await caught(sdk.invoke(getConnection, ids, { validateResponses: "loose" as never }));
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).field).toBe("options.validateResponses");
  });
});
