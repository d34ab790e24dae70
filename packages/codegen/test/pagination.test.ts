/** Which operations are paged lists, and so get a `<method>All` iterator. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import type { Operation, SpecModel } from "../src/load/model.js";
import { LoadContext } from "../src/load/context.js";
import { pagingOf } from "../src/load/pagination.js";
import { FIXTURES, REPO_ROOT } from "./helpers.js";

const PAGING = {
  request: { page: "page", pageSize: "pageSize" },
  response: { results: "results", pageNumber: "pageNumber", pageSize: "pageSize", totalResults: "totalResults" },
};

function operation(model: SpecModel, path: string): Operation {
  const [resource, method] = path.split(".");
  return model.resources.find((r) => r.property === resource)!.operations.find((o) => o.methodName === method)!;
}

describe("paged list operations", () => {
  it("are found through $refs and allOf, with the item's component when it has one", async () => {
    const model = await loadSpec("test/fixtures/pagination.yaml", join(FIXTURES, "pagination.yaml"));
    expect(operation(model, "orders.list").paging).toEqual({ ...PAGING, itemSchemaName: "Order" });
    expect(operation(model, "orders.lines").paging).toEqual(PAGING);
    expect(operation(model, "orders.events").paging).toBeUndefined();
  });

  it("get no iterator when `<method>All` is another method's name, with a warning", async () => {
    const model = await loadSpec("test/fixtures/pagination.yaml", join(FIXTURES, "pagination.yaml"));
    expect(operation(model, "tags.list").paging).toBeUndefined();
    expect(model.warnings).toContainEqual(expect.stringMatching(/^#\/paths\/~1tags\/get: tags\.list is a paged list, but tags\.listAll is already another member's name/));
  });

  it("include Common's connections.list", async () => {
    const model = await loadSpec("openapi/common.yaml", join(REPO_ROOT, "openapi/common.yaml"));
    const paged = model.resources.flatMap((r) => r.operations.filter((o) => o.paging).map((o) => `${r.property}.${o.methodName}`));
    expect(paged).toEqual(["connections.list"]);
    expect(operation(model, "connections.list").paging).toEqual({ ...PAGING, itemSchemaName: "Connection" });
  });

  const base = {
    operationId: "list-things", methodName: "list", method: "get", path: "/things", deprecated: false, idempotent: false,
    typeStem: "ListThings", functionName: "", typesRef: `operations["list-things"]`, errors: [], response: { kind: "json", status: "200", mediaType: "application/json" },
    parameters: [
      { pointer: "#/paths/~1things/get/parameters/0", name: "page", field: "page", in: "query", required: false, deprecated: false, example: 1, exampleFromSpec: false },
      { pointer: "#/paths/~1things/get/parameters/1", name: "pageSize", field: "pageSize", in: "query", required: false, deprecated: false, example: 1, exampleFromSpec: false },
    ],
    pointer: "#/paths/~1things/get", statuses: ["200"], example: {}, names: { method: "list", function: "thingsList", spec: "thingsListSpec", request: "ListThingsRequest" },
  } satisfies Operation;
  /** The operation with its response's schema, as the loader reads it. */
  const withSchema = (op: Operation, schema: unknown): Operation => (op.response.kind === "json" ? { ...op, response: { ...op.response, schema } } : op);
  const page = { type: "object", properties: { results: { type: "array", items: {} }, pageNumber: { type: "integer" }, pageSize: { type: "integer" }, totalResults: { type: "integer" } } };

  it.each([
    { name: "a full page schema", schema: page, op: base, paged: true },
    { name: "no pageSize parameter", schema: page, op: { ...base, parameters: base.parameters.slice(0, 1) }, paged: false },
    { name: "page in a header", schema: page, op: { ...base, parameters: [{ ...base.parameters[0]!, in: "header" as const }, base.parameters[1]!] }, paged: false },
    { name: "no totalResults", schema: { ...page, properties: { ...page.properties, totalResults: undefined } }, op: base, paged: false },
    { name: "results that is not an array", schema: { ...page, properties: { ...page.properties, results: { type: "object" } } }, op: base, paged: false },
    { name: "a string pageNumber", schema: { ...page, properties: { ...page.properties, pageNumber: { type: "string" } } }, op: base, paged: false },
    { name: "an empty response", schema: page, op: { ...base, response: { kind: "empty" as const, status: "204" } }, paged: false },
  ])("$name → paged: $paged", ({ schema, op, paged }) => {
    expect(pagingOf(new LoadContext({}), withSchema(op as Operation, JSON.parse(JSON.stringify(schema)))) !== undefined).toBe(paged);
  });
});
