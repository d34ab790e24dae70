import { describe, expect, it } from "vitest";
import { APIError, SDKBaseError, SDKError } from "../src/errors.js";
import { caught, core, ids, serve } from "./support/core.js";
import { ErrorMessage, Fallback, ServerTrouble, createCompany, deleteCompany, getConnection } from "./support/fixtures.js";
import { scripted, send } from "./support/server.js";

describe("SDKCore responses", () => {
  it("throws the documented class for a documented status with a JSON body", async () => {
    const body = { statusCode: 404, service: "PublicApi", error: "Missing connection" };
    const server = await serve(scripted({ status: 404, body, headers: { "X-Request-Id": "req-9" } }));
    const error = await caught(core(server).invoke(getConnection, ids));
    expect(error).toBeInstanceOf(ErrorMessage);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(SDKBaseError);
    const e = error as ErrorMessage;
    expect({ name: e.name, status: e.status, statusCode: e.statusCode, service: e.service, body: e.body, bodyText: e.bodyText }).toEqual({
      name: "ErrorMessage",
      status: 404,
      statusCode: 404,
      service: "PublicApi",
      body,
      bodyText: JSON.stringify(body),
    });
    expect(e.message).toBe("connections.get: HTTP 404 Not Found: Missing connection");
    expect(e.headers.get("x-request-id")).toBe("req-9");
    expect(e.rawResponse.status).toBe(404);
    expect(e.rawResponse.url).toBe(`${server.url}/companies/c1/connections/x1`);
  });

  it("uses a range class, then default", async () => {
    const server = await serve(scripted({ status: 500, body: { oops: true } }, { status: 409, body: { clash: 1 } }));
    const sdk = core(server, { retryConfig: { strategy: "none" } });
    expect(await caught(sdk.invoke(getConnection, ids))).toBeInstanceOf(ServerTrouble);
    const fallback = await caught(sdk.invoke(createCompany, { companyRequestBody: {} }));
    expect(fallback).toBeInstanceOf(Fallback);
    expect((fallback as Fallback).status).toBe(409);
  });

  it("throws SDKError for a documented status whose body is not JSON", async () => {
    const server = await serve(scripted({ status: 404, body: "<html>not found</html>" }));
    const error = await caught(core(server).invoke(getConnection, ids));
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(ErrorMessage);
    expect((error as SDKError).body).toBe("<html>not found</html>");
  });

  it("throws SDKError with status and body for an undocumented status", async () => {
    const server = await serve(scripted({ status: 418, body: { teapot: true } }));
    const error = await caught(core(server).invoke(getConnection, ids));
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ name: "SDKError", status: 418, body: { teapot: true }, bodyText: '{"teapot":true}' });
    expect((error as Error).message).toBe('connections.get: HTTP 418 I\'m a Teapot: {"teapot":true}');
  });

  it("resolves an operation with no documented success to whatever 2xx arrives", async () => {
    const server = await serve(scripted({ status: 200, body: { id: 7 } }, { status: 201, body: "made" }, { status: 204 }));
    const undocumented = { ...getConnection, response: "unknown" as const };
    const sdk = core(server);
    expect(await sdk.invoke(undocumented, ids)).toEqual({ id: 7 });
    expect(await sdk.invoke(undocumented, ids)).toBe("made");
    expect(await sdk.invoke(undocumented, ids)).toBeUndefined();
  });

  it("throws SDKError for a 2xx body that is not JSON, or empty", async () => {
    const server = await serve(scripted({ status: 200, body: "<html>" }, { status: 200 }, { status: 200, body: '{"a":1' }));
    const notJson = await caught(core(server).invoke(getConnection, ids));
    expect(notJson).toBeInstanceOf(SDKError);
    expect(notJson).toMatchObject({ status: 200, bodyText: "<html>" });
    expect((notJson as Error).message).toBe("connections.get: HTTP 200 OK: response body is not valid JSON");
    // The parser's error without its message, which quotes the body: at most the position.
    expect((notJson as Error).cause).toEqual(new SyntaxError("invalid JSON"));
    const empty = await caught(core(server).invoke(getConnection, ids));
    expect((empty as Error).message).toBe("connections.get: HTTP 200 OK: response body is empty, not JSON");
    expect(empty).not.toHaveProperty("cause");
    const cut = await caught(core(server).invoke(getConnection, ids));
    expect((cut as Error).cause).toEqual(new SyntaxError("invalid JSON at position 6"));
  });

  it("resolves an empty operation to undefined, whatever the body", async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(204).end();
      else send(res, { status: 200, body: { ignored: true } });
    });
    await expect(core(server).invoke(deleteCompany, { companyId: "c1" })).resolves.toBeUndefined();
    await expect(core(server).invoke(deleteCompany, { companyId: "c1" })).resolves.toBeUndefined();
    expect(server.received.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });

  it("never puts a credential the server echoes into the message", async () => {
    const token = "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0";
    const server = await serve((req, res, index) =>
      index === 0
        ? send(res, { status: 401, body: { error: `invalid token ${req.headers.authorization}` } })
        : send(res, { status: 400, body: `bad request from ${req.headers.authorization}; key ${req.headers["x-api-key"]}` }),
    );
    const sdk = core(server, { security: { authHeader: token } });
    const documented = await caught(sdk.invoke(getConnection, ids));
    expect(documented).toBeInstanceOf(ErrorMessage);
    const undocumented = await caught(sdk.invoke(getConnection, ids, { headers: { "X-Api-Key": "per-call-key-42" } }));
    expect(undocumented).toBeInstanceOf(SDKError);
    for (const error of [documented, undocumented] as Error[]) {
      for (const text of [error.message, String(error), error.stack ?? ""]) {
        expect(text).not.toContain("eyJhbGciOiJIUzI1NiJ9");
        expect(text).not.toContain("per-call-key-42");
      }
      expect(error.message).toContain("[REDACTED]");
    }
  });
});
