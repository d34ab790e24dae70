import { describe, expect, it } from "vitest";
import { SDKValidationError } from "../src/errors.js";
import { validateRequest, validateRequestOptions } from "../src/validate.js";
import { createCompany, deleteCompany, getConnection } from "./support/fixtures.js";
import type { OperationSpec } from "../src/operation.js";

const noInputs: OperationSpec = { ...deleteCompany, methodPath: "ping.get", path: "/ping", parameters: [] };

function thrown(run: () => unknown): SDKValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SDKValidationError);
    return error as SDKValidationError;
  }
  throw new Error("expected an SDKValidationError");
}

describe("validateRequest rejects", () => {
  const cases: { name: string; given: { op: OperationSpec; request: unknown }; want: { message: string; field?: string } }[] = [
    {
      name: "a missing path parameter",
      given: { op: getConnection, request: { companyId: "c1" } },
      want: { message: 'connections.get: path parameter "connectionId" is required', field: "connectionId" },
    },
    {
      name: "a null path parameter",
      given: { op: getConnection, request: { companyId: null, connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" is required', field: "companyId" },
    },
    {
      name: "a typo in a field name",
      given: { op: getConnection, request: { companyID: "c1", connectionId: "x" } },
      want: {
        message: 'connections.get: companyID is unknown; expected: companyId, connectionId, includeDeleted, traceId',
        field: "companyID",
      },
    },
    {
      name: "a field on an operation without inputs",
      given: { op: noInputs, request: { id: 1 } },
      want: { message: 'ping.get: id is unknown; expected: none', field: "id" },
    },
    {
      name: "a string instead of the request object",
      given: { op: getConnection, request: "c1" },
      want: { message: "connections.get: request must be an object like { companyId, connectionId, includeDeleted, traceId }, got string", field: "request" },
    },
    { name: "null", given: { op: noInputs, request: null }, want: { message: "ping.get: request must be an object, got null", field: "request" } },
    { name: "an array", given: { op: noInputs, request: [] }, want: { message: "ping.get: request must be an object, got array", field: "request" } },
    { name: "a class instance", given: { op: noInputs, request: new Date(0) }, want: { message: "ping.get: request must be an object, got Date", field: "request" } },
    {
      name: "an empty path parameter",
      given: { op: getConnection, request: { companyId: "", connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must not be empty', field: "companyId" },
    },
    {
      name: '"." as a path parameter',
      given: { op: getConnection, request: { companyId: "c", connectionId: "." } },
      want: { message: 'connections.get: path parameter "connectionId" must not be "." or ".."', field: "connectionId" },
    },
    {
      name: '".." as a path parameter',
      given: { op: getConnection, request: { companyId: "..", connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must not be "." or ".."', field: "companyId" },
    },
    {
      name: "a nested object as a path parameter (styles serialize one level)",
      given: { op: getConnection, request: { companyId: { id: { deeper: 1 } }, connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must be a string, finite number, boolean or Date, or an array or object of them, got object', field: "companyId" },
    },
    {
      name: "an empty array as a path parameter",
      given: { op: getConnection, request: { companyId: [], connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must not be empty', field: "companyId" },
    },
    {
      name: "an array serializing to a dot segment",
      given: { op: getConnection, request: { companyId: [".."], connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must not be "." or ".."', field: "companyId" },
    },
    {
      name: "NaN as a path parameter",
      given: { op: getConnection, request: { companyId: Number.NaN, connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must be a string, finite number, boolean or Date, or an array or object of them, got number', field: "companyId" },
    },
    {
      name: "an invalid Date as a path parameter (it has no ISO string)",
      given: { op: getConnection, request: { companyId: new Date(Number.NaN), connectionId: "x" } },
      want: { message: 'connections.get: path parameter "companyId" must be a string, finite number, boolean or Date, or an array or object of them, got Date', field: "companyId" },
    },
    {
      name: "a missing required body",
      given: { op: createCompany, request: {} },
      want: { message: 'companies.create: request body "companyRequestBody" is required', field: "companyRequestBody" },
    },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    const error = thrown(() => validateRequest(given.op, given.request));
    expect(error.message).toBe(want.message);
    expect(error.field).toBe(want.field);
    expect(error.name).toBe("SDKValidationError");
  });
});

describe("validateRequest accepts", () => {
  const cases: { name: string; given: { op: OperationSpec; request: unknown } }[] = [
    { name: "all required fields", given: { op: getConnection, request: { companyId: "c", connectionId: "x" } } },
    { name: "numbers in the path", given: { op: getConnection, request: { companyId: 0, connectionId: 12 } } },
    { name: "a boolean and a Date in the path", given: { op: getConnection, request: { companyId: true, connectionId: new Date(0) } } },
    { name: "dots inside a value", given: { op: getConnection, request: { companyId: "...", connectionId: "a.b" } } },
    { name: "optional fields left undefined", given: { op: getConnection, request: { companyId: "c", connectionId: "x", traceId: undefined } } },
    { name: "no request for an operation without inputs", given: { op: noInputs, request: undefined } },
    { name: "a null-prototype object", given: { op: noInputs, request: Object.create(null) as object } },
    { name: "a body", given: { op: createCompany, request: { companyRequestBody: { name: "x" } } } },
  ];
  it.each(cases)("$name", ({ given }) => {
    expect(validateRequest(given.op, given.request)).toEqual(given.request ?? {});
  });
});

describe("validateRequestOptions", () => {
  const rejects: { name: string; given: unknown; want: { message: string; field: string } }[] = [
    { name: "zero timeout", given: { timeoutMs: 0 }, want: { message: "x.get: options.timeoutMs must be a number of ms in (0, 2147483647]", field: "options.timeoutMs" } },
    { name: "negative timeout", given: { timeoutMs: -5 }, want: { message: "x.get: options.timeoutMs must be a number of ms in (0, 2147483647]", field: "options.timeoutMs" } },
    { name: "infinite timeout", given: { timeoutMs: Infinity }, want: { message: "x.get: options.timeoutMs must be a number of ms in (0, 2147483647]", field: "options.timeoutMs" } },
    { name: "string timeout", given: { timeoutMs: "100" }, want: { message: "x.get: options.timeoutMs must be a number of ms in (0, 2147483647]", field: "options.timeoutMs" } },
    { name: "headers not an object", given: { headers: "X-A: 1" }, want: { message: "x.get: options.headers must be an object of strings", field: "options.headers" } },
    { name: "a non-string header", given: { headers: { "X-A": 1 } }, want: { message: 'x.get: options.headers.X-A is not a valid HTTP header', field: "options.headers.X-A" } },
    { name: "a bad header name", given: { headers: { "X A": "1" } }, want: { message: 'x.get: options.headers.X A is not a valid HTTP header', field: "options.headers.X A" } },
    { name: "a signal that is not one", given: { signal: {} }, want: { message: "x.get: options.signal must be an AbortSignal", field: "options.signal" } },
    { name: "a security that is a string", given: { security: "Bearer x" }, want: { message: "x.get: options.security must be an object or a function returning one", field: "options.security" } },
    { name: "a typo", given: { timeout: 5 }, want: { message: 'x.get: options.timeout is unknown; expected: retries, timeoutMs, signal, headers, security, serverURL, contentType, accept, idleTimeoutMs, validateResponses', field: "options.timeout" } },
    { name: "not an object", given: 5, want: { message: "x.get: options must be an object, got number", field: "options" } },
  ];
  it.each(rejects)("rejects $name", ({ given, want }) => {
    const error = thrown(() => validateRequestOptions("x.get", given));
    expect({ message: error.message, field: error.field }).toEqual(want);
  });

  it("never quotes a header value, which may be a credential", () => {
    const error = thrown(() => validateRequestOptions("x.get", { headers: { Authorization: "Bearer s3cr3t\ntoken" } }));
    expect(error.message).not.toContain("s3cr3t");
  });

  it("accepts good options and none", () => {
    const options = { timeoutMs: 5, headers: { "X-A": "1" }, signal: new AbortController().signal, retries: { strategy: "none" as const } };
    expect(validateRequestOptions("x.get", options)).toBe(options);
    expect(validateRequestOptions("x.get", undefined)).toEqual({});
  });
});
