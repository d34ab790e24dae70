/**
 * Node 20's fetch keeps a Request's abort signal only weakly reachable; these tests force
 * garbage collections while requests hang, to prove timeouts and aborts still land.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestAbortedError, RequestTimeoutError } from "../src/errors.js";
import type { RetryPolicy } from "../src/retry/config.js";
import { createRetryingFetch } from "../src/retry/fetch.js";
import { startServer, type TestServer } from "./support/server.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const once: RetryPolicy = {
  strategy: "none",
  backoff: { initialInterval: 1, maxInterval: 1, exponent: 1, maxElapsedTime: 1 },
  statusCodes: [],
  retryConnectionErrors: false,
  retryNonIdempotent: false,
};

/** Runs `work` while collecting garbage every few ms; fails if it does not settle in time. */
async function underGcPressure<T>(work: () => Promise<T>): Promise<T> {
  const collector = setInterval(gc, 5);
  const deadline = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error("hung")), 3_000).unref());
  try {
    return await Promise.race([work(), deadline]);
  } finally {
    clearInterval(collector);
  }
}

describe.each([
  { how: "the signal on each attempt's Request (a caller's own fetch)", signalInInit: false },
  { how: "the signal in fetch's init (the default fetch)", signalInInit: true },
])("timeouts and aborts under garbage collection, $how", ({ signalInInit }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      // /hang never answers; /slow-body sends headers, then stalls.
      if (req.url === "/slow-body") {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write("[");
      }
    });
  });
  afterAll(() => server.close());

  const retrying = (timeoutMs: number) =>
    createRetryingFetch({ fetch: (request, init) => globalThis.fetch(request, init), signalInInit, policy: once, timeoutMs });

  it("times out a request that gets no response", async () => {
    const error = await underGcPressure(() => retrying(60).call(null, new Request(`${server.url}/hang`)).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it("times out a response whose body stalls", async () => {
    const error = await underGcPressure(() => retrying(60).call(null, new Request(`${server.url}/slow-body`)).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it("aborts a hung request when the caller aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const request = new Request(`${server.url}/hang`, { signal: controller.signal });
    const error = await underGcPressure(() => retrying(60_000).call(null, request).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(RequestAbortedError);
  });
});
