/**
 * Whole generated output of tiny fixture specs, compared with committed snapshots
 * and type-checked in strict mode, with a small consumer that uses the surface.
 */
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { readmeExamples } from "../src/emit/readme/index.js";
import { generateFixture, generateFixtureReadme, typecheck } from "./helpers.js";

const CONSUMERS: Record<string, string> = {
  minimal: `
import { FxMinimal, type GetStatusResponse } from "./generated/index.js";
const client = new FxMinimal();
const status: Promise<GetStatusResponse> = client.getStatus();
// @ts-expect-error a required field of the response type is boolean
const bad: { ok: string } = {} as GetStatusResponse;
void status; void bad;
`,
  quirks: `
import { FxQuirks, Problem, type Item, type ListItemsRequest } from "./generated/index.js";
// A schema a $ref points into the middle of is typed where it is used, exported under no name of its own.
type ItemStatus = Item["status"];
const client = new FxQuirks({ security: { apiKey: "k" }, serverIdx: 1 });
const item: Promise<Item> = client.items.getItem({ itemId: "id", xTraceId: "t" });
const list: Promise<Item[]> = client.items.list({ pageSize: 5, status: "Active" });
const done: Promise<void> = client.items.replace({ itemId: "id", itemUpdate: { status: "Retired" } });
const history: Promise<string[]> = client.itemNotes.listHistory({ itemId: "id" });
const status: ItemStatus = "Active";
const request: ListItemsRequest = {};
// @ts-expect-error itemId is required
client.items.getItem({});
// @ts-expect-error the body is required
client.items.replace({ itemId: "id" });
// @ts-expect-error not a value of the enum
client.items.list({ status: "Gone" });
function handle(e: unknown) { if (e instanceof Problem) return e.retryable === true && e.status >= 400 && e.data.status; }
void item; void list; void done; void history; void status; void request; void handle;
`,
  pagination: `
import { FxPagination, type Order } from "./generated/index.js";
const client = new FxPagination();
async function use() {
  for await (const order of client.orders.listAll({ status: "open", pageSize: 50 })) { const o: Order = order; void o; }
  for await (const line of client.orders.linesAll({ orderId: "o1", page: 2 })) { const sku: string = line.sku; void sku; }
  const iterator: AsyncIterableIterator<Order> = client.orders.listAll();
  const all: Promise<string[]> = client.tags.listAll();
  void iterator; void all;
}
// @ts-expect-error events is not a paged list
void client.orders.eventsAll;
// @ts-expect-error orderId is required
client.orders.linesAll({});
void use;
`,
  media: `
import { FxMedia } from "./generated/index.js";
const client = new FxMedia();
const stored: Promise<void> = client.files.putNote({ requestBody: "remember the milk" });
const form: Promise<void> = client.files.submitForm({ requestBody: { name: "n", tags: ["a", "b"] } });
const upload: Promise<{ id?: string }> = client.files.uploadFile({ requestBody: { file: new Blob(["x"]), note: "n" } });
const bytes: Promise<Blob> = client.files.downloadBlob({ blobId: "b1" });
const replaced: Promise<void> = client.files.replaceBlob({ blobId: "b1", requestBody: new Uint8Array([1, 2]) });
const csv: Promise<string> = client.files.getReport();
// @ts-expect-error a text body is a string
client.files.putNote({ requestBody: 42 });
// @ts-expect-error the multipart file is required
client.files.uploadFile({ requestBody: { note: "n" } });
void stored; void form; void upload; void bytes; void replaced; void csv;
`,
  schemas: `
import { FxSchemas, type Shape, type Kind, type Tagged } from "./generated/index.js";
const client = new FxSchemas();
async function use() {
  const shape: Shape = await client.shapes.getShape({ shapeId: "5b6d1f0e-3c1a-4a8e-9d36-0c0b7a1f2e3d" });
  if (shape.kind === "circle") { const r: number = shape.radius; void r; } else { const s: number = shape.side; void s; }
  const note: string | null | undefined = shape.note;
  const patched: Shape = await client.shapes.patchShape({ shapeId: "id", requestBody: { anything: [1, { deep: true }] } });
  const labels: Record<string, string> = await client.shapes.getLabels();
  const kind: Kind = "square";
  const tagged: Tagged[] = ["a", 1];
  void note; void patched; void labels; void kind; void tagged;
}
// @ts-expect-error not a value of the enum
const wrong: Kind = "triangle";
void use; void wrong;
`,
};

describe.each([
  { name: "minimal", clientName: "FxMinimal" },
  { name: "quirks", clientName: "FxQuirks" },
  { name: "pagination", clientName: "FxPagination" },
  { name: "media", clientName: "FxMedia" },
  { name: "schemas", clientName: "FxSchemas" },
])("fixture $name", ({ name, clientName }) => {
  it("matches the committed snapshot, file by file", async () => {
    const files = await generateFixture(name, clientName);
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(`__snapshots__/${name}/${file.path}`);
    }
  });

  it("type-checks in strict mode together with a consumer", async () => {
    const files = await generateFixture(name, clientName);
    expect(await typecheck(files, { "consumer.ts": CONSUMERS[name]! })).toEqual([]);
  }, needs(4_000));

  it("is byte-identical when generated twice", async () => {
    expect(await generateFixture(name, clientName)).toEqual(await generateFixture(name, clientName));
  });

  it("renders the package README (x-codegen.readme), the same twice, matching its snapshot", async () => {
    const readme = await generateFixtureReadme(name, clientName);
    expect(readme).toBe(await generateFixtureReadme(name, clientName));
    await expect(readme).toMatchFileSnapshot(`__snapshots__/${name}/README.md`);
  });

  it("has README examples that type-check against the generated package", async () => {
    const examples = readmeExamples(await generateFixtureReadme(name, clientName));
    // Every operation has one, plus the construct, errors, retries, timeouts, raw-response and hooks sections.
    expect(examples.length).toBeGreaterThanOrEqual(6 + 1);
    // What an SDK package's hand-written src/index.ts adds to the generated barrel: the runtime's errors.
    const entry = `export * from "./generated/index.js";\nexport { SDKError, SDKValidationError, APIError } from "@x/runtime";\n`;
    const sources = Object.fromEntries(examples.map((code, i) => [`readme-${i}.ts`, code.replaceAll('from "@x/fixture"', 'from "./fixture-index.js"').replaceAll('from "@x/fixture/testing"', 'from "./generated/testing.js"')]));
    expect(await typecheck(await generateFixture(name, clientName), { "fixture-index.ts": entry, ...sources })).toEqual([]);
  }, needs(3_000));
});
