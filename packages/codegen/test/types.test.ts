/**
 * emit/types.ts calls openapi-typescript's transform directly on a document the loader has
 * linted, instead of `openapiTS`, which lints and bundles again: the two must print the same.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { emitTypes, hasExternalRefs, TYPES_OPTIONS } from "../src/emit/types.js";
import { loadSpec } from "../src/load/index.js";
import { FIXTURES, REPO_ROOT } from "./helpers.js";

const CTX = { specPath: "spec.yaml", clientName: "Fx", runtimeImport: "@x/runtime", packageName: "@x/fx", packageVersion: "0.0.0" };
const specs = [
  ...(await readdir(FIXTURES)).filter((f) => f.endsWith(".yaml")).map((f) => join(FIXTURES, f)),
  join(FIXTURES, "../security/auth-schemes.yaml"),
  join(REPO_ROOT, "openapi/common.yaml"),
  join(REPO_ROOT, "openapi/sync-commerce.yaml"),
];

describe("emitTypes", () => {
  it.each(specs)("prints what openapiTS prints for %s", async (spec) => {
    const model = await loadSpec(spec, spec);
    expect(hasExternalRefs(model.document)).toBe(false);
    // openapiTS may annotate the document it is given (discriminators), so each side gets its own copy.
    const expected = astToString(await openapiTS(structuredClone(model.document) as never, TYPES_OPTIONS));
    const { contents } = await emitTypes({ ...model, document: structuredClone(model.document) }, CTX);
    expect(contents.slice(contents.indexOf("\n\n") + 2)).toBe(expected);
  });

  it("tells a document with a reference to another file", () => {
    expect(hasExternalRefs({ paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Ok" } } } } } })).toBe(false);
    expect(hasExternalRefs({ paths: { "/a": { get: { responses: { "200": { $ref: "./responses.yaml#/Ok" } } } } } })).toBe(true);
    expect(hasExternalRefs({ components: { schemas: { A: { allOf: [{ $ref: "https://example.com/a.json" }] } } } })).toBe(true);
  });
});
