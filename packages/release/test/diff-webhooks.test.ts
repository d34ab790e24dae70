/** Webhook payloads are types a receiver reads: judged like responses. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { highestBump } from "../src/diff/index.js";
import { diffSpecTexts as diff, REPO_ROOT } from "./diff/helpers.js";

const spec = await readFile(join(REPO_ROOT, "packages/codegen/test/fixtures/webhooks.yaml"), "utf8");
const ADOPTED = "properties: { id: { type: string } } }";

it.each([
  { name: "a payload gains an optional property", edit: (s: string) => s.replace(ADOPTED, "properties: { id: { type: string }, at: { type: string } } }"), bump: "minor" },
  { name: "a payload property becomes required", edit: (s: string) => s.replace(ADOPTED, "required: [id], properties: { id: { type: string } } }"), bump: "minor" },
  { name: "a payload loses a property", edit: (s: string) => s.replace(ADOPTED, "properties: { ref: { type: string } } }"), bump: "major" },
  { name: "a payload property changes type", edit: (s: string) => s.replace(ADOPTED, "properties: { id: { type: integer } } }"), bump: "major" },
  { name: "a webhook is removed (its payload type goes)", edit: (s: string) => s.replace(/  pet\/\{id\}\/adopted:[\s\S]*?(?=components:)/, ""), bump: "major" },
])("$name: $bump", async ({ edit, bump }) => {
  const after = edit(spec);
  expect(after).not.toBe(spec);
  expect(highestBump(await diff(spec, after))).toBe(bump);
});

it("a new webhook is a minor change: a new exported payload type", async () => {
  const without = spec.replace(/  pet\/\{id\}\/adopted:[\s\S]*?(?=components:)/, "");
  const changes = await diff(without, spec);
  expect(highestBump(changes)).toBe("minor");
  expect(changes.map((c) => c.message)).toContain("new exported name PetIdAdoptedWebhookPayload");
});
