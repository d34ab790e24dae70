/** OpenAPI 3.2 `in: querystring`: one parameter that is the whole query, written in its media type. */
import { describe, expect, it } from "vitest";
import { SDKCoreBase } from "../src/core.js";
import { SDKValidationError } from "../src/errors.js";
import { queryApiKey, queryParameters, querystringParameters } from "../src/features.js";
import type { OperationSpec, ParameterSpec } from "../src/operation.js";
import { serializeParams, serializeQueryString } from "../src/params/index.js";
import { ALL_FEATURES } from "../src/features.js";
import { caught, serve } from "./support/core.js";
import { definition } from "./support/fixtures.js";
import { scripted } from "./support/server.js";

const FORM = "application/x-www-form-urlencoded";
const whole = (mediaType?: string, extra: Partial<ParameterSpec> = {}): ParameterSpec => ({
  field: "filter", name: "filter", in: "querystring", required: false, ...(mediaType ? { mediaType } : {}), ...extra,
});
const op = (parameters: ParameterSpec[]): OperationSpec => ({
  operationId: "search", methodPath: "notes.search", method: "get", path: "/notes", parameters, response: "json", errors: {},
});

describe("serializeQueryString", () => {
  it.each<{ at: string; value: unknown; mediaType: string; want: string }>([
    { at: "a form object: name=value pairs, encoded", value: { text: "a&b c", limit: 10 }, mediaType: FORM, want: "text=a%26b%20c&limit=10" },
    { at: "an array repeats its name", value: { tag: ["x", "y"], page: 2 }, mediaType: FORM, want: "tag=x&tag=y&page=2" },
    { at: "a nested object goes as name[key]", value: { range: { from: 1, to: 5 } }, mediaType: FORM, want: "range[from]=1&range[to]=5" },
    { at: "undefined and null properties send nothing; a Date its ISO string", value: { a: undefined, b: null, at: new Date(Date.UTC(2026, 0, 2)) }, mediaType: FORM, want: "at=2026-01-02T00%3A00%3A00.000Z" },
    { at: "a string is the query itself (a leading ? dropped)", value: "?q=1&r=2", mediaType: FORM, want: "q=1&r=2" },
    { at: "URLSearchParams as it prints", value: new URLSearchParams([["q", "a b"]]), mediaType: FORM, want: "q=a+b" },
    { at: "a form media type with parameters", value: { q: "v" }, mediaType: `${FORM}; charset=utf-8`, want: "q=v" },
    { at: "JSON: its text, percent-encoded", value: { text: "hi", tags: ["a"] }, mediaType: "application/json", want: encodeURIComponent('{"text":"hi","tags":["a"]}') },
  ])("$at", ({ value, mediaType, want }) => {
    expect(serializeQueryString("filter", value, mediaType)).toBe(want);
  });

  it("refuses what a form cannot hold and a media type it cannot write, naming the parameter", () => {
    expect(() => serializeQueryString("filter", ["a"], FORM)).toThrow(/querystring parameter "filter": a form takes an object, a string or URLSearchParams, got an array/);
    expect(() => serializeQueryString("filter", { a: 1 }, "text/csv")).toThrow(/querystring parameter "filter": media type text\/csv is not supported/);
  });
});

describe("serializeParams with a querystring parameter", () => {
  it("writes it as the query, after the query parameters, and an empty one adds no ?", () => {
    const withQuery = op([{ field: "page", name: "page", in: "query", required: false }, whole(FORM)]);
    expect(serializeParams(withQuery, { page: 3, filter: { q: "x" } }, ALL_FEATURES, "Notes").url).toBe("/notes?page=3&q=x");
    expect(serializeParams(op([whole()]), { filter: {} }, ALL_FEATURES, "Notes").url).toBe("/notes");
  });

  it("needs the querystringParameters feature, and says so", () => {
    expect(() => serializeParams(op([whole(FORM)]), { filter: { q: "x" } }, { queryParameters }, "Notes"))
      .toThrow(/notes\.search: the querystring parameter "filter" needs the runtime's `querystringParameters` feature/);
  });
});

describe("a call with a querystring parameter", () => {
  it("reaches the server with the whole query, and a required one missing is refused before sending", async () => {
    const server = await serve(scripted({ status: 200, body: [] }, { status: 200, body: [] }));
    const sdk = new SDKCoreBase({ ...definition, features: { querystringParameters, queryApiKey } }, { serverURL: server.url });
    await sdk.invoke(op([whole(FORM)]), { filter: { text: "ünï", tag: ["a", "b"] } });
    await sdk.invoke(op([whole("application/json")]), { filter: { text: "x" } });
    expect(server.received.map((r) => r.url)).toEqual([
      "/notes?text=%C3%BCn%C3%AF&tag=a&tag=b",
      `/notes?${encodeURIComponent('{"text":"x"}')}`,
    ]);
    const refused = await caught(sdk.invoke(op([whole(FORM, { required: true })]), {}));
    expect(refused).toBeInstanceOf(SDKValidationError);
    expect((refused as Error).message).toMatch(/querystring parameter "filter" is required/);
    expect(server.received).toHaveLength(2);
  });
});
