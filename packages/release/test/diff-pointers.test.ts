/** Pointers name the spec as written, even where the loader copied a nested schema out. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { diffSpecFiles } from "../src/diff/index.js";

const spec = (values: string) => `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com" }]
paths:
  /pets/{petId}:
    get:
      operationId: get-pet
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: The pet.
          content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } }
components:
  schemas:
    Pet:
      type: object
      required: [status]
      properties:
        status: { $ref: "#/components/schemas/Pet/definitions/status" }
      definitions:
        status: { type: string, enum: [${values}] }
`;

const dir = await mkdtemp(join(tmpdir(), "x-diff-pointers-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

it("points into the schema a nested $ref names, not the loader's copy of it", async () => {
  await writeFile(join(dir, "before.yaml"), spec("available, sold"));
  await writeFile(join(dir, "after.yaml"), spec("available"));
  const changes = await diffSpecFiles({ file: "before.yaml", path: join(dir, "before.yaml") }, { file: "after.yaml", path: join(dir, "after.yaml") });
  expect(changes.map((c) => [c.bump, c.pointer])).toEqual([["major", "#/components/schemas/Pet/definitions/status/enum"]]);
  expect(changes[0]!.message).toContain("property Pet.status loses enum value \"sold\"");
});

const shared = (required: boolean) => `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com" }]
paths:
  /pets: { $ref: "#/components/pathItems/Pets" }
components:
  pathItems:
    Pets:
      get:
        operationId: list-pets
        parameters: [{ name: kind, in: query, required: ${required}, schema: { type: string } }]
        responses: { "204": { description: Listed. } }
`;

it("judges an operation of a referenced path item where it is written, and nothing else", async () => {
  await writeFile(join(dir, "shared-before.yaml"), shared(false));
  await writeFile(join(dir, "shared-after.yaml"), shared(true));
  const changes = await diffSpecFiles({ file: "before.yaml", path: join(dir, "shared-before.yaml") }, { file: "after.yaml", path: join(dir, "shared-after.yaml") });
  expect(changes.map((c) => [c.bump, c.pointer])).toEqual([["major", "#/components/pathItems/Pets/get/parameters/0/required"]]);
});
