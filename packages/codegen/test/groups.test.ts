/**
 * Nested resource groups: an operation's `x-speakeasy-group` (a dotted path) or an OpenAPI 3.2
 * tag's `parent` chain nests resources (`client.accountsPayable.bills.get`), and the standalone
 * functions, the README and the method paths follow.
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
import type { GeneratedFile } from "../src/emit/source.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const ok = `responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } } } }`;

const GROUPED = `openapi: 3.1.0
info: { title: Ledger, version: "1" }
servers: [{ url: "https://api.example.com" }]
tags: [{ name: Accounts payable, description: Money the company owes. }]
paths:
  /bills/{billId}:
    get:
      operationId: get-accounting-bill
      tags: [Accounts payable]
      x-speakeasy-group: accountsPayable.bills
      x-speakeasy-name-override: get
      parameters: [{ name: billId, in: path, required: true, schema: { type: string } }]
      ${ok}
  /bills:
    get:
      operationId: list-accounting-bills
      tags: [Accounts payable]
      x-speakeasy-group: accountsPayable.bills
      x-speakeasy-name-override: list
      ${ok}
  /bill-credit-notes/{id}:
    get:
      operationId: get-bill-credit-note
      tags: [Accounts payable]
      x-speakeasy-group: accountsPayable.billCreditNotes
      x-speakeasy-name-override: get
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      ${ok}
  /suppliers:
    get:
      operationId: list-suppliers
      tags: [Accounts payable]
      ${ok}
  /reports/aged:
    get:
      operationId: get-aged-report
      x-speakeasy-group: reports.aged
      x-speakeasy-name-override: get
      ${ok}
components:
  schemas:
    Item: { type: object, properties: { path: { type: string } } }
`;

const CALLS = `import { Ledger, LedgerCore, accountsPayableBillsGet, reportsAgedGet, type Item } from "./generated/index.js";

export async function run(serverURL: string): Promise<unknown[]> {
  const client = new Ledger({ serverURL, retryConfig: { strategy: "none" } });
  const core = new LedgerCore({ serverURL, retryConfig: { strategy: "none" } });
  const items: Item[] = [
    await client.accountsPayable.bills.get({ billId: "b1" }),
    await client.accountsPayable.bills.list(),
    await client.accountsPayable.billCreditNotes.get({ id: "n1" }),
    await client.accountsPayable.listSuppliers(),
    await client.reports.aged.get(),
    await accountsPayableBillsGet(core, { billId: "b2" }),
    await reportsAgedGet(client),
  ];
  return items.map((i) => i.path);
}
`;

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => send(res, { status: 200, body: { path: `${req.method} ${req.url}` } }));
});

afterAll(() => server.close());

async function specFile(text: string, name = "spec.yaml"): Promise<string> {
  const file = join(await tempDir(), name);
  await writeFile(file, text);
  return file;
}

const contents = (files: readonly GeneratedFile[], path: string) => files.find((f) => f.path === path)!.contents;

describe("x-speakeasy-group", () => {
  it("nests resources by the dotted path, with short method names and standalone functions named by the whole path", async () => {
    const spec = await specFile(GROUPED);
    const model = await loadSpec("spec.yaml", spec, { clientName: "Ledger" });
    const paths = model.resources.flatMap((r) => r.operations.map((op) => sdkPath(r, op)));
    expect(paths).toEqual(["accountsPayable.listSuppliers", "accountsPayable.billCreditNotes.get", "accountsPayable.bills.get", "accountsPayable.bills.list", "reports.aged.get"]);
    expect(model.resources.map((r) => [r.path.join("."), r.className, r.fileName])).toEqual([
      ["accountsPayable", "AccountsPayable", "accounts-payable"],
      ["accountsPayable.billCreditNotes", "AccountsPayableBillCreditNotes", "accounts-payable-bill-credit-notes"],
      ["accountsPayable.bills", "AccountsPayableBills", "accounts-payable-bills"],
      ["reports", "Reports", "reports"],
      ["reports.aged", "ReportsAged", "reports-aged"],
    ]);
    expect(model.resources.flatMap((r) => r.operations.map((op) => op.names.function))).toEqual([
      "accountsPayableListSuppliers", "accountsPayableBillCreditNotesGet", "accountsPayableBillsGet", "accountsPayableBillsList", "reportsAgedGet",
    ]);
    // The operation types keep the operationId's names, as the vendor's SDK does.
    expect(model.resources.flatMap((r) => r.operations.map((op) => op.names.request))).toContain("GetAccountingBillRequest");
    expect(model.warnings.filter((w) => w.includes("want"))).toEqual([]);
  });

  it("generates classes that reach each group, type-checks, and calls every method at its nested path", async () => {
    const { files } = await generatePackage(targetFor(await specFile(GROUPED), "Ledger"));
    expect(await typecheck(files, { "calls.ts": CALLS })).toEqual([]);
    expect(contents(files, "accounts-payable.ts")).toContain("  readonly bills: AccountsPayableBills;\n");
    expect(contents(files, "sdk.ts")).not.toContain("AccountsPayableBills");
    // A group that only holds groups has no operations of its own, and no standalone functions to export.
    expect(contents(files, "reports.ts")).toContain("  readonly aged: ReportsAged;\n");
    expect(contents(files, "index.ts")).not.toContain('from "./reports.js"');
    const dir = await tempDir("x-codegen-groups-");
    await mkdir(join(dir, "generated"), { recursive: true });
    for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
    await writeFile(join(dir, "calls.ts"), CALLS);
    const { run } = await import(pathToFileURL(join(dir, "calls.ts")).href) as { run(url: string): Promise<unknown[]> };
    expect(await run(server.url)).toEqual([
      "GET /bills/b1", "GET /bills", "GET /bill-credit-notes/n1", "GET /suppliers", "GET /reports/aged", "GET /bills/b2", "GET /reports/aged",
    ]);
  }, needs(8_000));

  it("lists each group's operations in the README under their nested path", async () => {
    const { packageFiles } = await generatePackage({ ...targetFor(await specFile(GROUPED), "Ledger"), readme: { path: "README.md", specLink: "spec.yaml" } });
    const readme = contents(packageFiles, "README.md");
    expect(readme).toContain("- [accountsPayable.bills](#accountspayablebills): [`get`](#accountspayablebillsget), [`list`](#accountspayablebillslist)");
    expect(readme).toContain("## accountsPayable.bills\n\nReached through `ledger.accountsPayable.bills`.");
    expect(readme).toContain("### accountsPayable.bills.get\n");
    expect(readme).toContain("## Accounts payable\n\nMoney the company owes.\n\nReached through `ledger.accountsPayable`.");
    // A group without operations of its own has no section.
    expect(readme).not.toMatch(/^## reports$/m);
  });

  it("warns about a group that is not a dotted path of names and groups the operation by its tag", async () => {
    const spec = await specFile(GROUPED.replace("x-speakeasy-group: reports.aged", 'x-speakeasy-group: "reports..aged"'));
    const model = await loadSpec("spec.yaml", spec);
    expect(model.warnings).toContain('#/paths/~1reports~1aged/get/x-speakeasy-group: "reports..aged" is not a dotted path of names (like "accountsPayable.bills"); the operation is grouped by its tag instead');
    expect(model.resources.find((r) => r.onClient)?.operations.map((op) => op.methodName)).toEqual(["get"]);
  });
});

describe("operations of one resource wanting one name", () => {
  it("keeps the name for the first and warns once, naming each operation and the method it got", async () => {
    // Without the groups, every operation of the tag lands on one resource.
    const flat = GROUPED.replace(/\n {6}x-speakeasy-group: .*/g, "").replace("/reports/aged:\n    get:\n", "/reports/aged:\n    get:\n      tags: [Accounts payable]\n");
    const model = await loadSpec("spec.yaml", await specFile(flat));
    expect(model.resources.flatMap((r) => r.operations.map((op) => sdkPath(r, op)))).toEqual([
      "accountsPayable.get", "accountsPayable.getAgedReport", "accountsPayable.getBillCreditNote", "accountsPayable.list", "accountsPayable.listSuppliers",
    ]);
    expect(model.warnings.filter((w) => w.includes("want"))).toEqual([
      "#/paths/~1bills~1{billId}/get: 3 operations of client.accountsPayable want the method get: " +
      "get-accounting-bill (#/paths/~1bills~1{billId}/get) is accountsPayable.get; " +
      "get-bill-credit-note (#/paths/~1bill-credit-notes~1{id}/get) is accountsPayable.getBillCreditNote; " +
      "get-aged-report (#/paths/~1reports~1aged/get) is accountsPayable.getAgedReport " +
      "(give each an x-speakeasy-name-override, or an x-speakeasy-group, to choose)",
    ]);
  });
});
