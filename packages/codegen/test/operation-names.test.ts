/** Operations without an operationId are named from their method and path, deterministically, with a warning. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { operationNameFromPath } from "../src/load/naming.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

describe("operationNameFromPath", () => {
  it.each([
    { given: ["get", "/pets"], want: "getPets" },
    { given: ["get", "/pets/{petId}"], want: "getPetsByPetId" },
    { given: ["post", "/pets/{petId}/photos"], want: "postPetsByPetIdPhotos" },
    { given: ["delete", "/stores/{store_id}/orders/{order-id}"], want: "deleteStoresByStoreIdOrdersByOrderId" },
    { given: ["get", "/files/{name}.{ext}"], want: "getFilesByNameByExt" },
    { given: ["get", "/"], want: "get" },
    { given: ["put", "/v2/user-profiles"], want: "putV2UserProfiles" },
  ])("$given → $want", ({ given, want }) => {
    expect(operationNameFromPath(given[0]!, given[1]!)).toBe(want);
  });
});

const SPEC = `openapi: 3.0.3
info: { title: Pet Store, version: "1" }
servers: [{ url: "https://pets.example.com" }]
paths:
  /pets:
    get:
      tags: [Pets]
      parameters: [{ name: limit, in: query, schema: { type: integer } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Pet" } } } } }
    post:
      tags: [Pets]
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [name], properties: { name: { type: string } } } } } }
      responses:
        "201": { description: created, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
  /pets/{petId}:
    get:
      operationId: show-pet
      tags: [Pets]
      parameters: [{ name: petId, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
components:
  schemas:
    Pet: { type: object, required: [id, name], properties: { id: { type: string }, name: { type: string } } }
`;

describe("operations without an operationId", () => {
  it("generate, named from method and path, and type-check beside one that has an operationId", async () => {
    const spec = join(await tempDir(), "pets.yaml");
    await writeFile(spec, SPEC);
    const model = await loadSpec("pets.yaml", spec);
    expect(model.warnings).toEqual([
      "#/paths/~1pets/get: no operationId; named getPets from its method and path (give it an operationId to choose)",
      "#/paths/~1pets/post: no operationId; named postPets from its method and path (give it an operationId to choose)",
    ]);
    expect(model.resources[0]!.operations.map((o) => [o.methodName, o.typesRef])).toEqual([
      ["getPets", 'paths["/pets"]["get"]'],
      ["postPets", 'paths["/pets"]["post"]'],
      ["showPet", 'operations["show-pet"]'],
    ]);
    const { files } = await generatePackage(targetFor(spec, "PetStore"));
    const consumer = `import { PetStore, type Pet, type GetPetsRequest, type PostPetsRequestBody } from "./generated/index.js";
const store = new PetStore();
export async function use(): Promise<string[]> {
  const query: GetPetsRequest = { limit: 10 };
  const body: PostPetsRequestBody = { name: "Rex" };
  const added: Pet = await store.pets.postPets({ requestBody: body });
  const one: Pet = await store.pets.showPet({ petId: added.id });
  return [one.name, ...(await store.pets.getPets(query)).map((p) => p.id)];
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(4_000));
});
