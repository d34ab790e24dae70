/** Example arguments (sampleCalls, also the README samples): values each schema accepts, patterns included. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import { stringMatching } from "../src/load/examples/pattern.js";
import { exampleBody, sampleCalls } from "../src/samples.js";
import { tempDir } from "./helpers.js";

describe("stringMatching", () => {
  it.each([
    "^[a-z0-9-]+$",
    "^\\d{3}-\\d{4}$",
    "^(v1|v2)/[A-Z]{2,3}$",
    "^[^/]+$",
    "^\\w+@\\w+\\.com$",
    "^[a-f0-9]{24}$",
    "^(?:[a-zA-Z]+_)?\\d+$",
    "^\\S+(?=x)x$",
    "^[\\w.-]+$",
    "^\\p{L}+$",
    "abc",
    "^ref-\\u0041[.]\\x42$",
    "^.{5}$",
    "^[-+]?[0-9]*\\.?[0-9]+$",
  ])("gives a string matching %s", (pattern) => {
    const value = stringMatching(pattern);
    expect(value).toBeTypeOf("string");
    expect(new RegExp(pattern, "u").test(value!)).toBe(true);
    expect(stringMatching(pattern)).toBe(value); // deterministic
  });

  it("repeats to reach minLength, and respects maxLength", () => {
    expect(stringMatching("^[a-z]+$", 6)).toBe("aaaaaa");
    expect(stringMatching("^[a-z]{2,}$", 0, 1)).toBeUndefined();
  });

  it("gives undefined for what it cannot satisfy or parse", () => {
    expect(stringMatching("^(a")).toBeUndefined();
    expect(stringMatching("^a$(?<=b)")).toBeUndefined();
  });
});

const SPEC = `openapi: 3.1.0
info: { title: Samples API, version: 1.0.0 }
servers: [{ url: https://example.test }]
components:
  schemas:
    Filter:
      type: object
      required: [field, values]
      properties:
        field: { type: string, pattern: "^[a-z_]+$" }
        values: { type: array, minItems: 2, uniqueItems: true, items: { type: string } }
        note: { type: string }
paths:
  /repos/{owner}/{slug}/{tags}/{meta}:
    get:
      operationId: get-repo
      tags: [Repos]
      parameters:
        - { name: owner, in: path, required: true, schema: { type: string, pattern: "^[A-Z][a-z]{2,5}-\\\\d+$" } }
        - { name: slug, in: path, required: true, schema: { type: string } }
        - { name: tags, in: path, required: true, schema: { type: array, items: { type: integer, minimum: 3 } } }
        - { name: meta, in: path, required: true, schema: { type: object, properties: { name: { type: string } } } }
        - { name: status, in: query, required: true, schema: { type: array, items: { type: string, enum: [open, closed] } } }
        - { name: empty-example, in: query, required: true, example: [], schema: { type: array, items: { type: string, default: dflt } } }
        - { name: filter, in: query, required: true, style: deepObject, schema: { $ref: "#/components/schemas/Filter" } }
        - { name: email, in: header, required: true, schema: { type: string, format: email } }
        - { name: step, in: query, required: true, schema: { type: number, exclusiveMinimum: 10, multipleOf: 4 } }
        - { name: short, in: query, required: true, schema: { type: string, maxLength: 3 } }
        - { name: id-or-name, in: query, required: true, schema: { oneOf: [{ type: integer }, { type: string }] } }
        - { name: any-id, in: query, required: true, schema: { anyOf: [{ type: integer }, { type: string }] } }
      responses: { "200": { description: ok } }
`;

describe("example arguments from schemas", () => {
  it("gives arrays an item, objects their required properties, strings their pattern", async () => {
    const spec = join(await tempDir(), "samples.yaml");
    await writeFile(spec, SPEC);
    const [call] = sampleCalls(await loadSpec("samples.yaml", spec));
    expect(call!.request).toEqual({
      owner: "Aaa-1",
      slug: "example",
      tags: [3],
      meta: { name: "example" },
      status: ["open"],
      emptyExample: ["dflt"],
      filter: { field: "a", values: ["example0", "example1"] },
      email: "user@example.com",
      step: 12,
      short: "exa",
      // On the wire 1 is text too, which both branches of a oneOf would match; a word matches one.
      idOrName: "example",
      anyId: 1,
    });
  });
});

const BODIES = `openapi: 3.0.3
info: { title: Bodies API, version: 1.0.0 }
servers: [{ url: https://example.test }]
components:
  examples:
    Rex: { value: { name: Rex } }
paths:
  /media:
    post:
      operationId: by-media
      requestBody: { required: true, content: { application/json: { schema: { type: object }, example: { name: Tom } } } }
      responses: { "204": { description: ok } }
  /examples:
    post:
      operationId: by-examples
      requestBody: { content: { application/json: { schema: { type: object }, examples: { rex: { $ref: "#/components/examples/Rex" } } } } }
      responses: { "204": { description: ok } }
  /schema:
    put:
      operationId: by-schema
      requestBody: { content: { application/json: { schema: { type: array, example: [1, 2] } } } }
      responses: { "204": { description: ok } }
  /none:
    post:
      operationId: no-example
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "204": { description: ok } }
  /form:
    post:
      operationId: form
      requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: object }, example: { a: b } } } }
      responses: { "204": { description: ok } }
`;

describe("exampleBody", () => {
  it("gives the spec's own example of a JSON body: the media type's, its examples', or its schema's", async () => {
    const spec = join(await tempDir(), "bodies.yaml");
    await writeFile(spec, BODIES);
    const model = await loadSpec("bodies.yaml", spec);
    const bodies = Object.fromEntries(model.resources.flatMap((r) => r.operations).map((op) => [op.operationId, exampleBody(op)]));
    expect(bodies).toEqual({
      "by-media": { value: { name: "Tom" } },
      "by-examples": { value: { name: "Rex" } },
      "by-schema": { value: [1, 2] },
      "no-example": undefined,
      form: undefined,
    });
  });
});
