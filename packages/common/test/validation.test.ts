/**
 * Response validation on the generated SDK (its shapes.ts and validation.ts, loaded by the core
 * when a call validates), against a local server that answers the bodies each test chooses.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Common, CommonCore, ResponseValidationError, SDKBaseError, SDKValidationError, connectionsGet, type Connection, type ValidationIssue } from "../src/index.js";

const KEY = "Basic c2stbGl2ZS1zZWNyZXQ=";
const ids = { companyId: "8a210b68-6988-11ed-a1eb-0242ac120002", connectionId: "2e9d2c44-f675-40ba-8049-353bfcb5e171" };
const connection = {
  id: ids.connectionId,
  integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
  integrationKey: "dfxm",
  sourceId: "bdd831ce-eebd-4896-89a7-20e5ee8989ee",
  sourceType: "Banking",
  platformName: "Basiq",
  linkUrl: "https://link-api.codat.io/companies/x/connections/y/start",
  status: "Linked",
  created: "2022-10-27T09:53:29Z",
};

/** What the server answers next; each test sets it. */
let next: unknown = connection;
let server: http.Server;
let serverURL: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(next));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const common = (options: ConstructorParameters<typeof Common>[0] = {}) => new Common({ security: { authHeader: KEY }, serverURL, retryConfig: { strategy: "none" }, ...options });

describe("validateResponses on @x/common", () => {
  it("strict rejects a Connection missing a required field, with a wrong type and a bad date-time", async () => {
    const { id: _id, ...noId } = connection;
    next = { ...noId, platformName: 42, created: "27/10/2022 09:53" };
    const error = await common({ validateResponses: "strict" }).connections.get(ids).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(SDKBaseError);
    const e = error as ResponseValidationError;
    expect(e.issues.map((i) => ({ pointer: i.pointer, expected: i.expected }))).toEqual([
      { pointer: "/id", expected: "required property" },
      { pointer: "/platformName", expected: "string" },
      { pointer: "/created", expected: "string (date-time)" },
    ]);
    expect({ status: e.status, operationId: e.operationId, methodPath: e.methodPath }).toEqual({ status: 200, operationId: "get-connection", methodPath: "connections.get" });
    expect(e.body).toEqual(next);
    expect(e.message).toContain("/id: expected required property");
    // No credential anywhere in what the error shows.
    for (const text of [e.message, JSON.stringify(e), e.url]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("c2stbGl2ZS1zZWNyZXQ=");
    }
  });

  it("strict lets an extra field and a new enum value through", async () => {
    next = { ...connection, status: "Archived", sourceType: "Crypto", addedIn2027: { anything: [1, 2] } };
    const got: Connection = await common({ validateResponses: "strict" }).connections.get(ids);
    expect(got).toEqual(next);
  });

  it("a function receives the issues and the context, and the call returns the data as received", async () => {
    next = { ...connection, lastSync: "not a date" };
    const seen: { issues: readonly ValidationIssue[]; operationId: string; status: number }[] = [];
    const got = await common({ validateResponses: (issues, context) => seen.push({ issues, operationId: context.operationId, status: context.status }) }).connections.get(ids);
    expect(got).toEqual(next);
    expect(seen).toEqual([{ issues: [{ pointer: "/lastSync", expected: "string (date-time)", received: 'string "not a date"' }], operationId: "get-connection", status: 200 }]);
  });

  it("the per-call option beats the client's", async () => {
    next = { id: ids.connectionId };
    expect(await common({ validateResponses: "strict" }).connections.get(ids, { validateResponses: "off" })).toEqual(next);
    const report = vi.fn();
    await common({ validateResponses: "strict" }).connections.get(ids, { validateResponses: report });
    expect(report).toHaveBeenCalledOnce();
    await expect(common().connections.get(ids, { validateResponses: "strict" })).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("works on the standalone functions (CommonCore)", async () => {
    next = { ...connection, created: 1666864409 };
    const core = new CommonCore({ security: { authHeader: KEY }, serverURL, validateResponses: "strict" });
    const error = (await connectionsGet(core, ids).then(() => undefined, (e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([{ pointer: "/created", expected: "string (date-time)", received: "integer 1666864409" }]);
  });

  it("validates each item of a paged list", async () => {
    next = { results: [connection, { ...connection, id: 7 }], pageNumber: 1, pageSize: 100, totalResults: 2, _links: { self: { href: "/x" }, current: { href: "/x" } } };
    const error = (await common({ validateResponses: "strict" }).connections.list({ companyId: ids.companyId }).then(() => undefined, (e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues.map((i) => i.pointer)).toEqual(["/results/1/id"]);
  });

  it("a bad option value fails at construction, naming the option", () => {
    expect(() => common({ validateResponses: "warn" as never })).toThrow(SDKValidationError);
    expect(() => common({ validateResponses: "warn" as never })).toThrow(/validateResponses/);
  });
});
