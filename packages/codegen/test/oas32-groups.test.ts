/**
 * OpenAPI 3.2's tag `parent` and `kind`, the `query` method and `additionalOperations`: each
 * generated, or warned about by name with its pointer; never a generic lint warning.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { sdkPath } from "../src/load/model.js";
import { send, startServer, type TestServer } from "../../runtime/test/support/server.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.2.0
info: { title: Shop, version: "1" }
servers: [{ url: "https://api.example.com" }]
tags:
  - { name: Accounts payable, kind: nav, description: Money owed. }
  - { name: Bills, parent: Accounts payable, description: Bills to pay. }
  - { name: Beta, kind: badge }
  - { name: Drafts, parent: Nowhere }
paths:
  /bills/{billId}:
    parameters: [{ name: billId, in: path, required: true, schema: { type: string } }]
    get:
      operationId: get-bill
      x-speakeasy-name-override: get
      tags: [Beta, Bills]
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Bill" } } } } }
    additionalOperations:
      COPY:
        operationId: copy-bill
        x-speakeasy-name-override: copy
        tags: [Bills]
        parameters: [{ name: Destination, in: header, required: true, schema: { type: string } }]
        responses: { "204": { description: copied } }
      Purge:
        operationId: purge-bill
        responses: { "204": { description: purged } }
      POST:
        operationId: post-bill
        responses: { "204": { description: posted } }
  /bills:
    query:
      operationId: search-bills
      x-speakeasy-name-override: search
      tags: [Bills]
      parameters: [{ name: limit, in: query, schema: { type: integer } }]
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { text: { type: string } } } } }
      responses:
        "200": { description: found, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Bill" } } } } }
  /beta:
    get:
      operationId: beta-status
      tags: [Beta]
      responses: { "204": { description: ok } }
  /drafts:
    get:
      operationId: list-drafts
      tags: [Drafts]
      responses: { "204": { description: ok } }
components:
  schemas:
    Bill: { type: object, properties: { id: { type: string } } }
`;

const CALLS = `import { Shop, ShopCore, accountsPayableBillsSearch, type Bill } from "./generated/index.js";

export async function run(serverURL: string): Promise<unknown[]> {
  const client = new Shop({ serverURL, retryConfig: { strategy: "none" } });
  const found: Bill[] = await client.accountsPayable.bills.search({ limit: 2, requestBody: { text: "rent" } });
  const one: Bill = await client.accountsPayable.bills.get({ billId: "b1" });
  const copied: void = await client.accountsPayable.bills.copy({ billId: "b1", destination: "/bills/b2" });
  await client.betaStatus();
  const viaFunction = await accountsPayableBillsSearch(new ShopCore({ serverURL }), { requestBody: {} });
  return [found, one, copied, viaFunction];
}
`;

let server: TestServer;
/** Each request as the server saw it: method, target, body, and a COPY's destination. */
const seen = () => server.received.map((r) => [r.method, r.url, r.body, r.headers.destination ? `→ ${String(r.headers.destination)}` : ""].filter(Boolean).join(" "));

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.method === "QUERY") return send(res, { status: 200, body: [{ id: "b1" }] });
    if (req.method === "GET" && req.url === "/bills/b1") return send(res, { status: 200, body: { id: "b1" } });
    res.writeHead(204).end();
  });
});

afterAll(() => server.close());

async function load() {
  const spec = join(await tempDir(), "shop.yaml");
  await writeFile(spec, SPEC);
  return { spec, model: await loadSpec("shop.yaml", spec, { clientName: "Shop" }) };
}

describe("OpenAPI 3.2", () => {
  it("nests a tag under its parent, groups by the first nav tag, and reads query and custom methods", async () => {
    const { model } = await load();
    expect(model.resources.flatMap((r) => r.operations.map((op) => `${sdkPath(r, op)} ${op.method} ${op.pointer}`))).toEqual([
      "betaStatus get #/paths/~1beta/get",
      "accountsPayable.bills.copy COPY #/paths/~1bills~1{billId}/additionalOperations/COPY",
      "accountsPayable.bills.get get #/paths/~1bills~1{billId}/get",
      "accountsPayable.bills.search query #/paths/~1bills/query",
      "drafts.listDrafts get #/paths/~1drafts/get",
    ]);
    expect(model.resources.map((r) => [r.path.join("."), r.tag, r.description])).toEqual([
      ["", "", undefined],
      ["accountsPayable", "Accounts payable", "Money owed."],
      ["accountsPayable.bills", "Bills", "Bills to pay."],
      ["drafts", "Drafts", undefined],
    ]);
  });

  it("warns by name, with the pointer, about what it does not generate, and never with a generic lint warning", async () => {
    const { model } = await load();
    expect(model.warnings).toEqual([
      '#/tags/3/parent: "Nowhere" names no tag of #/tags; "Drafts" is reached from the client',
      '#/paths/~1bills~1{billId}/additionalOperations/Purge: the method "Purge" cannot be sent as written (fetch clients send a method upper-cased, and HTTP methods are case-sensitive); not generated',
      "#/paths/~1bills~1{billId}/additionalOperations/POST: POST is the method of the path item's field post, where OpenAPI 3.2 wants it; not generated",
    ]);
  });

  it("warns about a cycle of tag parents and a parent that does not group", async () => {
    const spec = join(await tempDir(), "cycle.yaml");
    await writeFile(spec, SPEC.replace("{ name: Accounts payable, kind: nav,", "{ name: Accounts payable, parent: Bills,").replace("{ name: Drafts, parent: Nowhere }", "{ name: Drafts, parent: Beta }"));
    const model = await loadSpec("cycle.yaml", spec);
    expect(model.warnings.filter((w) => w.startsWith("#/tags"))).toEqual([
      '#/tags/3/parent: the parent "Beta" is a badge tag, which does not group operations; "Drafts" is reached from the client',
      '#/tags/0/parent: tag parents form a cycle (Accounts payable → Bills → Accounts payable); "Accounts payable" is reached from the client',
    ]);
  });

  it("generates QUERY and custom-method calls that type-check and send their methods", async () => {
    const { spec } = await load();
    const { files } = await generatePackage(targetFor(spec, "Shop"));
    const bills = files.find((f) => f.path === "accounts-payable-bills.ts")!.contents;
    expect(bills).toContain('  method: "query",\n');
    expect(bills).toContain('  method: "COPY",\n');
    expect(files.find((f) => f.path === "types.ts")!.contents).toMatch(/"search-bills": \{/);
    expect(await typecheck(files, { "calls.ts": CALLS })).toEqual([]);
    const dir = await tempDir("x-codegen-oas32-");
    await mkdir(join(dir, "generated"), { recursive: true });
    for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
    await writeFile(join(dir, "calls.ts"), CALLS);
    const { run } = await import(pathToFileURL(join(dir, "calls.ts")).href) as { run(url: string): Promise<unknown[]> };
    expect(await run(server.url)).toEqual([[{ id: "b1" }], { id: "b1" }, undefined, [{ id: "b1" }]]);
    expect(seen()).toEqual([
      'QUERY /bills?limit=2 {"text":"rent"}',
      "GET /bills/b1",
      "COPY /bills/b1 → /bills/b2",
      "GET /beta",
      "QUERY /bills {}",
    ]);
  }, needs(8_000));
});
