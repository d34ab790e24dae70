/**
 * The wire rules (wire-rules.ts): media-type classes, the encoding and response kind they
 * decide, the default parameter styles, stream kinds and idempotent methods, as the public
 * entry exports them.
 */
import { describe, expect, it } from "vitest";
import {
  bodyEncodingOf,
  defaultExplode,
  defaultStyle,
  isFormMediaType,
  isIdempotentMethod,
  isJsonMediaType,
  isLooseJsonMediaType,
  isMultipartMediaType,
  isStreamKind,
  isTextMediaType,
  responseKindOf,
} from "../src/index.js";

describe("JSON media types", () => {
  const both = ["application/json", "APPLICATION/JSON", "application/json;charset=utf-8", "application/json; charset=utf-8", "application/json;", "application/problem+json", "application/vnd.api.v2+json", "application/json-patch+json"];
  const looseOnly = ["application/json-seq", "application/json.x", "application/json+x", "application/json/x", "application/json ; charset=utf-8", "application/json ", "application/json;a\nb"];
  const neither = ["application/jsonx", "application/json5", "application/json_x", "text/json", "application/x-json-stream+xml", "json", "", " application/json", "application/+json"];

  it.each(both)("%j is JSON to both tests", (type) => {
    expect(isJsonMediaType(type)).toBe(true);
    expect(isLooseJsonMediaType(type)).toBe(true);
  });
  it.each(looseOnly)("%j is JSON to the loose test only", (type) => {
    expect(isJsonMediaType(type)).toBe(false);
    expect(isLooseJsonMediaType(type)).toBe(true);
  });
  it.each(neither)("%j is JSON to neither", (type) => {
    expect(isJsonMediaType(type)).toBe(false);
    expect(isLooseJsonMediaType(type)).toBe(false);
  });
});

describe("other media types", () => {
  it.each([
    ["text/plain", true],
    ["text/csv; charset=utf-8", true],
    ["application/xml", true],
    ["application/atom+xml", true],
    ["application/javascript", true],
    ["application/yaml", true],
    ["application/x-yaml", true],
    ["application/x-ndjson", true],
    ["application/json", false],
    ["application/octet-stream", false],
    ["text/", false],
    ["application/xml-dtd", false],
  ])("%j is text: %s", (type, text) => expect(isTextMediaType(type)).toBe(text));

  it("form and multipart are prefixes, any case", () => {
    expect(["application/x-www-form-urlencoded", "Application/X-WWW-Form-Urlencoded; charset=utf-8"].every(isFormMediaType)).toBe(true);
    expect(isFormMediaType("multipart/form-data")).toBe(false);
    expect(["multipart/form-data", "multipart/mixed", "MULTIPART/related; type=x"].every(isMultipartMediaType)).toBe(true);
    expect(isMultipartMediaType("application/multipart")).toBe(false);
  });

  it.each([
    ["application/json", "json", "json"],
    ["application/hal+json; charset=utf-8", "json", "json"],
    ["application/json-seq", "binary", "jsonSeq"],
    ["text/event-stream", "text", "eventData"],
    ["Text/Event-Stream; charset=utf-8", "text", "eventData"],
    ["application/jsonl", "binary", "jsonLines"],
    ["application/x-ndjson", "text", "jsonLines"],
    ["text/plain", "text", "text"],
    ["application/xml", "text", "text"],
    ["application/x-www-form-urlencoded", "form", "binary"],
    ["multipart/form-data", "multipart", "binary"],
    ["multipart/mixed", "multipart", "binary"],
    ["application/octet-stream", "binary", "binary"],
    ["image/png", "binary", "binary"],
  ])("%j: a body is sent as %s, a success read as %s", (type, encoding, kind) => {
    expect(bodyEncodingOf(type)).toBe(encoding);
    expect(responseKindOf(type)).toBe(kind);
  });
});

describe("default parameter styles", () => {
  it("form in the query and a cookie, simple in the path and a header; explode for form only", () => {
    expect([defaultStyle("query"), defaultStyle("cookie"), defaultStyle("path"), defaultStyle("header")]).toEqual(["form", "form", "simple", "simple"]);
    expect((["form", "spaceDelimited", "pipeDelimited", "deepObject", "simple", "label", "matrix"] as const).filter(defaultExplode)).toEqual(["form"]);
  });
});

describe("stream kinds and idempotent methods", () => {
  it("a stream kind is one of the five, exactly", () => {
    const kinds = ["events", "jsonEvents", "eventData", "jsonLines", "jsonSeq", "json", "text", "binary", "empty", "unknown", "jsonSeqs", "Events", "xevents"];
    expect(kinds.filter(isStreamKind)).toEqual(["events", "jsonEvents", "eventData", "jsonLines", "jsonSeq"]);
  });

  it("GET, HEAD, OPTIONS, TRACE, PUT, DELETE and QUERY, in any case, are idempotent; POST, PATCH and custom methods are not", () => {
    const methods = ["get", "HEAD", "Options", "trace", "put", "DELETE", "query", "post", "PATCH", "PURGE", "GETS", "xget", ""];
    expect(methods.filter(isIdempotentMethod)).toEqual(["get", "HEAD", "Options", "trace", "put", "DELETE", "query"]);
  });
});
