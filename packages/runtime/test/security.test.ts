import util from "node:util";
import { describe, expect, it } from "vitest";
import {
  APIError,
  ConnectionError,
  OAuth2TokenError,
  RequestAbortedError,
  RequestTimeoutError,
  SDKError,
  SDKValidationError,
} from "../src/errors.js";
import { SDKCore } from "../src/core.js";
import type { SDKDefinition } from "../src/definition.js";
import type { SecurityRequirementSpec } from "../src/operation.js";
import type { ClientOptions, RequestOptions } from "../src/options.js";
import { caught, core, ids, serve, HELD_MS, type Security } from "./support/core.js";
import { ErrorMessage, definition, getConnection } from "./support/fixtures.js";
import { refusedURL, send, type Handler, type Received, type TestServer } from "./support/server.js";

const BEARER = "Bearer s3cr3t-token-ABCDEFGH";
const TOKEN = "s3cr3t-token-ABCDEFGH";
const API_KEY = "key-QWERTYUIOP";
const PER_CALL = "percall-ZXCVBNM1";
const SECRETS = [BEARER, TOKEN, API_KEY, PER_CALL];

const security: Security = { authHeader: BEARER, apiKey: API_KEY };
const perCall: RequestOptions = { headers: { "X-Api-Key": PER_CALL } };
const PATH = "/companies/c1/connections/x1";
/** What the server sees on every attempt of a call made with `security` and `perCall`. */
const SENT = { authorization: BEARER, apiKey: API_KEY, perCall: PER_CALL };

/** The credentials a request carried, as the server saw them. */
function credentialsOf(req: Received): { authorization?: string; apiKey: string | null; perCall?: string | string[] } {
  return {
    authorization: req.headers.authorization,
    apiKey: new URL(req.url, "http://server").searchParams.get("api_key"),
    perCall: req.headers["x-api-key"],
  };
}

/** A server echoing every credential it got, as some servers do in their error bodies. */
function echoText(req: Received): string {
  const { authorization, apiKey, perCall: key } = credentialsOf(req);
  const token = authorization?.split(" ")[1];
  return `you sent Authorization=${authorization} (token ${token}) api_key=${apiKey} X-Api-Key=${String(key)}`;
}

/** Every place a caller, a logger or a test runner could show an error. */
function surfaces(error: unknown, lines: readonly string[]): Record<string, string> {
  const e = error as Error & { url?: unknown };
  return {
    message: e.message,
    stack: e.stack ?? "",
    "String(error)": String(e),
    "JSON.stringify(error)": JSON.stringify(e),
    "util.inspect(error)": util.inspect(e, { depth: 5 }),
    "error.url": String(e.url ?? ""),
    "debug log": lines.join("\n"),
  };
}

/** `"<surface>: <secret>"` for each secret found on a surface; `[]` when nothing leaked. */
function leaks(error: unknown, lines: readonly string[], secrets: readonly string[] = SECRETS): string[] {
  return Object.entries(surfaces(error, lines)).flatMap(([where, text]) =>
    secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret}`),
  );
}

interface Scenario {
  /** Where the client points, and the server if there is one. */
  server: TestServer | { url: string };
  request?: unknown;
  client?: ClientOptions<Security>;
  call?: RequestOptions;
}

/** Calls with every credential set and a debug logger, and returns the error and the lines logged. */
async function failWith(scenario: Scenario): Promise<{ error: unknown; lines: string[] }> {
  const lines: string[] = [];
  const sdk = core(scenario.server, { security, debugLogger: { debug: (line) => lines.push(line) }, ...scenario.client });
  const error = await caught(sdk.invoke(getConnection, scenario.request ?? ids, { ...perCall, ...scenario.call }));
  return { error, lines };
}

type ErrorConstructor = abstract new (...args: never[]) => Error;

interface ResponseCase {
  name: string;
  expected: ErrorConstructor;
  handler: Handler;
  attempts: number;
}

const responseCases: ResponseCase[] = [
  {
    name: "ErrorMessage: documented 401 whose JSON echoes the credentials, after two retried 503s",
    expected: ErrorMessage,
    attempts: 3,
    handler: (req, res, index) =>
      index < 2
        ? send(res, { status: 503, body: { error: echoText(req) } })
        : send(res, {
            status: 401,
            body: { error: echoText(req), echoed: credentialsOf(req), [String(req.headers.authorization)]: "as a key" },
          }),
  },
  {
    name: "ErrorMessage: documented 404 whose JSON echoes the credentials",
    expected: ErrorMessage,
    attempts: 1,
    handler: (req, res) => send(res, { status: 404, body: { error: echoText(req), echoed: credentialsOf(req) } }),
  },
  {
    name: "SDKError: undocumented 418 echoing the credentials as text",
    expected: SDKError,
    attempts: 1,
    handler: (req, res) => send(res, { status: 418, body: echoText(req) }),
  },
  {
    name: "SDKError: 200 whose body is not JSON and echoes the credentials",
    expected: SDKError,
    attempts: 1,
    handler: (req, res) => send(res, { status: 200, body: echoText(req) }),
  },
  {
    // JSON.parse quotes an invalid text of up to 20 characters whole in its message, and
    // that SyntaxError is the SDKError's `cause`.
    name: "SDKError: 200 whose whole body is the echoed api key (short invalid JSON)",
    expected: SDKError,
    attempts: 1,
    handler: (req, res) => send(res, { status: 200, body: String(credentialsOf(req).apiKey) }),
  },
];

describe("no credential in what an error or a debug line shows", () => {
  it.each(responseCases)("$name", async ({ expected, handler, attempts }) => {
    const server = await serve(handler);
    const { error, lines } = await failWith({ server });

    expect(error).toBeInstanceOf(expected);
    // The credentials were really sent, every attempt, so there was something to leak.
    expect(server.received.map(credentialsOf)).toEqual(Array.from({ length: attempts }, () => SENT));
    expect(leaks(error, lines)).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(2 * attempts);
    expect(error).toMatchObject({ method: "GET", url: `${server.url}${PATH}`, attempts });
    const e = error as APIError;
    expect(e.bodyText).toContain("[REDACTED]");
    expect(JSON.stringify(e.body)).not.toMatch(/s3cr3t|QWERTYUIOP|ZXCVBNM1/);
  });

  it("shows [REDACTED] in a documented error's body, bodyText and typed fields", async () => {
    const server = await serve((req, res) =>
      send(res, { status: 401, body: { error: `bad token ${String(req.headers.authorization)}`, echoed: credentialsOf(req) } }),
    );
    const { error } = await failWith({ server });
    expect(error).toBeInstanceOf(ErrorMessage);
    const e = error as ErrorMessage;
    expect(e.error).toBe("bad token [REDACTED]");
    expect(e.message).toBe("connections.get: HTTP 401 Unauthorized: bad token [REDACTED]");
    expect(e.body).toEqual({
      error: "bad token [REDACTED]",
      echoed: { authorization: "[REDACTED]", apiKey: "[REDACTED]", perCall: "[REDACTED]" },
    });
    expect(e.data).toEqual(e.body);
    expect(JSON.parse(e.bodyText)).toEqual(e.body);
  });

  it("scrubs a query credential the server echoes percent-encoded, as in the request URL", async () => {
    // Base64 keys carry "+", "/" and "="; the query string sends them as %2B, %2F and %3D.
    const key = "k3y+QWERTY/UIOP==";
    const server = await serve((req, res) => send(res, { status: 404, body: `Cannot GET ${req.url}` }));
    const lines: string[] = [];
    const sdk = core(server, { security: { apiKey: key }, debugLogger: { debug: (line) => lines.push(line) } });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(server.received[0]!.url).toBe(`${PATH}?api_key=k3y%2BQWERTY%2FUIOP%3D%3D`);
    expect(error).toBeInstanceOf(SDKError);
    expect(leaks(error, lines, [key, encodeURIComponent(key)])).toEqual([]);
  });

  it("scrubs a credential with quotes or backslashes that the server echoes JSON-escaped", async () => {
    const token = 'Bearer "quoted\\token-12345"';
    const server = await serve((req, res) => send(res, { status: 418, body: { echoed: req.headers.authorization } }));
    const error = await caught(core(server, { security: { authHeader: token } }).invoke(getConnection, ids));
    expect(server.received[0]!.headers.authorization).toBe(token);
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).body).toEqual({ echoed: "[REDACTED]" });
    expect(leaks(error, [], [token, JSON.stringify(token).slice(1, -1), '"quoted\\token-12345"'])).toEqual([]);
  });

  it("scrubs a credential the server echoes with JSON unicode escapes, so the text never spells it", async () => {
    const token = "Basic s3cr3t-t0ken";
    const escaped = [...token].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    const server = await serve((_req, res) => send(res, { status: 404, body: `{"error":"${escaped}","${escaped}":1}`, headers: { "Content-Type": "application/json" } }));
    const error = await caught(core(server, { security: { authHeader: token } }).invoke(getConnection, ids));
    expect(error).toBeInstanceOf(ErrorMessage);
    expect((error as ErrorMessage).bodyText).not.toContain(token);
    expect((error as ErrorMessage).body).toEqual({ error: "[REDACTED]", "[REDACTED]": 1 });
    expect(leaks(error, [], [token])).toEqual([]);
  });

  const transportCases: { name: string; expected: ErrorConstructor; reached: number; scenario: () => Promise<Scenario> }[] = [
    {
      name: "ConnectionError: nothing listens",
      expected: ConnectionError,
      reached: 0,
      scenario: async () => ({ server: { url: await refusedURL() }, client: { retryConfig: { strategy: "none" } } }),
    },
    {
      name: "RequestTimeoutError: the server never answers",
      expected: RequestTimeoutError,
      reached: 1,
      scenario: async () => ({ server: await serve(() => undefined), client: { timeoutMs: HELD_MS, retryConfig: { strategy: "none" } } }),
    },
    {
      name: "RequestAbortedError: the caller aborts while the server holds the request",
      expected: RequestAbortedError,
      reached: 1,
      scenario: async () => {
        const controller = new AbortController();
        const server = await serve(() => controller.abort());
        return { server, call: { signal: controller.signal } };
      },
    },
  ];

  it.each(transportCases)("$name", async ({ expected, reached, scenario }) => {
    const setup = await scenario();
    const { error, lines } = await failWith(setup);
    expect(error).toBeInstanceOf(expected);
    expect(leaks(error, lines)).toEqual([]);
    expect(error).toMatchObject({ method: "GET", url: `${setup.server.url}${PATH}`, attempts: 1 });
    // The attempt line shows the URL with the api key redacted: the logged surface is real.
    expect(lines[0]).toContain(`GET ${setup.server.url}${PATH}?api_key=%5BREDACTED%5D`);
    const received = "received" in setup.server ? setup.server.received : [];
    expect(received.map(credentialsOf)).toEqual(Array.from({ length: reached }, () => SENT));
  });

  const validationCases: { name: string; field: string; scenario: Omit<Scenario, "server"> }[] = [
    {
      name: "a header credential that is not a valid header value",
      field: "security.authHeader",
      scenario: { client: { security: { authHeader: `${BEARER}\r\nX-Injected: 1`, apiKey: API_KEY } } },
    },
    {
      name: "an unknown security field holding a credential",
      field: "security.authheader",
      scenario: { client: { security: { authheader: BEARER, apiKey: API_KEY } as Security } },
    },
    {
      name: "a per-call credential header that is not a valid header value",
      field: "options.headers.X-Api-Key",
      scenario: { call: { headers: { "X-Api-Key": `${PER_CALL}\nX-Injected: 1` } } },
    },
    {
      name: "a missing path parameter",
      field: "connectionId",
      scenario: { request: { companyId: "c1" } },
    },
  ];

  it.each(validationCases)("SDKValidationError: $name", async ({ field, scenario }) => {
    const server = await serve(() => undefined);
    const { error, lines } = await failWith({ server, ...scenario });
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).field).toBe(field);
    expect(leaks(error, lines)).toEqual([]);
    expect(server.received).toHaveLength(0);
  });
});

describe("an async security provider", () => {
  it("is called per attempt, so each retry carries a fresh token", async () => {
    const server = await serve((_req, res, index) => send(res, index < 2 ? { status: 503 } : { status: 200, body: { ok: true } }));
    let n = 0;
    const sdk = core(server, { security: async () => ({ authHeader: `Bearer token-${++n}` }) });
    await expect(sdk.invoke(getConnection, ids)).resolves.toEqual({ ok: true });
    expect(server.received.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-3"]);
  });

  it("scrubs every token sent during the call from the final error", async () => {
    const seen: string[] = [];
    const server = await serve((req, res, index) => {
      seen.push(String(req.headers.authorization));
      if (index < 2) send(res, { status: 503, body: { error: "busy" } });
      else send(res, { status: 401, body: { error: `rejected ${seen.join(", ")}` } });
    });
    let n = 0;
    const lines: string[] = [];
    const sdk = core(server, {
      security: async () => ({ authHeader: `Bearer token-${++n}` }),
      debugLogger: { debug: (line) => lines.push(line) },
    });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(seen).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-3"]);
    expect(error).toBeInstanceOf(ErrorMessage);
    expect((error as ErrorMessage).error).toBe("rejected [REDACTED], [REDACTED], [REDACTED]");
    expect(leaks(error, lines, ["token-1", "token-2", "token-3"])).toEqual([]);
    expect(error).toMatchObject({ attempts: 3 });
  });
});

describe("the other kinds of scheme: basic, bearer, cookie apiKey, OAuth2 client credentials", () => {
  const PASSWORD = "pa55word-LKJHGFDS";
  const BEARER_TOKEN = "bearer-MNBVCXZA";
  const COOKIE = "cookie-POIUYTRE";
  const CLIENT_SECRET = "client-s3cret-ASDFGHJK";
  const ISSUED = "issued-token-QAZWSXED";
  const BASIC = `Basic ${Buffer.from(`ada:${PASSWORD}`).toString("base64")}`;
  const all = [PASSWORD, BASIC, BEARER_TOKEN, COOKIE, CLIENT_SECRET, ISSUED];
  const kinds: SDKDefinition = {
    ...definition,
    securitySchemes: [
      { field: "basic", type: "http", scheme: "basic" },
      { field: "bearer", type: "http", scheme: "bearer" },
      { field: "cookie", type: "apiKey", in: "cookie", name: "session" },
      { field: "cc", type: "oauth2", tokenUrl: "/token" },
    ],
  };
  /** The API echoes every credential header; /token issues ISSUED, or echoes the client's Authorization with `failToken`. */
  function echoingServer(failToken = false): Promise<TestServer> {
    return serve((req, res) => {
      const echoed = `${String(req.headers.authorization)} ${String(req.headers.cookie)}`;
      if (req.url.startsWith("/token")) {
        const secret = Buffer.from(String(req.headers.authorization).split(" ")[1] ?? "", "base64").toString();
        send(res, failToken ? { status: 400, body: { error: `invalid_client ${secret}`, echoed } } : { status: 200, body: { access_token: ISSUED, expires_in: 3600 } });
      } else send(res, { status: 500, body: { error: `you sent ${echoed}` } });
    });
  }
  const cases: { name: string; security: Record<string, unknown>; requirements: SecurityRequirementSpec[] }[] = [
    { name: "basic and a cookie", security: { basic: { username: "ada", password: PASSWORD }, cookie: COOKIE }, requirements: [{ basic: [], cookie: [] }] },
    { name: "a bearer provider and a cookie", security: { bearer: async () => BEARER_TOKEN, cookie: COOKIE }, requirements: [{ bearer: [], cookie: [] }] },
    { name: "an OAuth2 token from client credentials", security: { cc: { clientID: "id", clientSecret: CLIENT_SECRET } }, requirements: [{ cc: ["read"] }] },
  ];
  it.each(cases)("$name: echoed by the server, shown nowhere", async ({ security: given, requirements }) => {
    const server = await echoingServer();
    const lines: string[] = [];
    const sdk = new SDKCore(kinds, { serverURL: server.url, security: given, retryConfig: { strategy: "none" }, debugLogger: { debug: (line) => lines.push(line) } });
    const error = await caught(sdk.invoke({ ...getConnection, security: requirements }, ids));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).bodyText).toContain("[REDACTED]");
    expect(leaks(error, lines, all)).toEqual([]);
  });

  it("a token endpoint echoing the client secret: OAuth2TokenError shows it nowhere", async () => {
    const server = await echoingServer(true);
    const lines: string[] = [];
    const sdk = new SDKCore(kinds, { serverURL: server.url, security: { cc: { clientID: "id", clientSecret: CLIENT_SECRET } }, debugLogger: { debug: (line) => lines.push(line) } });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(error).toBeInstanceOf(OAuth2TokenError);
    expect(error).toMatchObject({ status: 400 });
    expect(leaks(error, lines, all)).toEqual([]);
  });
});
