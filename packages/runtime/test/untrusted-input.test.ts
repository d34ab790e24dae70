/**
 * Security beyond credentials (security.test.ts has those): a caller's path parameter cannot
 * leave its segment, and a response's JSON cannot pollute prototypes.
 */
import { describe, expect, it } from "vitest";
import { SDKValidationError } from "../src/errors.js";
import type { RequestOptions } from "../src/options.js";
import { caught, core, ids, serve, type Security } from "./support/core.js";
import { ErrorMessage, deleteCompany, getConnection } from "./support/fixtures.js";
import { send } from "./support/server.js";

const security: Security = { authHeader: "Bearer s3cr3t-token-ABCDEFGH", apiKey: "key-QWERTYUIOP" };
const perCall: RequestOptions = { headers: { "X-Api-Key": "percall-ZXCVBNM1" } };

describe("path parameters stay in their segment", () => {
  it.each([
    ["../x", "/companies/..%2Fx/connections/x1"],
    ["a/b", "/companies/a%2Fb/connections/x1"],
    ["a?b=1", "/companies/a%3Fb%3D1/connections/x1"],
    ["a#frag", "/companies/a%23frag/connections/x1"],
    ["%2e%2e", "/companies/%252e%252e/connections/x1"],
  ] as const)("companyId %j arrives as one encoded segment", async (value, path) => {
    const server = await serve((_req, res) => send(res, { status: 200, body: {} }));
    await core(server).invoke(getConnection, { ...ids, companyId: value });
    expect(server.received.map((r) => r.url)).toEqual([path]);
  });

  it.each([
    ["companyId", ".", getConnection],
    ["companyId", "..", getConnection],
    ["connectionId", ".", getConnection],
    ["connectionId", "..", getConnection],
    ["companyId", ".", deleteCompany],
    ["companyId", "..", deleteCompany],
  ] as const)("refuses %s %j before sending anything", async (field, value, op) => {
    const server = await serve((_req, res) => send(res, { status: 200, body: {} }));
    const request = op === deleteCompany ? { companyId: value } : { ...ids, [field]: value };
    const error = await caught(core(server).invoke(op, request));
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error).toMatchObject({ field, message: `${op.methodPath}: path parameter "${field}" must not be "." or ".."` });
    expect(server.received).toHaveLength(0);
  });
});

describe("response JSON cannot pollute prototypes", () => {
  const POLLUTING = JSON.stringify({ error: "nope" }).replace(
    "{",
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
  );

  function prototypeState(): { keys: string[]; polluted: unknown; constructor: unknown } {
    return { keys: Object.getOwnPropertyNames(Object.prototype).sort(), polluted: ({} as Record<string, unknown>).polluted, constructor: {}.constructor };
  }

  function expectOwnProtoKey(value: unknown): void {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value as object, "__proto__")).toBe(true);
    expect((value as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: "yes" });
  }

  it("resolves such a body as data with __proto__ as an own property", async () => {
    const before = prototypeState();
    const server = await serve((_req, res) => send(res, { status: 200, body: POLLUTING, headers: { "Content-Type": "application/json" } }));
    const data = await core(server, { security }).invoke(getConnection, ids);
    expectOwnProtoKey(data);
    expect(prototypeState()).toEqual({ keys: before.keys, polluted: undefined, constructor: Object });
  });

  it("builds a documented error from such a body (credentials scrubbed) without polluting", async () => {
    const before = prototypeState();
    const server = await serve((_req, res) => send(res, { status: 404, body: POLLUTING, headers: { "Content-Type": "application/json" } }));
    // With credentials set the body is copied while scrubbing, which is where a naive copy would pollute.
    const error = await caught(core(server, { security }).invoke(getConnection, ids, perCall));
    expect(error).toBeInstanceOf(ErrorMessage);
    const e = error as ErrorMessage;
    expect(e.error).toBe("nope");
    expectOwnProtoKey(e.body);
    expect(prototypeState()).toEqual({ keys: before.keys, polluted: undefined, constructor: Object });
  });
});
