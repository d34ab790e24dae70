/** The retry loop's one extra attempt after a 401, when `reauthorize` says new credentials are on the way. */
import { describe, expect, it } from "vitest";
import type { RetryPolicy } from "../src/retry/config.js";
import { createRetryingFetch } from "../src/retry/fetch.js";

const backoff: RetryPolicy = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 4, exponent: 2, maxElapsedTime: 5_000 },
  statusCodes: [429, "5XX"],
  retryConnectionErrors: true,
  retryNonIdempotent: false,
};
const none: RetryPolicy = { ...backoff, strategy: "none" };

describe("reauthorize", () => {
  const cases: { name: string; policy: RetryPolicy; method?: string; statuses: number[]; renew: boolean; want: { status: number; sent: number; asked: number; attempts: number } }[] = [
    { name: "401 then 200: one more attempt", policy: none, statuses: [401, 200], renew: true, want: { status: 200, sent: 2, asked: 1, attempts: 2 } },
    { name: "a POST too: the server refused it unread", policy: none, method: "POST", statuses: [401, 200], renew: true, want: { status: 200, sent: 2, asked: 1, attempts: 2 } },
    { name: "401 twice: asked once, the second 401 stands", policy: backoff, statuses: [401, 401, 200], renew: true, want: { status: 401, sent: 2, asked: 1, attempts: 2 } },
    { name: "nothing to renew: the 401 stands", policy: backoff, statuses: [401, 200], renew: false, want: { status: 401, sent: 1, asked: 1, attempts: 1 } },
    { name: "503, 401, 200: the backoff retry and the 401 retry, each once", policy: backoff, statuses: [503, 401, 200], renew: true, want: { status: 200, sent: 3, asked: 1, attempts: 3 } },
    { name: "401, 503, 200: the 401 retry does not use up the backoff retries", policy: backoff, statuses: [401, 503, 200], renew: true, want: { status: 200, sent: 3, asked: 1, attempts: 3 } },
    { name: "403 is not a 401", policy: backoff, statuses: [403, 200], renew: true, want: { status: 403, sent: 1, asked: 0, attempts: 1 } },
  ];
  it.each(cases)("$name", async ({ policy, method, statuses, renew, want }) => {
    let sent = 0;
    let asked = 0;
    const trace = { attempts: 0 };
    const retrying = createRetryingFetch({
      fetch: async () => new Response("", { status: statuses[Math.min(sent++, statuses.length - 1)] }),
      policy,
      timeoutMs: 1_000,
      sleep: async () => undefined,
      trace,
      reauthorize: () => (asked++, renew),
    });
    const response = await retrying(new Request("http://api.test/x", { method: method ?? "GET", ...(method === "POST" ? { body: "{}" } : {}) }));
    expect({ status: response.status, sent, asked, attempts: trace.attempts }).toEqual(want);
  });
});
