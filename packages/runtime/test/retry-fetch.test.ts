import { describe, expect, it } from "vitest";
import { ConnectionError, RequestAbortedError, RequestTimeoutError } from "../src/errors.js";
import { backoffDelayMs } from "../src/retry/backoff.js";
import type { RetryPolicy } from "../src/retry/config.js";
import { createRetryingFetch, type RetryInfo } from "../src/retry/fetch.js";

const backoffPolicy: RetryPolicy = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 4, exponent: 2, maxElapsedTime: 5_000 },
  statusCodes: [429, "5XX"],
  retryConnectionErrors: true,
  retryNonIdempotent: false,
};
const URL_WITH_KEY = "http://api.test/v1/things/t%201?api_key=sekrit";

/** A fetch that answers from a script (a status, or an error to throw) and records what it got. */
function fakeFetch(...script: (number | Error | ((request: Request) => Promise<Response>))[]) {
  const seen: { request: Request; body: string }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({ request, body: await request.clone().text() });
    const step = script[Math.min(seen.length - 1, script.length - 1)]!;
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(request);
    return new Response(`body ${seen.length}`, { status: step });
  };
  return { fetch, seen };
}

const noSleep = async (): Promise<void> => undefined;

describe("createRetryingFetch", () => {
  it("retries retryable statuses until success, re-sending the body each time", async () => {
    const { fetch, seen } = fakeFetch(503, 429, 200);
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep: noSleep });
    const response = await retrying(new Request(URL_WITH_KEY, { method: "POST", body: '{"a":1}' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("body 3");
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(new Set(seen.map((s) => s.request)).size).toBe(3);
  });

  it("makes exactly one attempt with strategy none", async () => {
    const { fetch, seen } = fakeFetch(503, 200);
    const retrying = createRetryingFetch({ fetch, policy: { ...backoffPolicy, strategy: "none" }, timeoutMs: 1_000, sleep: noSleep });
    expect((await retrying(new Request(URL_WITH_KEY))).status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it("does not retry a status outside the policy", async () => {
    const { fetch, seen } = fakeFetch(404, 200);
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep: noSleep });
    expect((await retrying(new Request(URL_WITH_KEY))).status).toBe(404);
    expect(seen).toHaveLength(1);
  });

  it("sleeps for Retry-After when present, else for the backoff", async () => {
    const withRetryAfter = async () => new Response("", { status: 503, headers: { "Retry-After": "2" } });
    const { fetch } = fakeFetch(withRetryAfter, 503, 503, 200);
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep, random: () => 0 });
    expect((await retrying(new Request(URL_WITH_KEY))).status).toBe(200);
    expect(delays).toEqual([2_000, 2, 4]);
  });

  it("returns the last response, body intact, when the next delay would pass maxElapsedTime", async () => {
    let clock = 0;
    const { fetch, seen } = fakeFetch(503);
    const policy = { ...backoffPolicy, backoff: { initialInterval: 100, maxInterval: 100, exponent: 1, maxElapsedTime: 250 } };
    const sleep = async (ms: number) => void (clock += ms);
    const retrying = createRetryingFetch({ fetch, policy, timeoutMs: 1_000, sleep, random: () => 0, now: () => clock });
    const response = await retrying(new Request(URL_WITH_KEY));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("body 3");
    expect(seen).toHaveLength(3);
  });

  it("does not retry when Retry-After is beyond maxElapsedTime", async () => {
    const { fetch, seen } = fakeFetch(async () => new Response("later", { status: 429, headers: { "Retry-After": "3600" } }));
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep: noSleep });
    expect((await retrying(new Request(URL_WITH_KEY))).status).toBe(429);
    expect(seen).toHaveLength(1);
  });

  it("keeps a small body it retries past, and cancels one too large to keep", async () => {
    const cancelled: number[] = [];
    const endless = (n: number) => async () =>
      new Response(new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(64 * 1024)), cancel: () => void cancelled.push(n) }), { status: 503 });
    const { fetch } = fakeFetch(endless(1), 503, endless(2), 200);
    const bodies: string[] = [];
    const onRetry = async (info: RetryInfo) => void bodies.push(info.response?.bodyUsed ? "used" : (await info.response!.text()).slice(0, 10));
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep: noSleep, onRetry });
    expect((await retrying(new Request(URL_WITH_KEY))).status).toBe(200);
    expect(cancelled).toEqual([1, 2]);
    expect(bodies).toEqual(["used", "body 2", "used"]);
  });

  it("returns the response retried past when a late sleep carried it beyond maxElapsedTime", async () => {
    let clock = 0;
    const { fetch, seen } = fakeFetch(async () => new Response("try later", { status: 503 }), 200);
    const policy = { ...backoffPolicy, backoff: { initialInterval: 100, maxInterval: 100, exponent: 1, maxElapsedTime: 150 } };
    // The timer fires 60 ms late, as on a loaded machine.
    const sleep = async (ms: number) => void (clock += ms + 60);
    const trace = { attempts: 0 };
    const retrying = createRetryingFetch({ fetch, policy, timeoutMs: 1_000, sleep, random: () => 0, now: () => clock, trace });
    const response = await retrying(new Request(URL_WITH_KEY));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("try later");
    expect(seen).toHaveLength(1);
    // `attempts` counts requests sent: the one the budget stopped before sending is not one.
    expect(trace.attempts).toBe(1);
  });

  it("tells onRetry the attempt, the delay and what failed", async () => {
    const refused = new TypeError("fetch failed");
    const { fetch } = fakeFetch(503, refused, 200);
    const infos: RetryInfo[] = [];
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep: noSleep, random: () => 0, onRetry: (info) => void infos.push(info) });
    await retrying(new Request(URL_WITH_KEY));
    expect(infos.map(({ attempt, delayMs }) => ({ attempt, delayMs }))).toEqual([{ attempt: 1, delayMs: 1 }, { attempt: 2, delayMs: 2 }]);
    expect(infos[0]!.response?.status).toBe(503);
    expect(infos[1]!.error).toBeInstanceOf(ConnectionError);
  });

  it("maps a fetch failure to ConnectionError naming method and path but not the query", async () => {
    const failure = Object.assign(new TypeError("fetch failed to http://api.test/v1/things?api_key=sekrit"), { cause: { code: "ECONNRESET" } });
    const { fetch, seen } = fakeFetch(failure);
    const retrying = createRetryingFetch({ fetch, policy: { ...backoffPolicy, retryConnectionErrors: false }, timeoutMs: 1_000, methodPath: "things.get" });
    const error = await retrying(new Request(URL_WITH_KEY)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("things.get: GET /v1/things/t%201: connection failed (ECONNRESET) (1 attempt)");
    expect((error as Error).cause).toBe(failure);
    expect(seen).toHaveLength(1);
  });

  it("throws the last error when retries run out", async () => {
    let clock = 0;
    const { fetch, seen } = fakeFetch(new TypeError("fetch failed"));
    const policy = { ...backoffPolicy, backoff: { ...backoffPolicy.backoff, maxElapsedTime: 3 } };
    const retrying = createRetryingFetch({ fetch, policy, timeoutMs: 1_000, random: () => 0, now: () => clock, sleep: async (ms) => void (clock += ms) });
    await expect(retrying(new Request(URL_WITH_KEY))).rejects.toBeInstanceOf(ConnectionError);
    // Delays 1 and 2 fit in 3 ms exactly; the third (4) would pass it.
    expect(seen).toHaveLength(3);
  });

  it("maps a per-attempt timeout to RequestTimeoutError, retried like a connection error", async () => {
    const hang = (request: Request) =>
      new Promise<Response>((_resolve, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
    const { fetch, seen } = fakeFetch(hang, hang, 200);
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 15, sleep: noSleep });
    expect((await retrying(new Request(URL_WITH_KEY))).status).toBe(200);
    expect(seen).toHaveLength(3);

    const once = fakeFetch(hang);
    const noRetry = createRetryingFetch({ fetch: once.fetch, policy: { ...backoffPolicy, retryConnectionErrors: false }, timeoutMs: 15 });
    const error = await noRetry(new Request(URL_WITH_KEY)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toBe("GET /v1/things/t%201: no complete response within 15 ms (1 attempt)");
    expect(once.seen).toHaveLength(1);
  });

  it("never calls fetch when the caller has already aborted", async () => {
    const { fetch, seen } = fakeFetch(200);
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000 });
    const reason = new Error("user gave up");
    const error = await retrying(new Request(URL_WITH_KEY, { signal: AbortSignal.abort(reason) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).cause).toBe(reason);
    expect(seen).toHaveLength(0);
  });

  it("stops the backoff sleep at once when the caller aborts", async () => {
    const { fetch, seen } = fakeFetch(503);
    const policy = { ...backoffPolicy, backoff: { initialInterval: 10_000, maxInterval: 10_000, exponent: 1, maxElapsedTime: 60_000 } };
    const retrying = createRetryingFetch({ fetch, policy, timeoutMs: 1_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = retrying(new Request(URL_WITH_KEY, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
    // Sooner than the shortest sleep (with the most jitter) could have ended: the abort cut it short.
    expect(Date.now() - started).toBeLessThan(backoffDelayMs(0, policy.backoff, () => 1));
    expect(seen).toHaveLength(1);
  });

  it("does not retry when the caller aborts mid-request, even with retryConnectionErrors", async () => {
    const controller = new AbortController();
    const abortMidway = (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
        controller.abort();
      });
    const { fetch, seen } = fakeFetch(abortMidway, 200);
    const retrying = createRetryingFetch({ fetch, policy: backoffPolicy, timeoutMs: 1_000, sleep: noSleep });
    await expect(retrying(new Request(URL_WITH_KEY, { signal: controller.signal }))).rejects.toBeInstanceOf(RequestAbortedError);
    expect(seen).toHaveLength(1);
  });
});
