import { describe, expect, it } from "vitest";
import { placeApiKey, type Placement } from "../../src/auth/api-key.js";
import { base64, basicCredential } from "../../src/auth/basic.js";
import { bearerHeader, resolveToken } from "../../src/auth/bearer.js";
import { SDKValidationError } from "../../src/errors.js";

describe("basic", () => {
  const cases = [
    { username: "Aladdin", password: "open sesame", header: "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" },
    { username: "", password: "", header: "Basic Og==" },
    { username: "ü", password: "p:w", header: `Basic ${Buffer.from("ü:p:w").toString("base64")}` },
  ];
  it.each(cases)("$username:$password", ({ username, password, header }) => {
    const got = basicCredential({ username, password }, "security.basic", "T");
    expect(got.header).toBe(header);
    expect(got.secrets).toContain(header);
    if (password) expect(got.secrets).toContain(password);
  });
  it.each([["a string", "u:p"], ["no password", { username: "u" }], ["a number password", { username: "u", password: 1 }]])("rejects %s", (_, value) => {
    expect(() => basicCredential(value, "security.basic", "T")).toThrow(SDKValidationError);
  });
  it("base64 matches Buffer", () => expect(base64("héllo wörld")).toBe(Buffer.from("héllo wörld").toString("base64")));
});

describe("bearer", () => {
  it.each([["t", "Bearer t"], ["Bearer t", "Bearer t"], ["bearer t", "bearer t"], ["Bearerx", "Bearer Bearerx"]])("%s → %s", (token, header) => {
    expect(bearerHeader(token)).toBe(header);
  });
  it.each([
    ["a string", "t", "t"],
    ["a sync provider", () => "t", "t"],
    ["an async provider", async () => "t", "t"],
    ["empty", "", undefined],
    ["a provider giving undefined", () => undefined, undefined],
  ])("resolves %s", async (_, value, want) => {
    await expect(resolveToken(value, "security.b", "T")).resolves.toBe(want);
  });
  it.each([["a number", 5], ["a newline", "a\nsecretvalue"], ["a provider giving an object", () => ({})]])("rejects %s without quoting it", async (_, value) => {
    await expect(resolveToken(value, "security.b", "T")).rejects.toThrow(SDKValidationError);
    await expect(resolveToken(value, "security.b", "T")).rejects.not.toThrow(/secretvalue/);
  });
});

describe("apiKey", () => {
  it.each([
    ["header", { headers: { K: "v" }, query: {}, cookies: {} }],
    ["query", { headers: {}, query: { K: "v" }, cookies: {} }],
    ["cookie", { headers: {}, query: {}, cookies: { K: "v" } }],
  ] as const)("in %s", (where, want) => {
    const into: Placement = { headers: {}, query: {}, cookies: {} };
    placeApiKey({ field: "k", type: "apiKey", in: where, name: "K" }, "v", into);
    expect(into).toEqual(want);
  });
});
