/**
 * The exported surface is the spec's component schemas plus the operation, webhook and error
 * types. A schema the loader copied out of another object (a `$ref` into the middle of it) is
 * typed where it is used and exported under no name of its own, since that name would depend on
 * where the spec happens to define it.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { exportedNames } from "../src/emit/barrel.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.1.0
info: { title: Orchard, version: "1" }
servers: [{ url: "https://orchard.example.com" }]
paths:
  /trees/{treeId}:
    parameters: [{ $ref: "#/components/parameters/treeId" }]
    put:
      operationId: replace-tree
      tags: [trees]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: "#/components/schemas/Tree/properties/shape" } } }
      responses:
        "200":
          description: The tree's new shape.
          content: { application/json: { schema: { $ref: "#/components/schemas/Tree/properties/shape" } } }
        "409":
          description: Conflict.
          content: { application/json: { schema: { $ref: "#/components/schemas/Tree/properties/shape" } } }
  /trees/{treeId}/fruit:
    get:
      operationId: list-fruit
      tags: [trees]
      parameters:
        - { name: treeId, in: path, required: true, schema: { $ref: "#/components/parameters/treeId/schema" } }
      responses:
        "200":
          description: Fruit of the tree.
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Tree/definitions/fruit" } }
components:
  parameters:
    treeId: { name: treeId, in: path, required: true, schema: { type: string, pattern: "^t-[0-9]+$" } }
  schemas:
    Tree:
      type: object
      required: [id, shape]
      properties:
        id: { $ref: "#/components/parameters/treeId/schema" }
        shape: { type: object, required: [height], properties: { height: { type: number } } }
        fruit: { type: array, items: { $ref: "#/components/schemas/Tree/definitions/fruit" } }
      definitions:
        fruit: { type: object, properties: { kind: { type: string, enum: [apple, pear] } } }
`;

async function specFile(): Promise<string> {
  const path = join(await tempDir(), "spec.yaml");
  await writeFile(path, SPEC);
  return path;
}

describe("schemas copied out of another object", () => {
  it("are not component schemas of the model, and bodies and responses they type read as inline", async () => {
    const model = await loadSpec("spec.yaml", await specFile());
    expect(Object.keys(model.hoistedFrom ?? {}).sort()).toEqual(["TreeFruit", "TreeId", "TreeShape"]);
    expect(model.schemas.map((s) => s.name)).toEqual(["Tree"]);
    const replace = model.resources[0]!.operations.find((op) => op.operationId === "replace-tree")!;
    expect(replace.body?.schemaName).toBeUndefined();
    expect(replace.response.kind === "json" && replace.response.schemaName).toBeUndefined();
    expect(replace.names).toMatchObject({ requestBody: "ReplaceTreeRequestBody", response: "ReplaceTreeResponse" });
    // An error body that is no component schema of the spec has no error class: it throws the generic APIError with its body.
    expect(replace.errors).toEqual([]);
    const names = exportedNames(model, "Orchard");
    for (const copy of ["TreeFruit", "TreeId", "TreeShape"]) expect(names).not.toContain(copy);
    expect(names).toEqual(expect.arrayContaining(["Tree", "ReplaceTreeRequestBody", "ReplaceTreeResponse", "ListFruitResponse"]));
  });

  it("are exported from neither index.ts nor models.ts, and the package type-checks with callers of the operation types", async () => {
    const { files } = await generatePackage(targetFor(await specFile(), "Orchard"));
    const text = (path: string) => files.find((f) => f.path === path)!.contents;
    for (const copy of ["TreeFruit", "TreeId", "TreeShape"]) {
      expect(text("index.ts")).not.toMatch(new RegExp(`\\b${copy}\\b`));
      expect(text("models.ts")).not.toMatch(new RegExp(`\\b${copy}\\b`));
    }
    const consumer = `import { Orchard, type ReplaceTreeRequestBody, type ReplaceTreeResponse, type ListFruitResponse, type Tree } from "./generated/index.js";
export async function grow(client: Orchard, tree: Tree): Promise<number> {
  const body: ReplaceTreeRequestBody = { height: tree.shape.height + 1 };
  const shape: ReplaceTreeResponse = await client.trees.replaceTree({ treeId: tree.id, requestBody: body });
  const fruit: ListFruitResponse = await client.trees.listFruit({ treeId: tree.id });
  return shape.height + fruit.filter((f) => f.kind === "apple").length;
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(3_000));
});
