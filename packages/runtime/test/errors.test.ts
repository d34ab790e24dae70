import { describe, expect, it } from "vitest";
import {
  APIError,
  ConnectionError,
  RequestAbortedError,
  RequestTimeoutError,
  SDKBaseError,
  SDKError,
  SDKValidationError,
  type APIErrorInit,
} from "../src/errors.js";
import { ErrorMessage } from "./support/fixtures.js";

function init(status: number, bodyText: string, statusText = "Not Found"): APIErrorInit {
  const response = new Response(bodyText, { status, statusText, headers: { "X-Request-Id": "r1" } });
  let body: unknown = bodyText;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // not JSON: body stays the text
  }
  return { response, body, bodyText, methodPath: "connections.get", method: "GET", url: "http://api.test/companies/c1", attempts: 1 };
}

const target = { method: "GET", url: "http://api.test/companies/c1", attempts: 2 };

describe("APIError message", () => {
  const long = "x".repeat(500);
  const cases: { name: string; given: { init: APIErrorInit; detail?: unknown }; want: string }[] = [
    { name: "detail given", given: { init: init(404, "{}"), detail: "no such connection" }, want: "connections.get: HTTP 404 Not Found: no such connection" },
    { name: "body text by default", given: { init: init(404, "gone") }, want: "connections.get: HTTP 404 Not Found: gone" },
    { name: "empty body", given: { init: init(404, "") }, want: "connections.get: HTTP 404 Not Found" },
    { name: "no status text", given: { init: init(500, "boom", "") }, want: "connections.get: HTTP 500: boom" },
    { name: "whitespace collapsed", given: { init: init(404, "a\n\n  b") }, want: "connections.get: HTTP 404 Not Found: a b" },
    { name: "long bodies truncated", given: { init: init(404, long) }, want: `connections.get: HTTP 404 Not Found: ${"x".repeat(200)}…` },
    { name: "non-string detail ignored", given: { init: init(404, "text"), detail: 42 }, want: "connections.get: HTTP 404 Not Found: text" },
    { name: "blank detail ignored", given: { init: init(404, "text"), detail: "  " }, want: "connections.get: HTTP 404 Not Found: text" },
    { name: "attempts after the first", given: { init: { ...init(503, "busy", "Service Unavailable"), attempts: 4 } }, want: "connections.get: HTTP 503 Service Unavailable after 4 attempts: busy" },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(new APIError(given.init, given.detail as string).message).toBe(want);
  });
});

describe("APIError fields", () => {
  it("exposes status, headers, body, bodyText, rawResponse, methodPath, method, url and attempts", () => {
    const given = init(404, '{"error":"nope"}');
    const error = new APIError(given);
    expect(error).toMatchObject({ name: "APIError", status: 404, body: { error: "nope" }, bodyText: '{"error":"nope"}', methodPath: "connections.get", method: "GET", url: "http://api.test/companies/c1", attempts: 1 });
    expect(error.headers.get("x-request-id")).toBe("r1");
    expect(error.rawResponse).toBe(given.response);
    expect(error).toBeInstanceOf(SDKBaseError);
    expect(error).toBeInstanceOf(Error);
  });
});

describe("a generated subclass with ES2022 class fields", () => {
  it("keeps everything the base set, and its own fields", () => {
    const error = new ErrorMessage(init(404, '{"statusCode":404,"service":"svc","error":"Missing connection"}'));
    // Proves define semantics are in effect: an unassigned declared field is an own property.
    expect(Object.prototype.hasOwnProperty.call(error, "correlationId")).toBe(true);
    expect(error).toMatchObject({ name: "ErrorMessage", status: 404, statusCode: 404, service: "svc", error: "Missing connection", bodyText: '{"statusCode":404,"service":"svc","error":"Missing connection"}' });
    expect(error.message).toBe("connections.get: HTTP 404 Not Found: Missing connection");
    expect(error.headers.get("x-request-id")).toBe("r1");
    expect(error.data).toEqual({ statusCode: 404, service: "svc", error: "Missing connection" });
    expect(error).toBeInstanceOf(APIError);
    expect(String(error)).toBe("ErrorMessage: connections.get: HTTP 404 Not Found: Missing connection");
  });

  it("works the same when written as plain ES2022 JavaScript (what tsup emits)", () => {
    // Native class fields always use define semantics, whatever a transpiler does with TypeScript.
    const makeClass = new Function(
      "APIError",
      `return class Plain extends APIError {
        statusCode; service;
        constructor(init) { const data = init.body; super(init, data.service); this.name = "Plain"; this.statusCode = data.statusCode; }
      }`,
    ) as (base: typeof APIError) => new (init: APIErrorInit) => APIError & { statusCode?: number; service?: string };
    const Plain = makeClass(APIError);
    const error = new Plain(init(409, '{"statusCode":409}', "Conflict"));
    expect(error).toMatchObject({ name: "Plain", status: 409, statusCode: 409, service: undefined, methodPath: "connections.get" });
    expect(error.message).toBe('connections.get: HTTP 409 Conflict: {"statusCode":409}');
  });
});

describe("serialization", () => {
  it("JSON.stringify gives the data fields, not the Response or Headers", () => {
    const error = new SDKError(init(404, '{"error":"nope"}'));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "SDKError",
      message: 'connections.get: HTTP 404 Not Found: {"error":"nope"}',
      status: 404,
      body: { error: "nope" },
      bodyText: '{"error":"nope"}',
      methodPath: "connections.get",
      method: "GET",
      url: "http://api.test/companies/c1",
      attempts: 1,
    });
  });

  it("leaves a cause out of the JSON", () => {
    const error = new SDKError(init(200, "<html>"), "response body is not valid JSON", { cause: new SyntaxError("invalid JSON") });
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).toEqual(["name", "message", "status", "body", "bodyText", "methodPath", "method", "url", "attempts"]);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("keeps rawResponse and headers out of enumeration, but readable", () => {
    const error = new APIError(init(404, "x"));
    expect(Object.keys(error)).not.toContain("rawResponse");
    expect(Object.keys(error)).not.toContain("headers");
    expect(error.rawResponse.status).toBe(404);
    for (const key of ["rawResponse", "headers"]) {
      expect(Object.getOwnPropertyDescriptor(error, key)).toMatchObject({ enumerable: false, writable: false, configurable: true });
    }
  });

  it("serializes transport errors with their fields", () => {
    const error = new ConnectionError("m", { ...target, code: "ECONNRESET", cause: new Error("c") });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "ConnectionError", message: "m", ...target, code: "ECONNRESET" });
  });
});

describe("class names survive minification", () => {
  const cases = [
    { given: new SDKBaseError("m"), want: "SDKBaseError" },
    { given: new SDKError(init(500, "")), want: "SDKError" },
    { given: new SDKValidationError("m", "f"), want: "SDKValidationError" },
    { given: new ConnectionError("m", { ...target, cause: new Error("c") }), want: "ConnectionError" },
    { given: new RequestTimeoutError("m", { ...target, timeoutMs: 5 }), want: "RequestTimeoutError" },
    { given: new RequestAbortedError("m", target), want: "RequestAbortedError" },
  ];
  it.each(cases)("$want", ({ given, want }) => {
    expect(given.name).toBe(want);
    expect(given).toBeInstanceOf(SDKBaseError);
  });

  it("keeps the cause of a ConnectionError", () => {
    const cause = new Error("socket hang up");
    expect(new ConnectionError("m", { ...target, cause }).cause).toBe(cause);
  });
});
