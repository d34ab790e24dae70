/** Webhook payloads become exported types; callbacks are skipped with a located warning. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { FIXTURES, targetFor, typecheck, tempDir } from "./helpers.js";
import { writeFile } from "node:fs/promises";

const SPEC = join(FIXTURES, "webhooks.yaml");

const CONSUMER = `import type { NewPetWebhookPayload, PetIdAdoptedWebhookPayload, Pet } from "./generated/index.js";
export function onNewPet(body: NewPetWebhookPayload): Pet {
  return body;
}
export function onAdopted(body: PetIdAdoptedWebhookPayload): string | undefined {
  return body.id;
}
`;

describe("webhooks and callbacks", () => {
  it("reads each webhook's JSON payload and warns, located, about callbacks", async () => {
    const model = await loadSpec("webhooks.yaml", SPEC);
    expect(model.webhooks).toEqual([
      { name: "newPet", method: "post", mediaType: "application/json", typeName: "NewPetWebhookPayload", description: "Information about a new pet" },
      { name: "pet/{id}/adopted", method: "post", mediaType: "application/json", typeName: "PetIdAdoptedWebhookPayload" },
    ]);
    expect(model.warnings).toEqual(["#/paths/~1pets/get/callbacks: callbacks are not generated (onData); the operation is"]);
  });

  it("exports the payload types, which type-check with a receiver", async () => {
    const { files } = await generatePackage(targetFor(SPEC, "Pets", "test/fixtures/webhooks.yaml"));
    const barrel = files.find((f) => f.path === "index.ts")!.contents;
    expect(barrel).toContain('  NewPetWebhookPayload,\n  PetIdAdoptedWebhookPayload,\n} from "./models.js";');
    expect(barrel).toContain('export type { components, operations, paths, webhooks } from "./types.js";');
    expect(await typecheck(files, { "consumer.ts": CONSUMER })).toEqual([]);
  }, needs(4_000));

  it("keeps a tag named Webhooks apart from the payload types", async () => {
    const dir = await tempDir();
    const spec = join(dir, "tagged.yaml");
    await writeFile(spec, (await import("node:fs")).readFileSync(SPEC, "utf8").replace("operationId: list-pets\n", "operationId: list-pets\n      tags: [Webhooks]\n"));
    const { files } = await generatePackage(targetFor(spec, "Pets"));
    expect(files.map((f) => f.path)).toContain("webhooks.ts");
    const consumer = `import { Pets, type NewPetWebhookPayload } from "./generated/index.js";\nexport const list = new Pets().webhooks.listPets({});\nexport const id = (p: NewPetWebhookPayload): string => p.id;\n`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(3_000));

  it("generates a spec that has webhooks and no paths", async () => {
    const dir = await tempDir();
    const spec = join(dir, "hooks-only.yaml");
    await writeFile(spec, `openapi: 3.1.0
info: { title: Hooks, version: "1" }
servers: [{ url: "https://hooks.example.com" }]
webhooks:
  ping:
    post:
      requestBody: { content: { application/json: { schema: { type: object, properties: { at: { type: string } } } } } }
      responses: { "200": { description: ok } }
`);
    const { files, packageFiles } = await generatePackage({ ...targetFor(spec, "Hooks"), readme: { path: "README.md", specLink: "hooks-only.yaml" } });
    expect(packageFiles.map((f) => f.path)).toEqual(["README.md"]);
    expect(packageFiles[0]!.contents).toContain("| `ping` | POST | `PingWebhookPayload` |");
    expect(packageFiles[0]!.contents).not.toContain("## Errors");
    expect(await typecheck(files, { "consumer.ts": `import type { PingWebhookPayload } from "./generated/index.js";\nexport const at = (p: PingWebhookPayload): string | undefined => p.at;\n` })).toEqual([]);
  }, needs(2_000));
});
