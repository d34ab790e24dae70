/**
 * The fixture SDK (auth-schemes.yaml) against Prism with its security checks on: each
 * operation succeeds with the credentials its requirements ask for, and Prism answers
 * 401 when a required scheme is missing. Token requests go to a local token server.
 */
import { startMockServer, type MockServer } from "@x/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../../vitest.shared.js";
import { typecheck } from "../helpers.js";
import { CLIENT_ID, CLIENT_SECRET, fixtureFiles, importFixtureSdk, SPEC, startTokenServer, type TokenServer } from "./support.js";

const OPERATIONS = ["basicOnly", "bearerDefault", "headerKey", "queryKey", "cookieKey", "oauthScoped", "headerAndQuery", "basicOrHeader", "bearerOrAnonymous", "public"] as const;
const EVERYTHING = {
  basicAuth: { username: "ada", password: "pa55word-basic" },
  bearerAuth: "bearer-token-value",
  headerKey: "header-key-value",
  queryKey: "query-key-value",
  cookieKey: "cookie-key-value",
  clientCredentials: { clientID: CLIENT_ID, clientSecret: CLIENT_SECRET },
};

let prism: MockServer;
let tokens: TokenServer;
let sdk: Record<string, any>;
/** Every request the client sent to Prism, as `path headers`. */
let sent: Request[];

beforeAll(async () => {
  [prism, tokens, sdk] = await Promise.all([startMockServer(SPEC), startTokenServer(), importFixtureSdk()]);
}, needs(5_000));
afterAll(async () => {
  await Promise.all([prism?.close(), tokens?.close()]);
});

/** A client on Prism whose token requests (the relative tokenUrl resolved against Prism's URL) go to the token server. */
function client(security?: unknown) {
  sent = [];
  return new sdk.FxAuth({
    ...(security === undefined ? {} : { security }),
    serverURL: prism.url,
    retryConfig: { strategy: "none" },
    fetch: (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === "/oauth/token") return fetch(new Request(`${tokens.url}${url.pathname}`, request));
      sent.push(request.clone());
      return fetch(request);
    },
  });
}

describe("with every credential", () => {
  it.each(OPERATIONS)("%s succeeds", async (op) => {
    await expect(client(EVERYTHING).checks[op]()).resolves.toEqual({ ok: true });
  });

  it("sends only the chosen requirement's credentials", async () => {
    const c = client(EVERYTHING);
    await c.checks.basicOrHeader();
    expect(sent[0]!.headers.get("authorization")).toBe(`Basic ${Buffer.from("ada:pa55word-basic").toString("base64")}`);
    expect(sent[0]!.headers.get("x-api-key")).toBeNull();
    await c.checks.cookieKey();
    expect(sent[1]!.headers.get("cookie")).toBe("session_id=cookie-key-value");
    expect(sent[1]!.headers.get("authorization")).toBeNull();
    await c.checks.public();
    expect([...sent[2]!.headers.keys()].filter((h) => /auth|key|cookie/.test(h))).toEqual([]);
    expect(tokens.issued.at(-1)?.scope).toBe("read write");
  });
});

describe("with no credentials", () => {
  const open = new Set(["bearerOrAnonymous", "public"]);
  it.each(OPERATIONS)("%s: Prism answers 401 unless the operation allows anonymous calls", async (op) => {
    const call = client().checks[op]();
    if (open.has(op)) await expect(call).resolves.toEqual({ ok: true });
    else await expect(call).rejects.toMatchObject({ name: "SDKError", status: 401 });
  });
});

describe("requirements", () => {
  it("AND: one of two schemes is not enough, both are", async () => {
    await expect(client({ headerKey: "h" }).checks.headerAndQuery()).rejects.toMatchObject({ status: 401 });
    await expect(client({ headerKey: "h", queryKey: "q" }).checks.headerAndQuery()).resolves.toEqual({ ok: true });
    expect(new URL(sent[0]!.url).searchParams.get("api_key")).toBe("q");
  });

  it("OR: the second alternative when the first has no credential", async () => {
    await expect(client({ headerKey: "h" }).checks.basicOrHeader()).resolves.toEqual({ ok: true });
    expect(sent[0]!.headers.get("x-api-key")).toBe("h");
  });

  it("{}: a bearer token is sent when there is one", async () => {
    await expect(client({ bearerAuth: "t" }).checks.bearerOrAnonymous()).resolves.toEqual({ ok: true });
    expect(sent[0]!.headers.get("authorization")).toBe("Bearer t");
  });
});

describe("the forms of security", () => {
  it.each([
    ["a whole-object async provider", { client: async () => ({ bearerAuth: "t1" }) }],
    ["a field-level async provider", { client: { bearerAuth: async () => "t2" } }],
    ["a per-call object over no client security", { call: { bearerAuth: "t3" } }],
    ["a per-call provider replacing the client's", { client: { headerKey: "h" }, call: () => ({ bearerAuth: "t4" }) }],
  ] as [string, { client?: unknown; call?: unknown }][])("%s", async (_, { client: security, call }) => {
    await expect(client(security).checks.bearerDefault({}, call === undefined ? undefined : { security: call })).resolves.toEqual({ ok: true });
    expect(sent[0]!.headers.get("authorization")).toMatch(/^Bearer t\d$/);
    expect(sent[0]!.headers.get("x-api-key")).toBeNull();
  });
});

it("types each field by its scheme", async () => {
  const consumer = `
import { FxAuth, type Security } from "./generated/index.js";
const full: Security = {
  basicAuth: { username: "u", password: "p" },
  bearerAuth: async () => "t",
  headerKey: "k",
  clientCredentials: { clientID: "id", clientSecret: "s" },
};
const none: Security = {};
// @ts-expect-error basic takes a username and a password
const badBasic: Security = { basicAuth: "u:p" };
// @ts-expect-error client credentials take an id and a secret
const badOauth: Security = { clientCredentials: "token" };
const c = new FxAuth({ security: full });
void c.checks.public({}, { security: { bearerAuth: "t" } });
// @ts-expect-error per-call security has the client's shape
void c.checks.public({}, { security: { nope: "x" } });
void none; void badBasic; void badOauth;
`;
  expect(await typecheck(await fixtureFiles(), { "consumer.ts": consumer })).toEqual([]);
}, needs(4_000));
