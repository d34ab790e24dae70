/** The stand-in for what Prism cannot serve: which operations need it, and what it checks and answers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFetch, standInReason, startStandIn, type StandInServer } from "../src/stand-in.js";

const document = {
  openapi: "3.0.3",
  info: { title: "Stand-in", version: "1" },
  components: {
    schemas: { Tags: { type: "array", items: { type: "string", enum: ["a", "b"] } } },
    responses: { Proxy: { description: "proxy", content: { "application/json": { example: { error: "auth" } } } } },
    securitySchemes: {
      basic: { type: "http", scheme: "basic" },
      oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example/token", scopes: {} } } },
      key: { type: "apiKey", in: "header", name: "X-Key" },
    },
  },
  paths: {
    "/plain/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
      get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object" }, example: { ok: true } } } } } },
    },
    "/things/{ids}/{filter}": {
      get: {
        parameters: [
          { name: "ids", in: "path", required: true, style: "matrix", schema: { type: "array", items: { type: "integer" } } },
          { name: "filter", in: "path", required: true, style: "label", explode: true, schema: { type: "object", properties: { k: { type: "string" } } } },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
    "/pairs/{a}/{obj}": {
      get: {
        parameters: [
          { name: "a", in: "path", required: true, style: "matrix", explode: true, schema: { type: "array", items: { type: "integer" } } },
          { name: "obj", in: "path", required: true, style: "matrix", explode: true, schema: { type: "object", additionalProperties: { type: "string" } } },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
    "/early": { get: { responses: { "103": { description: "early hints" } } } },
    "/both": { get: { security: [{ basic: [], oauth: [] }], responses: { "204": { description: "none" } } } },
    "/either": { get: { security: [{ basic: [], oauth: [] }, { key: [] }], responses: { "204": { description: "none" } } } },
    "/and-key": { get: { security: [{ basic: [], key: [] }], responses: { "204": { description: "none" } } } },
    "/silent": { get: {} },
    "/proxy": { get: { responses: { "407": { $ref: "#/components/responses/Proxy" } } } },
    "/headers": {
      get: {
        parameters: [
          { name: "X-Tags", in: "header", required: true, schema: { $ref: "#/components/schemas/Tags" } },
          { name: "X-Obj", in: "header", explode: true, schema: { type: "object", properties: { k: { type: "string" } } } },
        ],
        responses: { "204": { description: "none" } },
      },
    },
    "/delimited": {
      get: {
        parameters: [
          { name: "ids", in: "query", required: true, style: "pipeDelimited", schema: { type: "array", items: { type: "integer" } } },
          { name: "words", in: "query", style: "spaceDelimited", explode: true, schema: { type: "array", items: { type: "string" } } },
        ],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array" } } } } },
      },
    },
  },
};

describe("standInReason", () => {
  it.each([
    ["/plain/{id}", undefined],
    ["/early", "answers 103, which is never a final HTTP response"],
    ["/both", "every security alternative needs two credentials in the authorization header, which no request can carry"],
    ["/either", undefined],
    ["/and-key", undefined],
    ["/silent", "documents no response for Prism to answer"],
    ["/proxy", "answers 407, which Node's fetch rejects"],
    ["/headers", "header X-Tags has an array schema"],
    ["/delimited", "query ids is non-exploded pipeDelimited"],
    ["/things/{ids}/{filter}", "path ids has an array schema"],
  ])("%s: %s", (path, reason) => {
    expect(standInReason(document, path, "get")).toBe(reason);
  });
});

describe("the stand-in server", () => {
  let server: StandInServer;
  beforeAll(async () => {
    server = await startStandIn(document);
  });
  afterAll(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) => httpFetch(new Request(server.url + path, { headers }));
  const violations = (response: Response) => JSON.parse(response.headers.get("sl-violations") ?? "[]") as { location: string[]; message: string }[];

  it("listens on 127.0.0.1 and answers a valid request with the documented example", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await get("/plain/12");
    expect(response.status).toBe(200);
    expect(violations(response)).toEqual([]);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("reports a path value that does not fit its schema, as Prism does, with a 422", async () => {
    const response = await get("/plain/twelve");
    expect(response.status).toBe(422);
    expect(violations(response)).toEqual([{ location: ["request", "path", "id"], message: 'must be integer, got "twelve"' }]);
  });

  it("answers 407 with its body, which httpFetch hands over as a Response", async () => {
    const response = await get("/proxy");
    expect(response.status).toBe(407);
    expect(await response.json()).toEqual({ error: "auth" });
  });

  it("gives a 1xx-only operation, and one without responses, an empty final answer", async () => {
    expect((await get("/early")).status).toBe(204);
    expect((await get("/silent")).status).toBe(204);
  });

  it("checks header arrays and objects in simple style, and required headers", async () => {
    expect(violations(await get("/headers", { "X-Tags": "a,b", "X-Obj": "k=v" }))).toEqual([]);
    expect(violations(await get("/headers", { "X-Tags": "a,c" }))).toEqual([{ location: ["request", "header", "X-Tags"], message: "must be one of a, b" }]);
    expect(violations(await get("/headers", { "X-Tags": '["a"]' }))[0]?.message).toBe("must be in simple style, not JSON");
    expect(violations(await get("/headers", { "X-Tags": "a", "X-Obj": "k,v" }))[0]?.message).toBe("object must be key=value pairs in simple style");
    expect(violations(await get("/headers"))).toEqual([{ location: ["request", "header", "X-Tags"], message: "must have required header parameter 'X-Tags'" }]);
  });

  it("checks non-exploded delimited query values once, split on their delimiter", async () => {
    const ok = await get("/delimited?ids=1%7C2&words=x&words=y");
    expect(violations(ok)).toEqual([]);
    expect(await ok.json()).toEqual([]);
    expect(violations(await get("/delimited?ids=1,2"))[0]?.message).toBe('must be integer, got "1,2"');
    expect(violations(await get("/delimited?ids=1&ids=2"))[0]?.message).toBe("non-exploded pipeDelimited must appear once");
    expect(violations(await get("/delimited"))[0]?.message).toBe("must have required query parameter 'ids'");
  });

  it("checks path arrays and objects in their style", async () => {
    expect(violations(await get("/things/;ids=1,2/.k=v"))).toEqual([]);
    expect(violations(await get("/things/1,2/.k=v"))[0]?.message).toBe('must start with ";ids=" in matrix style');
    expect(violations(await get("/things/;ids=1,x/.k=v"))[0]?.message).toBe('must be integer, got "x"');
    expect(violations(await get("/things/;ids=1/.k,v"))[0]?.message).toBe("object must be key=value pairs in label style");
    expect(violations(await get("/pairs/;a=1;a=2/;k=v;k2=w"))).toEqual([]);
    expect(violations(await get("/pairs/;a=1;a=2/;k;v"))[0]?.message).toBe("object must be key=value pairs in matrix style");
  });

  it("answers 404 for a path no operation has", async () => {
    expect((await get("/nowhere")).status).toBe(404);
  });
});
