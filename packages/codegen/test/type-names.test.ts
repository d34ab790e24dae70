/** Type names that would clash are settled deterministically, with a warning, never refused. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.1.0
info: { title: Files, version: "1" }
servers: [{ url: "https://files.example.com" }]
paths:
  /files/{id}:
    patch:
      operationId: update-file
      tags: [Files]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Files" } } } }
  /files:
    get:
      operationId: list-files
      tags: [Files]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { total: { type: integer } } } } } }
components:
  schemas:
    Files: { type: object, properties: { names: { type: array, items: { type: string } } } }
    UpdateFileRequest: { type: object, properties: { reason: { type: string } } }
    ListFilesResponse: { type: string }
`;

it("renames an operation's types when a schema already has one of their names, and type-checks", async () => {
  const spec = join(await tempDir(), "files.yaml");
  await writeFile(spec, SPEC);
  const model = await loadSpec("files.yaml", spec);
  expect(model.warnings).toEqual([
    "#/paths/~1files/get: its type ListFilesResponse would clash with schema ListFilesResponse; its types are named ListFilesOperationRequest (and so on) instead",
    "#/paths/~1files~1{id}/patch: its type UpdateFileRequest would clash with schema UpdateFileRequest; its types are named UpdateFileOperationRequest (and so on) instead",
  ]);
  const { files } = await generatePackage(targetFor(spec, "FileStore"));
  const consumer = `import { FileStore, type Files, type UpdateFileRequest, type UpdateFileOperationRequest, type ListFilesOperationResponse } from "./generated/index.js";
const store = new FileStore();
export async function use(reason: UpdateFileRequest): Promise<number> {
  const request: UpdateFileOperationRequest = { id: "f1", requestBody: { name: reason.reason ?? "x" } };
  const updated: Files = await store.files.updateFile(request);
  const page: ListFilesOperationResponse = await store.files.listFiles();
  return (updated.names?.length ?? 0) + (page.total ?? 0);
}
`;
  expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
}, needs(4_000));
