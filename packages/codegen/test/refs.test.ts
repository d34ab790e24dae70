import { describe, expect, it } from "vitest";
import { deref, hoistNestedSchemaRefs, resolvePointer } from "../src/load/refs.js";

describe("resolvePointer / deref", () => {
  const doc = {
    components: {
      schemas: { "a/b": { type: "string" }, Alias: { $ref: "#/components/schemas/a~1b" }, Loop: { $ref: "#/components/schemas/Loop" } },
    },
  };
  it.each([
    { given: "#/components/schemas/a~1b", want: { type: "string" } },
    { given: "#/components/schemas/missing", want: undefined },
    { given: "other.yaml#/x", want: undefined },
  ])("resolvePointer($given)", ({ given, want }) => expect(resolvePointer(doc, given)).toEqual(want));

  it("follows chains and stops on cycles", () => {
    expect(deref(doc, { $ref: "#/components/schemas/Alias" })).toEqual({ type: "string" });
    expect(deref(doc, { $ref: "#/components/schemas/Loop" })).toBeUndefined();
  });
});

describe("hoistNestedSchemaRefs", () => {
  it("moves schemas referenced from inside other components to their own entries", () => {
    const input = {
      components: {
        parameters: { id: { name: "id", in: "path", schema: { type: "string", format: "uuid" } } },
        schemas: {
          Connection: {
            definitions: { status: { type: "string", enum: ["Linked"] } },
            properties: {
              status: { $ref: "#/components/schemas/Connection/definitions/status" },
              id: { $ref: "#/components/parameters/id/schema" },
            },
          },
          Update: { properties: { status: { $ref: "#/components/schemas/Connection/definitions/status" } } },
        },
      },
    };
    const before = structuredClone(input);
    const out = hoistNestedSchemaRefs(input) as typeof input & { components: { schemas: Record<string, unknown> } };
    expect(input).toEqual(before);
    expect(out.components.schemas.ConnectionStatus).toEqual({ type: "string", enum: ["Linked"] });
    expect(out.components.schemas.Id).toEqual({ type: "string", format: "uuid" });
    expect(out.components.schemas.Connection).toMatchObject({
      properties: { status: { $ref: "#/components/schemas/ConnectionStatus" }, id: { $ref: "#/components/schemas/Id" } },
    });
    expect(out.components.schemas.Update).toEqual({ properties: { status: { $ref: "#/components/schemas/ConnectionStatus" } } });
  });
});

describe("hoistNestedSchemaRefs without nested references", () => {
  it("shares the input's nodes instead of copying them, and still adds components.schemas", () => {
    const paths = { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Ok" } } } } };
    const input = { openapi: "3.1.0", paths, info: { title: "t" } };
    const out = hoistNestedSchemaRefs(input);
    expect(out).toEqual({ ...input, components: { schemas: {} } });
    expect(Object.keys(out)).toEqual(["openapi", "paths", "info", "components"]);
    expect(out.paths).toBe(paths);
    expect(input).not.toHaveProperty("components");

    const schemas = { A: { type: "string" } };
    const withComponents = { components: { schemas, responses: {} }, paths };
    const shared = hoistNestedSchemaRefs(withComponents) as typeof withComponents;
    expect(shared).not.toBe(withComponents);
    expect(shared.components.schemas).toBe(schemas);
    expect(Object.keys(shared.components)).toEqual(["schemas", "responses"]);
  });
});
