/**
 * `pnpm demo`: serves both specs with Prism on 127.0.0.1, calls every operation
 * through the generated SDKs as a product team would, and prints what came back.
 * No account needed: the mock answers with the spec's examples.
 */
import { Common } from "@x/common";
import { SPECS, startMockServer } from "@x/mock-server";
import { SyncCommerce } from "@x/sync-commerce";
import { row, table, type Row } from "./table.ts";

const authHeader = `Basic ${Buffer.from("demo-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";

const [commonMock, commerceMock] = await Promise.all([
  startMockServer(SPECS.common),
  startMockServer(SPECS["sync-commerce"]),
]);
try {
  const common = new Common({ security: { authHeader }, serverURL: commonMock.url });
  const sc = new SyncCommerce({ security: { authHeader }, serverURL: commerceMock.url });
  const anonymous = new Common({ serverURL: commonMock.url, retryConfig: { strategy: "none" } });

  const rows: Row[] = [
    await row("@x/common", "connections.list", () => common.connections.list({ companyId, page: 1, pageSize: 100, orderBy: "-modifiedDate" }),
      (page) => `${page.results?.length ?? 0} of ${page.totalResults} connections`),
    await row("@x/common", "connections.get", () => common.connections.get({ companyId, connectionId }),
      (c) => `${c.platformName} (${c.integrationKey}), ${c.status}`),
    await row("@x/common", "connections.create", () => common.connections.create({ companyId, requestBody: { platformKey: "gbol" } }),
      (c) => `${c.platformName}, ${c.status}`),
    await row("@x/common", "connections.unlinkConnection", () => common.connections.unlinkConnection({ companyId, connectionId, requestBody: { status: "Unlinked" } }),
      (c) => `status ${c.status}`),
    await row("@x/common", "connections.updateAuthorization", () => common.connections.updateAuthorization({ companyId, connectionId, requestBody: { username: "finance@example.com" } }),
      (c) => `${c.platformName}, ${c.status}`),
    await row("@x/common", "connections.delete", () => common.connections.delete({ companyId, connectionId }),
      () => "deleted (no content)"),
    await row("@x/sync-commerce", "connections.getConnection", () => sc.connections.getConnection({ companyId, connectionId }),
      (c) => `${c.platformName} (${c.integrationKey}), ${c.status}`),
    await row("@x/sync-commerce", "connections.unlink", () => sc.connections.unlink({ companyId, connectionId, updateConnection: { status: "Unlinked" } }),
      (c) => `status ${c.status}`),
    await row("@x/sync-commerce", "connections.deleteConnection", () => sc.connections.deleteConnection({ companyId, connectionId }),
      () => "deleted (no content)"),
    await row("@x/common", "connections.get().withResponse()", () => common.connections.get({ companyId, connectionId }).withResponse(),
      ({ data, response }) => `HTTP ${response.status} ${response.headers.get("content-type") ?? ""}; ${data.status}`),
    await row("@x/common", "connections.listAll (for await)", async () => {
      const items = [];
      for await (const connection of common.connections.listAll({ companyId, pageSize: 100 })) items.push(connection);
      return items;
    }, (items) => `${items.length} connections, page by page`),
    await row("@x/common", "connections.get (404)", () => common.connections.get({ companyId, connectionId }, { headers: { Prefer: "code=404" }, retries: { strategy: "none" } }),
      () => "unexpected success"),
    await row("@x/common", "connections.get (no key)", () => anonymous.connections.get({ companyId, connectionId }),
      () => "unexpected success"),
    await row("@x/common", "connections.list (pageSize 6000)", () => common.connections.list({ companyId, pageSize: 6000 }),
      () => "unexpected success"),
  ];
  console.log(table(rows));
  const expected = rows.filter((r) => r.outcome === "ok").length === 11 &&
    rows.slice(11, 13).every((r) => r.outcome === "ErrorMessage") && rows[13]?.outcome === "SDKValidationError";
  console.log(expected
    ? "\nAll 9 operations answered (one also with its HTTP response, the list also page by page); documented errors arrived as ErrorMessage; the bad argument was refused before sending."
    : "\nSomething did not behave as documented: see the table above.");
  process.exitCode = expected ? 0 : 1;
} finally {
  await Promise.all([commonMock.close(), commerceMock.close()]);
}

