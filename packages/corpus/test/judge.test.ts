/** The corpus's verdict on one call (src/judge.ts). */
import { describe, expect, it } from "vitest";
import { documentedKey, judge, type CallRecord } from "../src/judge.js";

class APIError extends Error {
  constructor(readonly status: number, name = "SDKError") {
    super(`HTTP ${status}`);
    this.name = name;
  }
}

const base: CallRecord = { status: 200, violations: [], documented: ["200", "404", "5XX"], errorClasses: { "404": "NotFoundError" } };

describe("judge", () => {
  it.each<[string, Partial<CallRecord>, boolean]>([
    ["a documented 2xx that resolves", {}, true],
    ["a 2xx with request violations", { violations: ["query x"] }, false],
    ["a resolved 3xx", { status: 302 }, false],
    ["the generated class on its documented status", { status: 404, error: new APIError(404, "NotFoundError") }, true],
    ["SDKError where a generated class is expected", { status: 404, error: new APIError(404) }, false],
    ["SDKError on a documented range", { status: 503, error: new APIError(503) }, true],
    ["SDKError where a range's class applies", { status: 404, documented: ["404", "4XX"], errorClasses: { "4XX": "ClientError" }, error: new APIError(404) }, false],
    ["an undocumented error status", { status: 418, error: new APIError(418) }, false],
    ["an error whose status is not the answer's", { status: 503, error: new APIError(500) }, false],
    ["a throw on a 2xx", { status: 200, error: new APIError(200) }, false],
    ["a connection error", { status: 0, error: new TypeError("fetch failed") }, false],
    ["a documented error with request violations", { status: 404, error: new APIError(404, "NotFoundError"), violations: ["path id"] }, false],
  ])("%s", (_name, record, ok) => {
    expect(judge({ ...base, ...record }).ok).toBe(ok);
  });
});

describe("documentedKey", () => {
  it("takes the exact status, then its range, then default", () => {
    expect(documentedKey(["404", "4XX", "default"], 404)).toBe("404");
    expect(documentedKey(["404", "4xx", "default"], 400)).toBe("4xx");
    expect(documentedKey(["200", "default"], 500)).toBe("default");
    expect(documentedKey(["200"], 500)).toBeUndefined();
  });
});
