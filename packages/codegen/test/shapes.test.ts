/**
 * The model's shapes (load/shapes.ts): the schemas as the data that response validation and the
 * test kit read at run time. Component references stay names, everything else is read inline.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import { tempDir } from "./helpers.js";

const SPEC = `
openapi: 3.1.0
info: { title: Shapes, version: "1" }
servers: [{ url: https://api.example.com }]
paths:
  /pets/{petId}:
    get:
      operationId: get-pet
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string, format: uuid } }
        - { name: X-Trace, in: header, required: true, schema: { type: string, minLength: 2 } }
        - { name: fields, in: query, schema: { type: array, items: { type: string, enum: [name, kind] } } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
        "404": { description: missing, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" }, example: { message: gone } } } }
  /pets:
    get:
      operationId: list-pets
      parameters:
        - { name: page, in: query, schema: { type: integer, minimum: 1 } }
        - { name: pageSize, in: query, schema: { type: integer, maximum: 100, exclusiveMinimum: 0 } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [results, pageNumber, pageSize, totalResults]
                properties:
                  results: { type: array, items: { $ref: "#/components/schemas/Pet" } }
                  pageNumber: { type: integer }
                  pageSize: { type: integer }
                  totalResults: { type: integer }
    post:
      operationId: create-pet
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
      responses: { "204": { description: created } }
components:
  schemas:
    Pet:
      type: object
      required: [id, kind]
      properties:
        id: { type: string, format: uuid }
        name: { type: [string, "null"], maxLength: 40 }
        kind: { $ref: "#/components/schemas/Kind" }
        owner: { $ref: "#/components/schemas/Pet/properties/parent" }
        parent: { type: object, properties: { id: { type: string } } }
        children: { type: array, items: { $ref: "#/components/schemas/Pet" } }
        animal: { $ref: "#/components/schemas/Animal" }
    Kind: { type: string, enum: [cat, dog], example: cat }
    Animal:
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]
      discriminator: { propertyName: type }
    Cat: { type: object, required: [type], properties: { type: { type: string }, lives: { type: integer, minimum: 0, maximum: 9 } } }
    Dog:
      allOf: [{ $ref: "#/components/schemas/Cat" }]
      properties: { bark: { type: boolean } }
    Problem: { type: object, properties: { message: { type: string } } }
`;

async function load() {
  const dir = await tempDir();
  const file = join(dir, "shapes.yaml");
  await writeFile(file, SPEC);
  return loadSpec("shapes.yaml", file);
}

describe("shapes", () => {
  it("keeps component references as names (a recursive schema stays finite) and reads the rest inline", async () => {
    const { shapes } = await load();
    const pet = shapes.schemas.Pet;
    expect(pet).toMatchObject({ type: "object", required: ["id", "kind"] });
    if (pet?.type !== "object") throw new Error("Pet is an object");
    expect(pet.properties?.id).toEqual({ type: "string", format: "uuid" });
    expect(pet.properties?.name).toEqual({ type: "string", maxLength: 40, nullable: true });
    expect(pet.properties?.kind).toEqual({ type: "ref", ref: "Kind" });
    expect(pet.properties?.children).toEqual({ type: "array", items: { type: "ref", ref: "Pet" } });
    // A $ref into the middle of a component is the loader's own copy: read inline, not named.
    expect(pet.properties?.owner).toEqual({ type: "object", properties: { id: { type: "string" } } });
    expect(shapes.schemas.Kind).toEqual({ type: "string", enum: ["cat", "dog"], example: "cat" });
    expect(Object.keys(shapes.schemas)).not.toContain(expect.stringContaining("Parent"));
  });

  it("reads unions with their discriminator (implicit mapping by schema name) and allOf with properties beside it", async () => {
    const { shapes } = await load();
    expect(shapes.schemas.Animal).toEqual({
      type: "oneOf",
      of: [{ type: "ref", ref: "Cat" }, { type: "ref", ref: "Dog" }],
      discriminator: { propertyName: "type", mapping: { Cat: "Cat", Dog: "Dog" } },
    });
    expect(shapes.schemas.Dog).toEqual({ type: "allOf", of: [{ type: "ref", ref: "Cat" }, { type: "object", properties: { bark: { type: "boolean" } } }] });
  });

  it("describes each operation: parameters by wire name, body, first 2xx, documented errors, paging", async () => {
    const { shapes } = await load();
    const get = shapes.operations["get-pet"];
    expect(get).toMatchObject({ method: "GET", path: "/pets/{petId}", response: { status: "200", mediaType: "application/json", shape: { type: "ref", ref: "Pet" } } });
    expect(get?.parameters).toEqual([
      { name: "petId", in: "path", required: true, shape: { type: "string", format: "uuid" } },
      { name: "fields", in: "query", shape: { type: "array", items: { type: "string", enum: ["name", "kind"] } } },
      { name: "X-Trace", in: "header", required: true, shape: { type: "string", minLength: 2 } },
    ]);
    expect(get?.errors).toEqual({ "404": { shape: { type: "ref", ref: "Problem" }, example: { message: "gone" } } });
    expect(shapes.operations["create-pet"]).toMatchObject({ method: "POST", body: { mediaType: "application/json", required: true, shape: { type: "ref", ref: "Pet" } }, response: { status: "204" } });
    expect(shapes.operations["list-pets"]?.paging).toEqual({
      request: { page: "page", pageSize: "pageSize" },
      response: { results: "results", pageNumber: "pageNumber", pageSize: "pageSize", totalResults: "totalResults" },
    });
    expect(shapes.operations["list-pets"]?.parameters?.[1]?.shape).toEqual({ type: "integer", maximum: 100, exclusiveMinimum: 0 });
  });
});
