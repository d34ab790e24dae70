/**
 * Names a spec may use that the generated TypeScript cannot: an error body's field that
 * an APIError already has (`url`, `attempts`...), and a schema named by a reserved word
 * (`import`, `package`) or a predefined type (`string`). Each still generates and compiles.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { SDKError } from "../../runtime/src/index.js";
import { loadSpec } from "../src/load/index.js";
import { generateFiles } from "../src/generate.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

/** Every property and method an APIError instance has, as the runtime defines it today. */
function apiErrorMembers(): string[] {
  const error = new SDKError({ response: new Response(null, { status: 500 }), body: undefined, bodyText: "", methodPath: "x.y", method: "GET", url: "http://h/", attempts: 1 });
  const names = new Set(Object.keys(error));
  for (let proto = Object.getPrototypeOf(error); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return [...names].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
}

async function writeSpec(members: readonly string[]): Promise<string> {
  const path = join(await tempDir("x-reserved-"), "reserved.yaml");
  const errorProperties = [...members, "detail"].map((m) => `        ${m}: { type: string }`).join("\n");
  await writeFile(path, `openapi: 3.0.3
info: { title: Reserved, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /imports/{id}:
    get:
      operationId: get-import
      tags: [Imports]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/import" } } } }
        "404": { description: gone, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
  /packages:
    get:
      operationId: list-packages
      tags: [Packages]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/package" } } } } }
  /words:
    get:
      operationId: get-words
      tags: [Packages]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/string" } } } }
components:
  schemas:
    import: { type: object, properties: { id: { type: string } } }
    package: { type: object, properties: { name: { type: string } } }
    string: { type: object, properties: { value: { type: string } } }
    Problem:
      type: object
      properties:
${errorProperties}
`);
  return path;
}

describe("names the generated TypeScript cannot use as written", () => {
  it("leaves an APIError's own members out of a documented error's fields", async () => {
    const members = apiErrorMembers();
    expect(members).toEqual(expect.arrayContaining(["url", "attempts", "status", "toJSON"]));
    const model = await loadSpec("reserved.yaml", await writeSpec(members));
    const problem = model.schemas.find((s) => s.name === "Problem")!;
    expect(problem.errorClass?.fields.map((f) => f.name)).toEqual(["detail"]);
  });

  it("renames schemas named by a reserved word or a predefined type, and the SDK compiles", async () => {
    const path = await writeSpec(["url"]);
    const model = await loadSpec("reserved.yaml", path);
    const names = Object.fromEntries(model.schemas.map((s) => [s.name, s.typeName]));
    expect(names).toMatchObject({ import: "Import", package: "Package", string: "String" });
    expect(await typecheck(await generateFiles(targetFor(path, "Reserved", "reserved.yaml")))).toEqual([]);
  }, needs(4_000));
});
