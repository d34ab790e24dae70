/** An error body's fields become fields of its error class, except those every APIError already has. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.0.3
info: { title: Errors, version: "1" }
servers: [{ url: https://api.example.test }]
paths:
  /things:
    get:
      operationId: list-things
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
        "404": { description: missing, content: { application/json: { schema: { $ref: "#/components/schemas/BasicError" } } } }
components:
  schemas:
    BasicError:
      type: object
      properties:
        message: { type: string }
        documentation_url: { type: string }
        url: { type: string }
        method: { type: string }
        attempts: { type: string }
        status: { type: string }
`;

describe("error classes", () => {
  it("leave out fields APIError has (url, method, attempts, status, message), and type-check", async () => {
    const spec = join(await tempDir(), "errors.yaml");
    await writeFile(spec, SPEC);
    const model = await loadSpec("errors.yaml", spec);
    const error = model.schemas.find((s) => s.name === "BasicError")!.errorClass!;
    expect(error.fields.map((f) => f.name)).toEqual(["documentation_url"]);
    expect(await typecheck(await generateFiles(targetFor(spec, "Errors")))).toEqual([]);
  }, needs(4_000));
});
