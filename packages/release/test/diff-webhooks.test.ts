/** Webhook payloads are types a receiver reads: judged like responses. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { diffSpecFiles, highestBump } from "../src/diff/index.js";
import { REPO_ROOT } from "./diff/helpers.js";

const dir = await mkdtemp(join(tmpdir(), "x-diff-webhooks-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const spec = await readFile(join(REPO_ROOT, "packages/codegen/test/fixtures/webhooks.yaml"), "utf8");
const ADOPTED = "properties: { id: { type: string } } }";

async function diff(before: string, after: string) {
  await writeFile(join(dir, "before.yaml"), before);
  await writeFile(join(dir, "after.yaml"), after);
  return diffSpecFiles({ file: "before.yaml", path: join(dir, "before.yaml") }, { file: "after.yaml", path: join(dir, "after.yaml") });
}

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
