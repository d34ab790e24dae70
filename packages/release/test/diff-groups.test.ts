/**
 * Resource groups (`x-speakeasy-group`, OpenAPI 3.2 tag `parent`) decide a method's path on
 * the client, so a regrouping moves the method: callers of the old path no longer compile.
 */
import { expect, it } from "vitest";
import { diffSpecTexts } from "./diff/helpers.js";

const spec = (group: string, tags = "[{ name: Accounts payable }, { name: Bills }]") => `openapi: 3.2.0
info: { title: Ledger, version: "1" }
servers: [{ url: "https://api.example.com" }]
tags: ${tags}
paths:
  /bills/{billId}:
    get:
      operationId: get-accounting-bill
      tags: [Bills]
      x-speakeasy-name-override: get
${group}      parameters: [{ name: billId, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: none } }
`;

async function diff(before: string, after: string) {
  return (await diffSpecTexts(before, after)).map((c) => [c.bump, c.pointer, c.message]);
}

it("judges a new x-speakeasy-group a major: the method moves to the nested group", async () => {
  const changes = await diff(spec(""), spec("      x-speakeasy-group: accountsPayable.bills\n"));
  expect(changes).toContainEqual([
    "major", "#/paths/~1bills~1{billId}/get",
    "bills.get is renamed to accountsPayable.bills.get (grouping client.bills → client.accountsPayable.bills); callers calling bills.get no longer compile",
  ]);
  // The standalone function follows the method's path.
  expect(changes).toContainEqual(["major", "#", "exported name billsGet removed or renamed; callers importing it no longer compile"]);
  expect(changes).toContainEqual(["minor", "#", "new exported name accountsPayableBillsGet"]);
});

it("judges a tag's new parent a major, and an unchanged grouping written another way as no change to the methods", async () => {
  const nested = "[{ name: Accounts payable }, { name: Bills, parent: Accounts payable }]";
  const byParent = await diff(spec(""), spec("", nested));
  expect(byParent).toContainEqual([
    "major", "#/paths/~1bills~1{billId}/get",
    "bills.get is renamed to accountsPayable.bills.get (grouping client.bills → client.accountsPayable.bills); callers calling bills.get no longer compile",
  ]);
  // The same nesting, by the extension instead of the tag's parent: the SDK's surface is the same.
  const same = await diff(spec("", nested), spec("      x-speakeasy-group: accountsPayable.bills\n", nested));
  expect(same.filter((c) => c[0] === "major" || c[0] === "minor")).toEqual([]);
});
