import { describe, expect, it } from "vitest";
import { applySecurity as applyNow, resolveSecurity, sensitiveHeaderValues, TokenCache, type SecurityContext } from "../../src/auth/index.js";
import { SDKValidationError } from "../../src/errors.js";
import type { SecuritySchemeSpec } from "../../src/operation.js";
import { ALL_FEATURES } from "../../src/features.js";
import { definition } from "../support/fixtures.js";

/** applySecurity as a promise, whether it settled synchronously or not. */
const applySecurity = (ctx: SecurityContext, security: unknown) => Promise.resolve().then(() => applyNow(ctx, security));

function context(schemes: readonly SecuritySchemeSpec[], requirements?: SecurityContext["requirements"], fetch = tokenServer("tok-1")): SecurityContext {
  return { schemes, requirements, serverURL: "https://api.example.com/v1", features: ALL_FEATURES, tokens: new TokenCache(), tokenFetch: { fetch, timeoutMs: 1000, context: "Test" } };
}

function tokenServer(token: string, seen: string[] = []): (request: Request) => Promise<Response> {
  return async (request) => {
    seen.push(`${request.url} ${await request.text()}`);
    return Response.json({ access_token: token, expires_in: 3600 });
  };
}

const ALL: SecuritySchemeSpec[] = [
  { field: "basic", type: "http", scheme: "basic" },
  { field: "bearer", type: "http", scheme: "bearer" },
  { field: "header", type: "apiKey", in: "header", name: "X-API-Key" },
  { field: "query", type: "apiKey", in: "query", name: "api_key" },
  { field: "cookie", type: "apiKey", in: "cookie", name: "session" },
  { field: "cc", type: "oauth2", tokenUrl: "/oauth/token" },
  { field: "oidc", type: "openIdConnect" },
];

describe("applySecurity (apiKey, as before)", () => {
  const schemes = definition.securitySchemes;
  const cases: { name: string; given: unknown; want: { headers: Record<string, string>; query: Record<string, string>; secrets: string[] } }[] = [
    { name: "nothing", given: undefined, want: { headers: {}, query: {}, secrets: [] } },
    { name: "null", given: null, want: { headers: {}, query: {}, secrets: [] } },
    { name: "a header scheme", given: { authHeader: "Basic abc" }, want: { headers: { Authorization: "Basic abc" }, query: {}, secrets: ["Basic abc"] } },
    { name: "a query scheme", given: { apiKey: "k1" }, want: { headers: {}, query: { api_key: "k1" }, secrets: ["k1"] } },
    { name: "both", given: { authHeader: "B", apiKey: "k" }, want: { headers: { Authorization: "B" }, query: { api_key: "k" }, secrets: ["B", "k"] } },
    { name: "empty and undefined values send nothing", given: { authHeader: "", apiKey: undefined }, want: { headers: {}, query: {}, secrets: [] } },
    { name: "a field-level provider", given: { apiKey: async () => "k2" }, want: { headers: {}, query: { api_key: "k2" }, secrets: ["k2"] } },
  ];
  it.each(cases)("$name", async ({ given, want }) => {
    await expect(applySecurity(context(schemes), given)).resolves.toMatchObject(want);
  });

  const rejects: { name: string; given: unknown; want: string }[] = [
    { name: "a non-string value", given: { authHeader: 42 }, want: "Test: security.authHeader must be a string" },
    { name: "a value with a newline", given: { authHeader: "Basic top\nsecret" }, want: "Test: security.authHeader is not a valid HTTP header value" },
    { name: "a string", given: "Basic abc", want: "Test: security must be an object like { authHeader, apiKey }" },
    { name: "an unknown field", given: { bearer: "x" }, want: "Test: security.bearer is unknown; expected: authHeader, apiKey" },
  ];
  it.each(rejects)("rejects $name without quoting it", async ({ given, want }) => {
    const run = applySecurity(context(schemes), given);
    await expect(run).rejects.toThrow(SDKValidationError);
    await expect(applySecurity(context(schemes), given)).rejects.toThrow(want);
    await expect(applySecurity(context(schemes), given)).rejects.not.toThrow(/secret|Basic abc/);
  });

  it("names the field an API without security schemes does not take", async () => {
    await expect(applySecurity(context([]), { token: "t0p-secret" })).rejects.toThrow(new SDKValidationError("Test: security.token is unknown; expected: none", "security.token"));
  });
});

describe("applySecurity (every kind)", () => {
  const cases: { name: string; given: Record<string, unknown>; requirements?: SecurityContext["requirements"]; headers?: Record<string, string>; query?: Record<string, string>; cookies?: Record<string, string> }[] = [
    { name: "basic", given: { basic: { username: "u", password: "p" } }, headers: { Authorization: "Basic dTpw" } },
    { name: "bearer string", given: { bearer: "t1" }, headers: { Authorization: "Bearer t1" } },
    { name: "bearer provider", given: { bearer: async () => "t2" }, headers: { Authorization: "Bearer t2" } },
    { name: "apiKey header", given: { header: "h" }, headers: { "X-API-Key": "h" } },
    { name: "apiKey query", given: { query: "q" }, query: { api_key: "q" } },
    { name: "apiKey cookie", given: { cookie: "c" }, cookies: { session: "c" } },
    { name: "openIdConnect token", given: { oidc: () => "o" }, headers: { Authorization: "Bearer o" } },
    { name: "oauth2 token given directly", given: { cc: "direct" }, headers: { Authorization: "Bearer direct" } },
    { name: "oauth2 client credentials", given: { cc: { clientID: "id", clientSecret: "s3cret" } }, headers: { Authorization: "Bearer tok-1" } },
    { name: "requirements: first satisfiable", given: { bearer: "t", header: "h" }, requirements: [{ basic: [] }, { header: [] }, { bearer: [] }], headers: { "X-API-Key": "h" } },
    { name: "requirements: AND", given: { header: "h", query: "q", bearer: "t" }, requirements: [{ header: [], query: [] }], headers: { "X-API-Key": "h" }, query: { api_key: "q" } },
    { name: "requirements: {} sends none", given: { basic: { username: "u", password: "p" } }, requirements: [{ bearer: [] }, {}], headers: {} },
    { name: "requirements: none satisfiable, what is there", given: { header: "h" }, requirements: [{ header: [], query: [] }], headers: { "X-API-Key": "h" } },
    { name: "requirements: [] sends none", given: { bearer: "t" }, requirements: [], headers: {} },
  ];
  it.each(cases)("$name", async ({ given, requirements, headers = {}, query = {}, cookies = {} }) => {
    await expect(applySecurity(context(ALL, requirements), given)).resolves.toMatchObject({ headers, query, cookies });
  });

  it("asks for the requirement's scopes at the tokenUrl resolved against the server URL, and keeps the secret in secrets", async () => {
    const seen: string[] = [];
    const applied = await applySecurity(context(ALL, [{ cc: ["read", "write"] }], tokenServer("tok-9", seen)), { cc: { clientID: "id", clientSecret: "s3cret" } });
    expect(seen).toEqual(["https://api.example.com/oauth/token grant_type=client_credentials&scope=read+write"]);
    expect(applied.secrets).toEqual(expect.arrayContaining(["s3cret", "tok-9"]));
    expect(applied.cachedTokens).toEqual(["tok-9"]);
  });

  it("rejects a basic or client-credentials value of the wrong shape without quoting it", async () => {
    await expect(applySecurity(context(ALL), { basic: "u:p4ssword" })).rejects.toThrow("Test: security.basic must be { username: string; password: string }");
    await expect(applySecurity(context(ALL), { cc: { clientID: "id" } })).rejects.toThrow(/security\.cc must be \{ clientID/);
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
