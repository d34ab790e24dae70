/** redactValue: every string of a parsed body scrubbed, keys included, with no prototype to pollute. */
import { describe, expect, it } from "vitest";
import { REDACTED, redactUrl } from "../src/redact.js";
import { REDACTED as SCRUBBED, redactValue } from "../src/scrub.js";

const SECRET = "s3cr3t-token-ABCDEFGH";

describe("redactValue", () => {
  it("scrubs values and keys at any depth, and leaves other values as they are", () => {
    const body = { error: `bad token ${SECRET}`, [SECRET]: 1, list: [SECRET, 2, null, true], nested: { deep: { echo: `Bearer ${SECRET}` } } };
    expect(redactValue(body, [SECRET])).toEqual({
      error: `bad token ${REDACTED}`,
      [REDACTED]: 1,
      list: [REDACTED, 2, null, true],
      nested: { deep: { echo: `Bearer ${REDACTED}` } },
    });
  });

  it("keeps a __proto__ key as an own property, its prototype untouched", () => {
    const body = JSON.parse(`{"__proto__":{"polluted":"${SECRET}"},"ok":"yes"}`) as object;
    const out = redactValue(body, [SECRET]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ polluted: REDACTED });
    expect(out.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("returns the value itself when there is nothing to scrub", () => {
    const body = { a: 1 };
    expect(redactValue(body, [])).toBe(body);
  });
});

describe("the two redaction marks", () => {
  it("are one string: URLs (redact.ts) and bodies (scrub.ts, a lazy chunk importing nothing) show the same mark", () => {
    expect(SCRUBBED).toBe(REDACTED);
    expect(redactValue("x s3cr3t-token-ABCDEFGH", [SECRET])).toBe(`x ${REDACTED}`);
  });
});

describe("redactUrl", () => {
  it.each([
    { at: "no query or user info: as given", url: "https://api.test/a/b", want: "https://api.test/a/b" },
    { at: "a query with no credential: as written", url: "https://api.test/a?q=a%20b&list=1,2", want: "https://api.test/a?q=a%20b&list=1,2" },
    { at: "a credential parameter, every pair of it", url: "https://api.test/a?api_key=k1&x=1&api_key=k2", want: "https://api.test/a?api_key=%5BREDACTED%5D&x=1" },
    { at: "a name the SDK marks sensitive", url: "https://api.test/a?sig2=zz", extra: ["sig2"], want: "https://api.test/a?sig2=%5BREDACTED%5D" },
    { at: "user info dropped", url: "https://user:pa55@api.test/a", want: "https://api.test/a" },
    { at: "not a URL: as given", url: "not a url?token=x", want: "not a url?token=x" },
  ])("$at", ({ url, extra, want }) => {
    expect(redactUrl(url, extra)).toBe(want);
  });
});
