/**
 * The loader's own checks and fallbacks, on documents built in memory: the structure
 * check in front of it catches most broken specs first, so these are exercised here.
 */
import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import { readResources } from "../src/load/operations.js";
import { normalizePathParameters } from "../src/load/path-parameters.js";
import { LoadContext } from "../src/load/context.js";
import type { Warning } from "../src/load/warnings.js";
import { tempDir } from "./helpers.js";

const ok = { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } };

function load(paths: Record<string, unknown>) {
  const ctx = new LoadContext({ paths });
  const resources = readResources(ctx, []);
  return { resources, problems: ctx.problems, warnings: ctx.warnings.map((w) => w.text), ops: resources.flatMap((r) => r.operations) };
}

describe("readResources checks", () => {
  it("reports a duplicate operationId at its second use", () => {
    const { problems } = load({
      "/a": { get: { operationId: "same", responses: ok } },
      "/b": { get: { operationId: "same", responses: ok } },
    });
    expect(problems).toEqual(['#/paths/~1b/get/operationId: duplicate operationId "same", first used at #/paths/~1a/get']);
  });

  it("warns about an operation without responses, which resolves to unknown", () => {
    const { problems, warnings, ops } = load({ "/a": { get: { operationId: "a", responses: {} } }, "/b": { get: { operationId: "b" } } });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      "#/paths/~1a/get: documents no response; the method resolves to whatever 2xx body arrives (typed unknown), undefined when empty",
      "#/paths/~1b/get: documents no response; the method resolves to whatever 2xx body arrives (typed unknown), undefined when empty",
    ]);
    expect(ops.map((o) => o.response.kind)).toEqual(["unknown", "unknown"]);
  });

  it("settles path parameters and path templates that do not match, with warnings", () => {
    const doc = {
      paths: {
        "/a/{id}/b/{part}": {
          parameters: [{ name: "spare", in: "path", required: true, schema: { type: "string" } }],
          get: { operationId: "a", parameters: [{ name: "other", in: "path", required: true, schema: { type: "string" } }, { name: "part", in: "path", required: true, schema: { type: "integer" } }], responses: ok },
        },
      },
    };
    const normalising = new LoadContext(doc);
    normalizePathParameters(normalising);
    const warnings: Warning[] = normalising.warnings;
    expect(warnings.every((w) => w.kind === "path-parameters")).toBe(true);
    expect(warnings.map((w) => w.text)).toEqual([
      '#/paths/~1a~1{id}~1b~1{part}/parameters/0: path parameter "spare" does not appear in the path /a/{id}/b/{part}; left out',
      '#/paths/~1a~1{id}~1b~1{part}/get/parameters/0: path parameter "other" does not appear in the path /a/{id}/b/{part}; left out',
      "#/paths/~1a~1{id}~1b~1{part}/get: the path's {id} has no path parameter; generated as a required string path parameter",
    ]);
    const ctx = new LoadContext(doc);
    const [op] = readResources(ctx, []).flatMap((r) => r.operations);
    expect(ctx.problems).toEqual([]);
    expect(op!.parameters.map((p) => [p.name, p.in, p.required, p.constraints?.type])).toEqual([["part", "path", true, "integer"], ["id", "path", true, "string"]]);
  });
});

describe("readResources media types", () => {
  const op = (requestBody: unknown, content: Record<string, unknown>) => ({
    "/f": { post: { operationId: "f", ...(requestBody ? { requestBody } : {}), responses: { "200": { description: "OK", content } } } },
  });

  it.each([
    { type: "text/plain", encoding: "text" },
    { type: "application/x-www-form-urlencoded", encoding: "form" },
    { type: "multipart/form-data", encoding: "multipart" },
    { type: "application/octet-stream", encoding: "binary" },
    { type: "application/merge-patch+json", encoding: "json" },
  ])("sends a $type body as $encoding", ({ type, encoding }) => {
    const { ops, problems } = load(op({ content: { [type]: { schema: {} } } }, {}));
    expect(problems).toEqual([]);
    expect(ops[0]!.body).toMatchObject({ mediaType: type, encoding });
  });

  it.each([
    { content: { "text/csv": {} }, want: { kind: "text", mediaType: "text/csv" } },
    { content: { "application/xml": {} }, want: { kind: "text", mediaType: "application/xml" } },
    { content: { "application/pdf": {} }, want: { kind: "binary", mediaType: "application/pdf" } },
    { content: { "application/pdf": {}, "application/json": { schema: { type: "object" } } }, want: { kind: "json", mediaType: "application/json" } },
    { content: {}, want: { kind: "empty" } },
  ])("reads a success of $content as $want.kind", ({ content, want }) => {
    expect(load(op(undefined, content)).ops[0]!.response).toMatchObject(want);
  });

  it("keeps a second body media type as one the caller may choose; a cookie parameter is a request field", () => {
    const { warnings, ops } = load({
      "/f": {
        post: {
          operationId: "f",
          parameters: [{ name: "session", in: "cookie", schema: { type: "string" } }],
          requestBody: { content: { "application/json": { schema: {} }, "application/xml": { schema: {} } } },
          responses: ok,
        },
      },
    });
    expect(warnings).toEqual([]);
    expect(ops[0]!.body).toMatchObject({ mediaType: "application/json", encoding: "json", others: [{ mediaType: "application/xml", encoding: "text" }] });
    expect(ops[0]!.parameters).toMatchObject([{ name: "session", field: "session", in: "cookie", required: false }]);
  });

  it.each([
    { in: "query", given: {}, want: {} },
    { in: "query", given: { style: "form", explode: true }, want: {} },
    { in: "query", given: { explode: false }, want: { explode: false } },
    { in: "query", given: { style: "deepObject", explode: true }, want: { style: "deepObject", explode: true } },
    { in: "query", given: { style: "pipeDelimited" }, want: { style: "pipeDelimited" } },
    { in: "query", given: { allowReserved: true }, want: { allowReserved: true } },
    { in: "path", given: { style: "simple", explode: false }, want: {} },
    { in: "path", given: { style: "matrix", explode: true }, want: { style: "matrix", explode: true } },
    { in: "header", given: { explode: true }, want: { explode: true } },
    { in: "cookie", given: { explode: false }, want: { explode: false } },
  ])("keeps $in style/explode/allowReserved $given only when not the default: $want", ({ in: where, given, want }) => {
    const { ops, warnings } = load({
      "/f/{p}": {
        get: { operationId: "f", parameters: [...(where === "path" ? [] : [{ name: "p", in: "path", schema: { type: "string" } }]), { name: where === "path" ? "p" : "q", in: where, schema: { type: "array" }, ...given }], responses: ok },
      },
    });
    expect(warnings).toEqual([]);
    const param = ops[0]!.parameters.find((p) => p.in === where)!;
    expect({ style: param.style, explode: param.explode, allowReserved: param.allowReserved }).toEqual({ style: undefined, explode: undefined, allowReserved: undefined, ...want });
  });

  it("warns about a style the location cannot have and sends the default", () => {
    const { ops, warnings } = load({
      "/f": { get: { operationId: "f", parameters: [{ name: "h", in: "header", style: "form", schema: { type: "string" } }], responses: ok } },
    });
    expect(warnings).toEqual(['#/paths/~1f/get: header parameter "h" has style "form", which a header parameter cannot have; sent as simple']);
    expect(ops[0]!.parameters[0]!.style).toBeUndefined();
  });
});

describe("loadSpec fallbacks", () => {
  it("leaves out a security scheme it cannot apply, saying what to do instead", async () => {
    const file = `${await tempDir()}/spec.yaml`;
    await writeFile(file, [
      "openapi: 3.1.0",
      "info: { title: T, version: '1' }",
      "servers: [{ url: https://t.example.com }]",
      "paths:",
      "  /a:",
      "    get:",
      "      operationId: get-a",
      "      responses: { '204': { description: No content. } }",
      "components:",
      "  securitySchemes:",
      "    digest: { type: http, scheme: digest }",
      "    tls: { type: mutualTLS }",
      "    key: { type: apiKey, in: header, name: X-Key }",
      "",
    ].join("\n"));
    const model = await loadSpec("spec.yaml", file);
    expect(model.securitySchemes.map((s) => s.field)).toEqual(["key"]);
    expect(model.warnings).toEqual([
      "#/components/securitySchemes/digest: only apiKey (header, query, cookie), HTTP basic and bearer, OAuth2 and OpenID Connect schemes are supported; left out of the client's security (send its credential with a beforeRequest hook or options.headers)",
      "#/components/securitySchemes/tls: only apiKey (header, query, cookie), HTTP basic and bearer, OAuth2 and OpenID Connect schemes are supported; left out of the client's security (send its credential with a beforeRequest hook or options.headers)",
    ]);
  });
});
