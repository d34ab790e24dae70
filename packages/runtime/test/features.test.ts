/**
 * Features (features.ts): SDKCoreBase has only those its definition brings, and says which
 * one is missing before sending anything; SDKCore has them all, whatever the definition says.
 */
import { describe, expect, it } from "vitest";
import { SDKCore, SDKCoreBase } from "../src/core.js";
import { basicAuth, clientCredentials, cookieApiKey, cookieParameters, formBody, headerParameters, queryApiKey, queryParameters, serverVariables, type RuntimeFeatures } from "../src/features.js";
import type { SDKDefinition } from "../src/definition.js";
import type { OperationSpec } from "../src/operation.js";
import { caught, serve } from "./support/core.js";
import { send } from "./support/server.js";

const base: SDKDefinition = {
  sdkName: "Things",
  servers: [{ url: "https://api.example.com" }],
  securitySchemes: [
    { field: "basic", type: "http", scheme: "basic" },
    { field: "cc", type: "oauth2", tokenUrl: "/token" },
  ],
};

const everything: OperationSpec = {
  operationId: "put-thing",
  methodPath: "things.put",
  method: "put",
  path: "/things/{id}",
  parameters: [
    { field: "id", name: "id", in: "path", required: true },
    { field: "q", name: "q", in: "query", required: false },
    { field: "h", name: "X-H", in: "header", required: false },
    { field: "c", name: "c", in: "cookie", required: false },
  ],
  body: { field: "requestBody", required: true, mediaType: "application/x-www-form-urlencoded", encoding: "form" },
  response: "empty",
  errors: {},
};

const fields = { id: "t1", q: ["a", "b"], h: "hv", c: "cv", requestBody: { k: "v w" } };

async function echo() {
  const seen: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server = await serve((req, res) => {
    if (req.url === "/token") return send(res, { status: 200, body: { access_token: "tok", token_type: "bearer", expires_in: 3600 } });
    seen.push({ url: req.url, headers: req.headers, body: req.body });
    send(res, { status: 204 });
  });
  return { server, seen };
}

describe("SDKCoreBase: only the features its definition brings", () => {
  it.each<{ at: string; features: RuntimeFeatures; call: { fields?: object; security: object }; want: RegExp }>([
    { at: "query parameter", features: { formBody }, call: { fields: { id: "t1", q: "a", requestBody: {} }, security: {} }, want: /things\.put: the query parameter "q" needs the runtime's `queryParameters` feature/ },
    { at: "header parameter", features: { formBody, queryParameters }, call: { fields: { id: "t1", h: "x", requestBody: {} }, security: {} }, want: /the header parameter "X-H" needs the runtime's `headerParameters` feature/ },
    { at: "cookie parameter", features: { formBody, queryParameters }, call: { fields: { id: "t1", c: "x", requestBody: {} }, security: {} }, want: /the cookie parameter "c" needs the runtime's `cookieParameters` feature/ },
    { at: "form body", features: {}, call: { fields: { id: "t1", requestBody: {} }, security: {} }, want: /things\.put: a form body needs the runtime's `formBody` feature/ },
    { at: "HTTP basic", features: { formBody }, call: { fields: { id: "t1", requestBody: {} }, security: { basic: { username: "u", password: "p4ss" } } }, want: /security\.basic needs the runtime's `basicAuth` feature/ },
    { at: "OAuth2 client credentials", features: { formBody }, call: { fields: { id: "t1", requestBody: {} }, security: { cc: { clientID: "id", clientSecret: "s3cret" } } }, want: /security\.cc needs the runtime's `clientCredentials` feature/ },
  ])("a missing $at feature is named, and nothing is sent", async ({ features, call, want }) => {
    const { server, seen } = await echo();
    const core = new SDKCoreBase({ ...base, features }, { serverURL: server.url, security: call.security, retryConfig: { strategy: "none" } });
    const error = await caught(core.invoke(everything, call.fields));
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(want);
    expect(String((error as Error).message)).toMatch(/regenerate the SDK/);
    expect(String((error as Error).message)).not.toMatch(/p4ss|s3cret/);
    expect(seen).toEqual([]);
  });

  const all: RuntimeFeatures = { basicAuth, clientCredentials, queryParameters, headerParameters, cookieParameters, formBody };
  it.each([
    { at: "SDKCoreBase given the features it needs", make: (url: string, security: object) => new SDKCoreBase({ ...base, features: all }, { serverURL: url, security }) },
    { at: "SDKCore, with no features listed (SDKs generated for runtime 1.2)", make: (url: string, security: object) => new SDKCore(base, { serverURL: url, security }) },
  ])("$at sends every construct", async ({ make }) => {
    const { server, seen } = await echo();
    await make(server.url, { basic: { username: "u", password: "p" } }).invoke(everything, fields);
    await make(server.url, { cc: { clientID: "id", clientSecret: "s" } }).invoke(everything, fields);
    expect(seen.map((s) => s.url)).toEqual(["/things/t1?q=a&q=b", "/things/t1?q=a&q=b"]);
    expect(seen.map((s) => s.headers.authorization)).toEqual([`Basic ${btoa("u:p")}`, "Bearer tok"]);
    expect(seen[0]).toMatchObject({ headers: { "x-h": "hv", cookie: "c=cv" }, body: "k=v+w" });
  });

  describe("servers with {variables}", () => {
    const regional: SDKDefinition = { ...base, servers: [{ url: "https://{region}.api.example.com", variables: { region: { default: "eu", enum: ["eu", "us"] } } }] };
    const regionalOp: OperationSpec = { operationId: "get", methodPath: "things.get", method: "get", path: "/x", parameters: [], response: "empty", errors: {}, servers: regional.servers };

    it("without the serverVariables feature, a client on such a server fails at construction, naming the feature", () => {
      expect(() => new SDKCoreBase(regional, {})).toThrow(/^Things: server 0 of the spec \(https:\/\/\{region\}\.api\.example\.com\), with \{variables\}, needs the runtime's `serverVariables` feature.*regenerate the SDK$/);
      // A client on a plain server constructs; an operation with a server of its own, with variables, still needs the feature.
      const core = new SDKCoreBase(base, {});
      return expect(core.invoke(regionalOp, {})).rejects.toThrow(/^things\.get: the operation's server .*needs the runtime's `serverVariables` feature/);
    });

    it("without it, serverVariables must still be an object", () => {
      expect(() => new SDKCoreBase(base, { serverVariables: "eu" as never })).toThrow("Things: serverVariables must be an object of strings");
      expect(new SDKCoreBase(base, { serverVariables: {} })).toBeInstanceOf(SDKCoreBase);
    });

    it("with it, the variables are filled and checked", () => {
      expect(() => new SDKCoreBase({ ...regional, features: { serverVariables } }, { serverVariables: { region: "asia" } })).toThrow('Things: serverVariables.region must be one of "eu", "us" (server 0 of the spec)');
      expect(new SDKCoreBase({ ...regional, features: { serverVariables } }, { serverVariables: { region: "us" } })).toBeInstanceOf(SDKCoreBase);
    });
  });

  describe("apiKeys in the query or a cookie", () => {
    const keyed: SDKDefinition = {
      ...base,
      securitySchemes: [
        { field: "q", type: "apiKey", in: "query", name: "api_key" },
        { field: "c", type: "apiKey", in: "cookie", name: "session" },
      ],
      security: [{ q: [], c: [] }],
    };
    const get: OperationSpec = { operationId: "get", methodPath: "things.get", method: "get", path: "/x", parameters: [], response: "empty", errors: {} };

    it.each([
      { feature: "queryApiKey", features: { cookieApiKey }, field: "q", where: "query" },
      { feature: "cookieApiKey", features: { queryApiKey }, field: "c", where: "cookie" },
    ])("without $feature, the client fails at construction, naming it", ({ feature, features, field, where }) => {
      expect(() => new SDKCoreBase({ ...keyed, features }, {})).toThrow(`Things: security.${field} (an apiKey in the ${where}) needs the runtime's \`${feature}\` feature; regenerate the SDK`);
    });

    it("with both, each credential goes where its scheme says", async () => {
      const { server, seen } = await echo();
      await new SDKCoreBase({ ...keyed, features: { queryApiKey, cookieApiKey } }, { serverURL: server.url, security: { q: "qk3y", c: "ck3y" } }).invoke(get, {});
      expect(seen.map((s) => [s.url, s.headers.cookie])).toEqual([["/x?api_key=qk3y", "session=ck3y"]]);
    });
  });
});
