import { describe, expect, it, vi } from "vitest";
import { SDKValidationError } from "../src/errors.js";
import type { ClientOptions, DebugLogger } from "../src/options.js";
import { caught, core, ids, serve, type Security } from "./support/core.js";
import { createCompany, getConnection } from "./support/fixtures.js";
import { refusedURL, scripted } from "./support/server.js";

const GET_LABEL = "connections.get: GET /companies/c1/connections/x1";
const POST_LABEL = "companies.create: POST /companies";
const BEARER = "Bearer log-secret-TOKEN123";
const API_KEY = "log-apikey-987654";
const PER_CALL = "log-percall-555";

/** A logger that keeps its lines, and the options that plug it in. */
function recorder(): { lines: string[]; debugLogger: DebugLogger } {
  const lines: string[] = [];
  return { lines, debugLogger: { debug: (line) => lines.push(line) } };
}

describe("debugLogger", () => {
  it("logs each attempt, each outcome with its time, and the retry decision with its delay", async () => {
    const server = await serve(scripted({ status: 503, headers: { "Retry-After": "0" } }, { status: 200, body: { ok: true } }));
    const { lines, debugLogger } = recorder();
    await expect(core(server, { debugLogger }).invoke(getConnection, ids)).resolves.toEqual({ ok: true });
    const url = `${server.url}/companies/c1/connections/x1`;
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${literal(`${GET_LABEL}: attempt 1: GET ${url} {`)}.*"accept":"application/json"`)),
      expect.stringMatching(new RegExp(`^${literal(`${GET_LABEL}: attempt 1: HTTP 503 Service Unavailable in `)}\\d+ ms$`)),
      `${GET_LABEL}: retry: status 503: retrying in 0 ms (server's Retry-After)`,
      expect.stringMatching(new RegExp(`^${literal(`${GET_LABEL}: attempt 2: GET ${url} {`)}`)),
      // A success ends the call with no decision line.
      expect.stringMatching(new RegExp(`^${literal(`${GET_LABEL}: attempt 2: HTTP 200 OK in `)}\\d+ ms$`)),
    ]);
    expect(server.received).toHaveLength(2);
  });

  it("logs the backoff delay when the server gives no Retry-After", async () => {
    const server = await serve(scripted({ status: 502 }, { status: 200, body: {} }));
    const { lines, debugLogger } = recorder();
    // A 40 ms interval, which jitter shortens by up to a quarter.
    const retryConfig = { strategy: "backoff", backoff: { initialInterval: 40, maxInterval: 40, exponent: 1 } } as const;
    await core(server, { debugLogger, retryConfig }).invoke(getConnection, ids);
    expect(lines.filter((line) => line.includes(": retry: "))).toEqual([
      expect.stringMatching(new RegExp(`^${literal(`${GET_LABEL}: retry: status 502: retrying in `)}(3\\d|40) ms \\(backoff\\)$`)),
    ]);
  });

  const noRetryCases: {
    name: string;
    setup: () => Promise<{ url: string }>;
    options?: ClientOptions<Security>;
    call: "get" | "create";
    outcome: string;
    reason: string;
  }[] = [
    {
      name: "a POST create hit by 500",
      setup: () => serve(scripted({ status: 500, body: { error: "boom" } })),
      call: "create",
      outcome: "HTTP 500 Internal Server Error",
      reason: "status 500 on POST: the server may have acted on it",
    },
    {
      name: "a status the policy does not retry",
      setup: () => serve(scripted({ status: 404, body: { error: "gone" } })),
      call: "get",
      outcome: "HTTP 404 Not Found",
      reason: "status 404 is not retried",
    },
    {
      name: "a retryable status with retries off",
      setup: () => serve(scripted({ status: 503 })),
      options: { retryConfig: { strategy: "none" } },
      call: "get",
      outcome: "HTTP 503 Service Unavailable",
      reason: "retries are off",
    },
    {
      name: "a refused connection with retries off",
      setup: async () => ({ url: await refusedURL() }),
      options: { retryConfig: { strategy: "none" } },
      call: "get",
      outcome: "ConnectionError (ECONNREFUSED)",
      reason: "retries are off",
    },
  ];

  it.each(noRetryCases)("logs a final failure and why it is not retried: $name", async ({ setup, options, call, outcome, reason }) => {
    const { lines, debugLogger } = recorder();
    const sdk = core(await setup(), { ...options, debugLogger });
    const error = await caught(call === "get" ? sdk.invoke(getConnection, ids) : sdk.invoke(createCompany, { companyRequestBody: { name: "Acme" } }));
    expect(error).toBeInstanceOf(Error);
    const label = call === "get" ? GET_LABEL : POST_LABEL;
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${literal(`${label}: attempt 1: ${call === "get" ? "GET" : "POST"} http://127.0.0.1:`)}`));
    expect(lines[1]).toMatch(new RegExp(`^${literal(`${label}: attempt 1: ${outcome} in `)}\\d+ ms$`));
    expect(lines[2]).toBe(`${label}: no retry: ${reason}`);
  });

  it("shows [REDACTED] for every credential in every line, and other headers as sent", async () => {
    const server = await serve(scripted({ status: 503, headers: { "Retry-After": "0" } }, { status: 200, body: {} }));
    const { lines, debugLogger } = recorder();
    const sdk = core(server, { security: { authHeader: BEARER, apiKey: API_KEY }, debugLogger });
    await sdk.invoke(getConnection, { ...ids, traceId: "trace-1" }, { headers: { "X-Api-Key": PER_CALL, "X-Client": "tests" } });
    // The credentials were sent on both attempts.
    expect(server.received.map((r) => [r.headers.authorization, r.headers["x-api-key"], r.url.endsWith(`api_key=${API_KEY}`)])).toEqual([
      [BEARER, PER_CALL, true],
      [BEARER, PER_CALL, true],
    ]);
    for (const line of lines) {
      for (const secret of [BEARER, "log-secret-TOKEN123", API_KEY, PER_CALL]) expect(line).not.toContain(secret);
    }
    const attemptLines = lines.filter((line) => / attempt \d: GET /.test(line));
    expect(attemptLines).toHaveLength(2);
    for (const line of attemptLines) {
      expect(line).toContain("/companies/c1/connections/x1?api_key=%5BREDACTED%5D ");
      const headers = JSON.parse(line.slice(line.indexOf("{"))) as Record<string, string>;
      expect(headers).toMatchObject({
        authorization: "[REDACTED]",
        "x-api-key": "[REDACTED]",
        accept: "application/json",
        "x-client": "tests",
        "x-trace-id": "trace-1",
      });
    }
  });

  it("calls debug as a method of the logger, as a class-based logger needs", async () => {
    class Logger {
      readonly seen: string[] = [];
      debug(line: string): void {
        this.seen.push(line);
      }
    }
    const logger = new Logger();
    const server = await serve(scripted({ status: 200, body: {} }));
    await core(server, { debugLogger: logger }).invoke(getConnection, ids);
    expect(logger.seen).toHaveLength(2);
    expect(logger.seen[1]).toMatch(/: attempt 1: HTTP 200 OK in \d+ ms$/);
  });

  it("logs nothing, and works, without a logger", async () => {
    const consoleMethods = (["debug", "log", "info", "warn", "error"] as const).map((name) => vi.spyOn(console, name));
    const server = await serve(scripted({ status: 503 }, { status: 200, body: { ok: true } }));
    await expect(core(server).invoke(getConnection, ids)).resolves.toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
    for (const method of consoleMethods) expect(method).not.toHaveBeenCalled();
  });

  it.each([
    ["an object without debug", { log: () => undefined }],
    ["a debug that is not a function", { debug: "yes" }],
    ["null", null],
    ["a function", () => undefined],
  ])("rejects %s at construction, naming debugLogger", (_name, debugLogger) => {
    let error: unknown;
    try {
      core({ url: "http://127.0.0.1:9" }, { debugLogger } as unknown as ClientOptions<Security>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error).toMatchObject({ field: "debugLogger", message: expect.stringContaining("debugLogger") });
  });

  it("accepts console", () => {
    expect(() => core({ url: "http://127.0.0.1:9" }, { debugLogger: console })).not.toThrow();
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
