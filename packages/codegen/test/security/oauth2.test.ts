/**
 * OAuth2 client credentials end to end: the fixture SDK against a local token server of
 * this test's own, which also serves the `/oauth` operation and accepts only tokens it
 * issued, unexpired and not revoked.
 */
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { needs } from "../../../../vitest.shared.js";
import { OAuth2TokenError, SDKError } from "../../../runtime/src/index.js";
import { CLIENT_ID, CLIENT_SECRET, importFixtureSdk, startTokenServer, type TokenServer } from "./support.js";

let tokens: TokenServer;
let sdk: Record<string, any>;
let logLines: string[];

beforeAll(async () => {
  [tokens, sdk] = await Promise.all([startTokenServer(), importFixtureSdk()]);
}, needs(3_000));
afterAll(() => tokens?.close());
afterEach(() => {
  tokens.issued.length = 0;
  tokens.apiCalls.length = 0;
  tokens.revoked.clear();
  Object.assign(tokens, { mode: "ok", expiresIn: 3600, delayMs: 30, refuseAll: false });
});

function client(serverURL = tokens.url, clientSecret = CLIENT_SECRET) {
  logLines = [];
  return new sdk.FxAuth({
    security: { clientCredentials: { clientID: CLIENT_ID, clientSecret } },
    serverURL,
    retryConfig: { strategy: "none" },
    debugLogger: { debug: (line: string) => logLines.push(line) },
  });
}

/** Nothing the SDK shows (the error, its JSON, its inspection, the log) holds the secret or a token. */
function expectNoSecret(error?: unknown): void {
  const shown = [...logLines, ...(error === undefined ? [] : [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })])].join("\n");
  for (const secret of [CLIENT_SECRET, ...tokens.issued.map((t) => t.token)]) expect(shown).not.toContain(secret);
}

it("fetches one token, with the operation's scopes, and reuses it", async () => {
  const c = client();
  for (let i = 0; i < 3; i++) await expect(c.checks.oauthScoped()).resolves.toEqual({ ok: true });
  expect(tokens.issued.map((t) => t.scope)).toEqual(["read write"]);
  expect(new Set(tokens.apiCalls)).toEqual(new Set([tokens.issued[0]!.token]));
  expectNoSecret();
});

it("shares one token request between concurrent calls", async () => {
  tokens.delayMs = 200;
  const c = client();
  await expect(Promise.all(Array.from({ length: 20 }, () => c.checks.oauthScoped()))).resolves.toHaveLength(20);
  expect(tokens.issued).toHaveLength(1);
  expect(tokens.apiCalls).toHaveLength(20);
});

it("fetches a new token once the old one is due for refresh", async () => {
  tokens.expiresIn = 2; // refreshed at half its lifetime, 1 s after receipt (SHORT_TOKEN_REFRESH_RATIO)
  const c = client();
  await c.checks.oauthScoped();
  const receivedBy = Date.now();
  await c.checks.oauthScoped();
  // Reused when the second call started well within the token's first second, as observed here.
  if (Date.now() - tokens.issued[0]!.atMs < 1000) expect(tokens.issued).toHaveLength(1);
  await new Promise((r) => setTimeout(r, Math.max(0, receivedBy + 1000 - Date.now()) + 50));
  await c.checks.oauthScoped();
  expect(tokens.issued.length).toBeGreaterThanOrEqual(2);
  expect(tokens.issued.at(-1)!.atMs).toBeGreaterThanOrEqual(tokens.issued[0]!.atMs + 1000);
  expect(tokens.apiCalls.at(-1)).toBe(tokens.issued.at(-1)!.token);
});

it("on a 401, refreshes the token once and retries the call once", async () => {
  const c = client();
  await c.checks.oauthScoped();
  tokens.revoked.add(tokens.issued[0]!.token);
  await expect(c.checks.oauthScoped()).resolves.toEqual({ ok: true });
  expect(tokens.issued).toHaveLength(2);
  expect(tokens.apiCalls).toEqual([tokens.issued[0]!.token, tokens.issued[0]!.token, tokens.issued[1]!.token]);
  expect(logLines.some((l) => l.includes("HTTP 401: credentials renewed, retrying once"))).toBe(true);
  expectNoSecret();
});

it("a second 401 after the refresh is the call's error, with no further token request", async () => {
  const c = client();
  await c.checks.oauthScoped();
  tokens.refuseAll = true;
  const error = await c.checks.oauthScoped().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SDKError);
  expect(error).toMatchObject({ status: 401, attempts: 2 });
  expect(tokens.issued).toHaveLength(2);
  expectNoSecret(error);
});

it.each([
  ["a non-2xx", "500", 500, /HTTP 500 \(server_error\)/],
  ["a body that is not JSON", "not-json", 200, /not JSON/],
  ["no access_token", "no-token", 200, /without an access_token/],
] as const)("%s from the token endpoint is an OAuth2TokenError", async (_, mode, status, message) => {
  tokens.mode = mode;
  const error = await client().checks.oauthScoped().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OAuth2TokenError);
  expect(error).toMatchObject({ name: "OAuth2TokenError", status, tokenUrl: `${tokens.url}/oauth/token` });
  expect((error as Error).message).toMatch(message);
  expect(tokens.apiCalls).toEqual([]);
  expectNoSecret(error);
});

it("a wrong client secret is an OAuth2TokenError naming invalid_client, not the secret", async () => {
  const error = await client(tokens.url, "wrong-s3cret-value").checks.oauthScoped().catch((e: unknown) => e);
  expect(error).toMatchObject({ name: "OAuth2TokenError", status: 401, error: "invalid_client" });
  expect(JSON.stringify(error) + inspect(error, { depth: 10 })).not.toContain("wrong-s3cret-value");
});

it("an unreachable token endpoint is an OAuth2TokenError without a status", async () => {
  const closed = await startTokenServer();
  await closed.close();
  const error = await client(closed.url).checks.oauthScoped().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OAuth2TokenError);
  expect((error as OAuth2TokenError).status).toBeUndefined();
  expectNoSecret(error);
});
