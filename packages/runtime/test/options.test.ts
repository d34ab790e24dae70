import { describe, expect, it } from "vitest";
import { SDKCore } from "../src/core.js";
import { SDKValidationError } from "../src/errors.js";
import type { SDKDefinition } from "../src/definition.js";
import { DEFAULT_TIMEOUT_MS, resolveClientOptions } from "../src/options.js";
import { resolveServerURL } from "../src/server-url.js";
import { SPEC_RETRY, definition } from "./support/fixtures.js";

const noServers: SDKDefinition = { ...definition, servers: [] };
const templated: SDKDefinition = { ...definition, servers: [{ url: "https://{region}.example.com" }] };

describe("resolveServerURL", () => {
  const cases: { name: string; given: { def?: SDKDefinition; serverURL?: unknown; serverIdx?: unknown }; want: string }[] = [
    { name: "the spec's first server by default, without its trailing slash", given: {}, want: "https://api.example.com/v1" },
    { name: "serverIdx picks a server", given: { serverIdx: 1 }, want: "https://sandbox.example.com" },
    { name: "serverURL wins over serverIdx", given: { serverURL: "http://localhost:4010/", serverIdx: 1 }, want: "http://localhost:4010" },
    { name: "serverURL keeps its path", given: { serverURL: "https://proxy.test/api/v1//" }, want: "https://proxy.test/api/v1" },
    { name: "serverURL works without spec servers", given: { def: noServers, serverURL: "https://x.test" }, want: "https://x.test" },
  ];
  it.each(cases)("$name", ({ given, want }) => {
    expect(resolveServerURL(given.def ?? definition, given.serverURL, given.serverIdx)).toBe(want);
  });

  const rejects: { name: string; given: { def?: SDKDefinition; serverURL?: unknown; serverIdx?: unknown }; want: { message: string; field: string } }[] = [
    { name: "serverIdx out of range", given: { serverIdx: 2 }, want: { message: "Test: serverIdx 2 is not one of the spec's 2 servers; pass serverURL", field: "serverIdx" } },
    { name: "negative serverIdx", given: { serverIdx: -1 }, want: { message: "Test: serverIdx -1 is not one of the spec's 2 servers; pass serverURL", field: "serverIdx" } },
    { name: "no servers at all", given: { def: noServers }, want: { message: "Test: serverIdx 0 is not one of the spec's 0 servers; pass serverURL", field: "serverIdx" } },
    { name: "a templated spec server without variables", given: { def: templated }, want: { message: "Test: server 0 of the spec (https://{region}.example.com) must be an absolute http(s) URL without credentials, query or fragment; pass serverURL", field: "serverIdx" } },
    { name: "a relative serverURL", given: { serverURL: "/v1" }, want: { message: "Test: serverURL must be an absolute http(s) URL without credentials, query or fragment", field: "serverURL" } },
    { name: "a non-http serverURL", given: { serverURL: "ftp://files.test" }, want: { message: "Test: serverURL must be an absolute http(s) URL without credentials, query or fragment", field: "serverURL" } },
    { name: "a serverURL with credentials", given: { serverURL: "https://me:hunter2@api.test" }, want: { message: "Test: serverURL must be an absolute http(s) URL without credentials, query or fragment", field: "serverURL" } },
    { name: "a serverURL with a query", given: { serverURL: "https://api.test/?api_key=k" }, want: { message: "Test: serverURL must be an absolute http(s) URL without credentials, query or fragment", field: "serverURL" } },
    { name: "a non-string serverURL", given: { serverURL: 8080 }, want: { message: "Test: serverURL must be an absolute http(s) URL without credentials, query or fragment", field: "serverURL" } },
  ];
  it.each(rejects)("rejects $name", ({ given, want }) => {
    const run = () => resolveServerURL(given.def ?? definition, given.serverURL, given.serverIdx);
    expect(run).toThrow(SDKValidationError);
    expect(run).toThrow(expect.objectContaining(want));
  });
});

describe("resolveClientOptions", () => {
  it("fills every default once", () => {
    const resolved = resolveClientOptions(definition, undefined);
    expect(resolved.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
    expect(resolved.serverURL).toBe("https://api.example.com/v1");
    expect(resolved.retryPolicy).toEqual({ ...SPEC_RETRY, retryNonIdempotent: false, budget: true });
    expect(resolved.hooks).toEqual({});
    expect(typeof resolved.fetch).toBe("function");
  });

  const rejects: { name: string; given: unknown; want: { message: string; field: string } }[] = [
    { name: "a typo in an option name", given: { serverUrl: "https://x.test" }, want: { message: 'Test: serverUrl is unknown; expected: security, serverURL, serverIdx, serverVariables, retryConfig, timeoutMs, fetch, hooks, debugLogger, validateResponses, tracer', field: "serverUrl" } },
    { name: "a tracer without startSpan", given: { tracer: { getTracer() {} } }, want: { message: "Test: tracer must have a startSpan method", field: "tracer" } },
    { name: "a zero timeout", given: { timeoutMs: 0 }, want: { message: "Test: timeoutMs must be a number of ms in (0, 2147483647]", field: "timeoutMs" } },
    { name: "a fetch that is not a function", given: { fetch: "fetch" }, want: { message: "Test: fetch must be a function", field: "fetch" } },
    { name: "a hook that is not a function", given: { hooks: { beforeRequest: true } }, want: { message: "Test: hooks.beforeRequest must be a function", field: "hooks.beforeRequest" } },
    { name: "a security that is a string", given: { security: "Basic abc" }, want: { message: "Test: security must be an object or a function returning one", field: "security" } },
    { name: "a bad retry config", given: { retryConfig: { strategy: "backoff", backoff: { initialInterval: -1 } } }, want: { message: "Test: retryConfig.backoff.initialInterval must be a number of ms in [0, 2147483647]", field: "retryConfig.backoff.initialInterval" } },
    { name: "a logger without debug", given: { debugLogger: { log: () => undefined } }, want: { message: "Test: debugLogger must have a debug method, like console", field: "debugLogger" } },
    { name: "options that are not an object", given: "https://x.test", want: { message: "Test: options must be an object, got string", field: "options" } },
    { name: "a fractional serverIdx", given: { serverIdx: 0.5 }, want: { message: "Test: serverIdx must be an integer", field: "serverIdx" } },
    { name: "a serverIdx that is a string", given: { serverIdx: "1" }, want: { message: "Test: serverIdx must be an integer", field: "serverIdx" } },
    { name: "a misspelt hook", given: { hooks: { beforeRequests() {} } }, want: { message: "Test: hooks.beforeRequests is unknown; expected: beforeRequest, afterSuccess, afterError, beforeRetry", field: "hooks.beforeRequests" } },
    { name: "hooks that are an array", given: { hooks: [] }, want: { message: "Test: hooks must be an object, got array", field: "hooks" } },
  ];
  it.each(rejects)("rejects $name", ({ given, want }) => {
    const run = () => resolveClientOptions(definition, given);
    expect(run).toThrow(SDKValidationError);
    expect(run).toThrow(expect.objectContaining(want));
  });

  it("accepts hooks kept on a class prototype", () => {
    class Logger {
      afterResponse(): void {}
    }
    expect(resolveClientOptions(definition, { hooks: new Logger() }).hooks).toBeInstanceOf(Logger);
    // A class's own fields are its state, not misspelt hooks; its hooks are still checked.
    class Counter {
      count = 0;
      beforeRequest(): void {
        this.count++;
      }
    }
    expect(resolveClientOptions(definition, { hooks: new Counter() }).hooks).toBeInstanceOf(Counter);
    class Broken {
      beforeRequest = "not a function";
    }
    expect(() => resolveClientOptions(definition, { hooks: new Broken() as never })).toThrow("Test: hooks.beforeRequest must be a function");
  });

  it("makes SDKCore's constructor throw before any request", () => {
    expect(() => new SDKCore(definition, { serverURL: "https://me:hunter2@api.test" })).toThrow(SDKValidationError);
    expect(() => new SDKCore(definition, { serverURL: "https://me:hunter2@api.test" })).not.toThrow(/hunter2/);
  });
});
