import { describe, expect, it } from "vitest";
import { camelCase, pascalCase, propertyKey } from "../src/load/naming.js";
import { methodNameFor, readGlobalOverrides } from "../src/load/method-names.js";

describe("camelCase / pascalCase", () => {
  it.each([
    { given: "update-connection-authorization", camel: "updateConnectionAuthorization", pascal: "UpdateConnectionAuthorization" },
    { given: "auth_header", camel: "authHeader", pascal: "AuthHeader" },
    { given: "companyId", camel: "companyId", pascal: "CompanyId" },
    { given: "X-Trace-Id", camel: "xTraceId", pascal: "XTraceId" },
    { given: "HTTPServer", camel: "httpServer", pascal: "HttpServer" },
    { given: "Push data", camel: "pushData", pascal: "PushData" },
    { given: "2fa code", camel: "_2FaCode", pascal: "_2FaCode" },
  ])("$given", ({ given, camel, pascal }) => {
    expect(camelCase(given)).toBe(camel);
    expect(pascalCase(given)).toBe(pascal);
  });

  it.each([
    { given: "companyId", want: "companyId" },
    { given: "application/json", want: '"application/json"' },
  ])("propertyKey($given)", ({ given, want }) => expect(propertyKey(given)).toBe(want));
});

describe("methodNameFor", () => {
  const problems: string[] = [];
  const overrides = readGlobalOverrides(
    [
      { operationId: "^list-.*?", methodNameOverride: "list" },
      { operationId: "^list-.*?-attachments", methodNameOverride: "list-attachments" },
    ],
    problems,
  );

  it.each([
    { given: { id: "unlink-connection", own: undefined }, want: "unlinkConnection" },
    { given: { id: "unlink-connection", own: "unlink" }, want: "unlink" },
    { given: { id: "update-connection-authorization", own: "update-authorization" }, want: "updateAuthorization" },
    { given: { id: "list-connections", own: undefined }, want: "list" },
    { given: { id: "list-invoice-attachments", own: undefined }, want: "listAttachments" },
    { given: { id: "list-connections", own: "all" }, want: "all" },
  ])("$given.id with override $given.own → $want", ({ given, want }) => {
    expect(methodNameFor(given.id, given.own, overrides)).toBe(want);
    expect(problems).toEqual([]);
  });

  it("reports a malformed top-level override with its location", () => {
    const found: string[] = [];
    readGlobalOverrides([{ operationId: "(" , methodNameOverride: "x" }, { nope: true }], found);
    expect(found).toEqual([
      expect.stringMatching(/^#\/x-speakeasy-name-override\/0\/operationId: invalid pattern/),
      "#/x-speakeasy-name-override/1: needs string fields operationId and methodNameOverride",
    ]);
  });
});
