/** serializeParams and withCookies: an operation's parameters to the URL, headers and Cookie the core sends. */
import { describe, expect, it } from "vitest";
import type { OperationSpec, ParameterSpec } from "../src/operation.js";
import { cookieHeader, fillPath, serializeParams, withCookies } from "../src/params/index.js";
import { withQueryCredentials } from "../src/auth/api-key.js";
import { ALL_FEATURES } from "../src/features.js";
import { SDKValidationError } from "../src/errors.js";
import { getConnection } from "./support/fixtures.js";

const op = (path: string, parameters: ParameterSpec[]): OperationSpec => ({
  operationId: "op", methodPath: "things.op", method: "get", path, parameters, response: "empty", errors: {},
});
const param = (name: string, where: ParameterSpec["in"], extra: Partial<ParameterSpec> = {}): ParameterSpec => ({
  field: name, name, in: where, required: where === "path", ...extra,
});

describe("serializeParams", () => {
  it.each([
    {
      at: "defaults per location",
      given: op("/t/{id}", [param("id", "path"), param("a", "query"), param("h", "header"), param("c", "cookie")]),
      fields: { id: ["x", "y"], a: ["1", "2"], h: { R: 1, G: 2 }, c: ["u", "v"] },
      want: { url: "/t/x,y?a=1&a=2", headers: { h: "R,1,G,2" }, cookies: ["c=u", "c=v"] },
    },
    {
      at: "styles, explode and allowReserved as the spec gives them",
      given: op("/t/{id}", [
        param("id", "path", { style: "matrix", explode: true }),
        param("f", "query", { style: "deepObject", explode: true }),
        param("r", "query", { allowReserved: true }),
      ]),
      fields: { id: ["x", "y"], f: { k: "v w" }, r: "a/b" },
      want: { url: "/t/;id=x;id=y?f[k]=v%20w&r=a/b", headers: {}, cookies: [] },
    },
    {
      at: "undefined and null send nothing; a Date its ISO string",
      given: op("/t", [param("a", "query"), param("b", "query"), param("d", "query"), param("h", "header")]),
      fields: { a: undefined, b: null, d: new Date(Date.UTC(2025, 0, 1)), h: null },
      want: { url: "/t?d=2025-01-01T00%3A00%3A00.000Z", headers: {}, cookies: [] },
    },
  ])("$at", ({ given, fields, want }) => {
    expect(serializeParams(given, fields, ALL_FEATURES, "Things")).toEqual(want);
  });
});

describe("a header parameter no HTTP header can carry", () => {
  it.each(["a\nb", ["ok", "a\r\nb"], { k: "a\nb" }])("%j is refused before sending, naming the parameter, never the value", (value) => {
    const error = (() => {
      try {
        serializeParams(getConnection, { companyId: "c", connectionId: "x", traceId: value }, ALL_FEATURES, "Test");
      } catch (e) {
        return e as SDKValidationError;
      }
    })();
    expect(error).toBeInstanceOf(SDKValidationError);
    expect(error?.message).toBe('connections.get: header parameter "traceId" is not a valid HTTP header value');
    expect(error?.field).toBe("traceId");
  });
});

describe("fillPath", () => {
  it.each<{ template: string; values: Record<string, string>; want: string }>([
    { template: "/a/{x}/b/{y}", values: { x: "1", y: "2" }, want: "/a/1/b/2" },
    { template: "/{x}{y}", values: { x: "1", y: "2" }, want: "/12" },
    { template: "/a/{x}/b/{y}", values: { x: "1" }, want: "/a/1/b/{y}" },
    { template: "/plain", values: {}, want: "/plain" },
    { template: "/a/{x}/b/{y}", values: { x: "$&", y: "{x}" }, want: "/a/$&/b/{x}" },
  ])("$template with $values", ({ template, values, want }) => {
    expect(fillPath(template, values)).toBe(want);
    expect(fillPath(template, values)).toBe(want);
  });
});

describe("withCookies", () => {
  it.each<{ at: string; headers: Record<string, string> | undefined; pairs: string[]; want: Record<string, string> }>([
    { at: "no cookie parameters: the caller's headers as they are", headers: { cookie: "s=1" }, pairs: [], want: { cookie: "s=1" } },
    { at: "no caller Cookie", headers: { "X-A": "1" }, pairs: ["p=1"], want: { "X-A": "1", Cookie: "p=1" } },
    { at: "the caller's Cookie (any case) after the parameters", headers: { COOKIE: "s=1" }, pairs: ["p=1", "q=2"], want: { Cookie: "p=1; q=2; s=1" } },
    { at: "no headers at all", headers: undefined, pairs: ["p=1"], want: { Cookie: "p=1" } },
  ])("$at", ({ headers, pairs, want }) => {
    expect(withCookies(headers, pairs)).toEqual(want);
  });
});

describe("query credentials beside styled parameters", () => {
  it.each([
    { given: { search: "?color=blue,black&p=a%20b", credentials: [["api_key", "k 1"]] as [string, string][] }, want: "color=blue,black&p=a%20b&api_key=k%201" },
    { given: { search: "?api_key=old&x=1|2", credentials: [["api_key", "new"]] as [string, string][] }, want: "x=1|2&api_key=new" },
    { given: { search: "", credentials: [["api_key", "s/e&c"]] as [string, string][] }, want: "api_key=s%2Fe%26c" },
  ])("$given.search + $given.credentials → $want", ({ given, want }) => {
    expect(withQueryCredentials(given.search, given.credentials)).toBe(want);
  });
});

describe("cookieHeader (cookie parameters and apiKey cookies alike)", () => {
  it.each([
    { given: { pairs: [], caller: undefined }, want: undefined },
    { given: { pairs: ["a=1"], caller: undefined }, want: "a=1" },
    { given: { pairs: ["a=1", "b=2"], caller: " x=0 " }, want: "a=1; b=2; x=0" },
    { given: { pairs: [], caller: "x=0" }, want: "x=0" },
  ])("$given.pairs with the request's $given.caller → $want", ({ given, want }) => {
    expect(cookieHeader(given.pairs, given.caller)).toBe(want);
  });
});
