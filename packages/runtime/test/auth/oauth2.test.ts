import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { fetchToken, refreshAfterMs, TOKEN_EXPIRY_MARGIN_MS, TokenCache, type TokenFetchOptions } from "../../src/auth/oauth2.js";
import { OAuth2TokenError } from "../../src/errors.js";

const SECRET = "cl1ent-s3cret-value";
const request = { tokenUrl: "https://auth.example.com/token?tenant=1", clientID: "id", clientSecret: SECRET, scopes: ["b", "a"] };

function options(respond: (request: Request) => Response | Promise<Response>, now?: () => number): TokenFetchOptions & { count: () => number } {
  let count = 0;
  return { fetch: async (r) => (count++, respond(r)), timeoutMs: 1000, context: "T", now, count: () => count };
}

describe("refreshAfterMs", () => {
  it.each([
    [3_600_000, 3_600_000 - TOKEN_EXPIRY_MARGIN_MS],
    [2 * TOKEN_EXPIRY_MARGIN_MS, TOKEN_EXPIRY_MARGIN_MS],
    [10_000, 5_000],
    [2_000, 1_000],
  ])("a token living %i ms is refreshed after %i ms", (lifetime, want) => expect(refreshAfterMs(lifetime)).toBe(want));
});

describe("fetchToken", () => {
  it("posts client_credentials with HTTP basic client authentication and the scopes", async () => {
    let seen: Request | undefined;
    const got = await fetchToken(request, options((r) => ((seen = r), Response.json({ access_token: "t", expires_in: 60 }))));
    expect(got).toEqual({ token: "t", lifetimeMs: 60_000 });
    expect(seen!.method).toBe("POST");
    expect(seen!.headers.get("authorization")).toBe(`Basic ${Buffer.from(`id:${SECRET}`).toString("base64")}`);
    expect(await seen!.text()).toBe("grant_type=client_credentials&scope=b+a");
  });

  const failures: { name: string; respond: () => Response | Promise<Response>; message: string; status?: number }[] = [
    { name: "a non-2xx", respond: () => Response.json({ error: "invalid_client", echo: SECRET }, { status: 401 }), message: "T: OAuth2 token request to https://auth.example.com/token: HTTP 401 (invalid_client)", status: 401 },
    { name: "a body that is not JSON", respond: () => new Response(`<html>${SECRET}</html>`), message: "HTTP 200 with a body that is not JSON", status: 200 },
    { name: "no access_token", respond: () => Response.json({ token_type: "bearer" }), message: "HTTP 200 without an access_token", status: 200 },
    { name: "a network error", respond: () => Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ECONNREFUSED ${SECRET}`), { code: "ECONNREFUSED" }) })), message: "no response" },
  ];
  it.each(failures)("$name is an OAuth2TokenError with the status and no secret", async ({ respond, message, status }) => {
    const error: unknown = await fetchToken(request, options(respond)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuth2TokenError);
    expect((error as OAuth2TokenError).message).toContain(message);
    expect((error as OAuth2TokenError).status).toBe(status);
    for (const shown of [JSON.stringify(error), inspect(error, { depth: 10 }), String((error as Error).stack)]) expect(shown).not.toContain(SECRET);
  });
});

describe("TokenCache", () => {
  it("reuses a token until its refresh time, then fetches a new one", async () => {
    let clock = 0;
    let issued = 0;
    const opts = options(() => Response.json({ access_token: `t${++issued}`, expires_in: 10 }), () => clock);
    const cache = new TokenCache();
    expect(await cache.get(request, opts)).toBe("t1");
    clock = 4_999;
    expect(await cache.get(request, opts)).toBe("t1");
    clock = 5_000;
    expect(await cache.get(request, opts)).toBe("t2");
    expect(opts.count()).toBe(2);
  });

  it("shares one fetch between concurrent callers, and forgets a failure", async () => {
    let fail = true;
    const opts = options(async () => (fail ? new Response("", { status: 500 }) : Response.json({ access_token: "ok" })));
    const cache = new TokenCache();
    const first = await Promise.allSettled([cache.get(request, opts), cache.get(request, opts), cache.get(request, opts)]);
    expect(first.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(opts.count()).toBe(1);
    fail = false;
    expect(await Promise.all([cache.get(request, opts), cache.get(request, opts)])).toEqual(["ok", "ok"]);
    expect(opts.count()).toBe(2);
  });

  it("invalidate drops only the token it names", async () => {
    let issued = 0;
    const opts = options(() => Response.json({ access_token: `t${++issued}` }));
    const cache = new TokenCache();
    expect(await cache.get(request, opts)).toBe("t1");
    expect(cache.invalidate("other")).toBe(false);
    expect(cache.invalidate("t1")).toBe(true);
    expect(await cache.get(request, opts)).toBe("t2");
  });

  it("keys tokens by client and scopes", async () => {
    let issued = 0;
    const opts = options(() => Response.json({ access_token: `t${++issued}` }));
    const cache = new TokenCache();
    expect(await cache.get(request, opts)).toBe("t1");
    expect(await cache.get({ ...request, scopes: ["a", "b"] }, opts)).toBe("t1");
    expect(await cache.get({ ...request, scopes: ["c"] }, opts)).toBe("t2");
    expect(await cache.get({ ...request, clientID: "other" }, opts)).toBe("t3");
  });
});
