/** A schema named with a word TypeScript reserves (GitHub's `import`, `package`) still gets an exported type. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { isTypeName } from "../src/load/naming.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.0.3
info: { title: Reserved, version: "1" }
servers: [{ url: https://api.example.test }]
paths:
  /imports/{id}:
    get:
      operationId: get-import
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/import" } } } }
  /packages:
    get:
      operationId: list-packages
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/package" } } } } }
components:
  schemas:
    import: { type: object, properties: { id: { type: string } } }
    package: { type: object, properties: { name: { type: string } } }
    string: { type: string }
    plain: { type: integer }
`;

describe("schemas named with reserved words", () => {
  it("are exported under their pascal-cased names, and the package type-checks", async () => {
    const spec = join(await tempDir(), "reserved.yaml");
    await writeFile(spec, SPEC);
    const model = await loadSpec("reserved.yaml", spec);
    expect(model.schemas.map((s) => s.typeName)).toEqual(["Import", "Package", "String", "plain"]);
    expect(await typecheck(await generateFiles(targetFor(spec, "Reserved")))).toEqual([]);
  });

  it.each([
    ["import", false], ["package", false], ["string", false], ["unknown", false], ["Import", true], ["plain", true], ["two words", false],
  ] as const)("isTypeName(%j) is %j", (name, want) => expect(isTypeName(name)).toBe(want));
});
