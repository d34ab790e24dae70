/**
 * Whole generated output of tiny fixture specs, compared with committed snapshots
 * and type-checked in strict mode, with a small consumer that uses the surface.
 */
import { describe, expect, it } from "vitest";
import { generateFixture, typecheck } from "./helpers.js";

const CONSUMERS: Record<string, string> = {
  minimal: `
import { FxMinimal, type GetStatusResponse } from "./generated/index.js";
const client = new FxMinimal();
const status: Promise<GetStatusResponse> = client.default.getStatus();
// @ts-expect-error a required field of the response type is boolean
const bad: { ok: string } = {} as GetStatusResponse;
void status; void bad;
`,
  quirks: `
import { FxQuirks, Problem, type Item, type ItemStatus, type ListItemsRequest } from "./generated/index.js";
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
};

describe.each([
  { name: "minimal", clientName: "FxMinimal" },
  { name: "quirks", clientName: "FxQuirks" },
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
  });

  it("is byte-identical when generated twice", async () => {
    expect(await generateFixture(name, clientName)).toEqual(await generateFixture(name, clientName));
  });
});
