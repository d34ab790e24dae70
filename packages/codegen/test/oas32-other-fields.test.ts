/**
 * The rest of OpenAPI 3.2's new fields, on a valid 3.2 document: none is a generic lint
 * warning. An Example Object's `dataValue` is the example's value; documentation fields (a
 * tag's and a response's `summary`, a server's `name`, XML's `nodeType`) and reusable media
 * types are accepted; what is not generated (`defaultMapping`, `prefixEncoding`,
 * `itemEncoding`) is warned about by name, with its pointer. The same fields stay lint
 * findings in a 3.1 document, where they are not valid.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import { tempDir } from "./helpers.js";

const spec = (version: string) => `openapi: ${version}
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com", name: production }]
tags: [{ name: Pets, summary: All pets }]
paths:
  /pets:
    get:
      operationId: list-pets
      tags: [Pets]
      responses:
        "200":
          summary: The pets
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
              examples:
                tom: { summary: a cat, dataValue: { kind: cat, name: Tom } }
    post:
      operationId: upload-pets
      tags: [Pets]
      requestBody:
        content:
          multipart/mixed:
            itemSchema: { type: string }
            itemEncoding: { contentType: text/plain }
      responses:
        "200": { $ref: "#/components/responses/Pets" }
components:
  mediaTypes:
    PetJson: { schema: { $ref: "#/components/schemas/Pet" } }
  responses:
    Pets:
      description: ok
      content:
        application/json: { $ref: "#/components/mediaTypes/PetJson" }
  schemas:
    Pet:
      type: object
      required: [kind]
      properties: { kind: { type: string }, name: { type: string } }
      xml: { nodeType: element }
      discriminator: { propertyName: kind, defaultMapping: "#/components/schemas/Pet" }
`;

async function load(version: string) {
  const path = join(await tempDir(), "spec.yaml");
  await writeFile(path, spec(version));
  return loadSpec("spec.yaml", path, { clientName: "Pets" });
}

it("reads dataValue as the example, accepts documentation fields, and warns by name about what it does not generate", async () => {
  const model = await load("3.2.0");
  expect([...model.warnings].sort()).toEqual([
    "#/components/schemas/Pet/discriminator/defaultMapping: OpenAPI 3.2: a discriminator's defaultMapping is not generated: a payload whose discriminator value is not mapped is typed as the union of the mapped schemas",
    "#/paths/~1pets/post/requestBody/content/multipart~1mixed/itemEncoding: OpenAPI 3.2: a media type's prefixEncoding and itemEncoding are not generated: the parts of a streamed multipart body are encoded by their `encoding` or their schema",
  ]);
  const list = model.resources.flatMap((r) => r.operations).find((o) => o.operationId === "list-pets")!;
  expect(list.response).toMatchObject({ kind: "json", schemaName: "Pet", example: { value: { kind: "cat", name: "Tom" }, fromSpec: true } });
  // A response reached through a reusable media type is typed by its schema.
  const upload = model.resources.flatMap((r) => r.operations).find((o) => o.operationId === "upload-pets")!;
  expect(upload.response).toMatchObject({ kind: "json", schemaName: "Pet" });
});

it("leaves them lint findings in a 3.1 document", async () => {
  const lint = (await load("3.1.0")).warnings.filter((w) => w.startsWith("lint:"));
  for (const field of ["/servers/0/name", "/tags/0/summary", "/responses/200/summary", "/dataValue", "/itemEncoding", "/xml/nodeType", "/discriminator/defaultMapping", "#/components/mediaTypes"]) {
    expect(lint.some((w) => w.includes(field)), field).toBe(true);
  }
});
