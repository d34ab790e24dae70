import { describe, expect, it } from "vitest";
import { applySecurity, resolveSecurity, sensitiveHeaderValues } from "../src/auth.js";
import { SDKValidationError } from "../src/errors.js";
import { definition } from "./support/fixtures.js";

const schemes = definition.securitySchemes;

describe("applySecurity", () => {
  const cases: { name: string; given: unknown; want: { headers: Record<string, string>; query: Record<string, string>; secrets: string[] } }[] = [
    { name: "nothing", given: undefined, want: { headers: {}, query: {}, secrets: [] } },
    { name: "null", given: null, want: { headers: {}, query: {}, secrets: [] } },
    { name: "a header scheme", given: { authHeader: "Basic abc" }, want: { headers: { Authorization: "Basic abc" }, query: {}, secrets: ["Basic abc"] } },
    { name: "a query scheme", given: { apiKey: "k1" }, want: { headers: {}, query: { api_key: "k1" }, secrets: ["k1"] } },
    { name: "both", given: { authHeader: "B", apiKey: "k" }, want: { headers: { Authorization: "B" }, query: { api_key: "k" }, secrets: ["B", "k"] } },
    { name: "empty and undefined values send nothing", given: { authHeader: "", apiKey: undefined }, want: { headers: {}, query: {}, secrets: [] } },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(applySecurity(schemes, given, "Test")).toEqual(want);
  });

  const rejects: { name: string; given: unknown; want: string }[] = [
    { name: "a non-string value", given: { authHeader: 42 }, want: "Test: security.authHeader must be a string" },
    { name: "a value with a newline", given: { authHeader: "Basic top\nsecret" }, want: "Test: security.authHeader is not a valid HTTP header value" },
    { name: "a string", given: "Basic abc", want: "Test: security must be an object like { authHeader, apiKey }" },
    { name: "an unknown field", given: { bearer: "x" }, want: 'Test: unknown security field "bearer"; expected: authHeader, apiKey' },
  ];
  it.each(rejects)("rejects $name without quoting it", ({ given, want }) => {
    const run = () => applySecurity(schemes, given, "Test");
    expect(run).toThrow(SDKValidationError);
    expect(run).toThrow(want);
    expect(run).not.toThrow(/secret|Basic abc/);
  });
});

describe("resolveSecurity", () => {
  it("passes an object through and calls sync and async functions", async () => {
    const security = { authHeader: "a" };
    await expect(resolveSecurity(security)).resolves.toBe(security);
    await expect(resolveSecurity(() => security)).resolves.toBe(security);
    await expect(resolveSecurity(async () => security)).resolves.toBe(security);
    await expect(resolveSecurity(undefined)).resolves.toBeUndefined();
  });
});

describe("sensitiveHeaderValues", () => {
  it("picks the values of credential-like headers only", () => {
    const given = { Authorization: "a", "X-API-Key": "b", Cookie: "c", "X-Auth-Token": "d", "X-Request-Id": "e", Accept: "f" };
    expect(sensitiveHeaderValues(given)).toEqual(["a", "b", "c", "d"]);
    expect(sensitiveHeaderValues(undefined)).toEqual([]);
  });
});
