// A product team's ESM TypeScript project (strict; checked with moduleResolution node16
// and bundler): calls every operation of @x/common and @x/sync-commerce, as installed
// from the registry, against Prism, and prints one JSON line with what came back.
// Usage: node dist/main.js <common mock URL> <sync-commerce mock URL>
import { createRequire } from "node:module";
import { Common, ErrorMessage, SDK_VERSION as COMMON_VERSION, type Connection } from "@x/common";
import { SDK_VERSION as COMMERCE_VERSION, SyncCommerce } from "@x/sync-commerce";

const [commonURL, commerceURL] = process.argv.slice(2);
if (!commonURL || !commerceURL) throw new Error("usage: main.js <common URL> <sync-commerce URL>");

const require = createRequire(import.meta.url);
const installed = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

const authHeader = `Basic ${Buffer.from("rehearsal-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";

const userAgents: Record<string, string | null> = {};
const common = new Common({
  security: { authHeader },
  serverURL: commonURL,
  hooks: { beforeRequest: (_ctx, request) => void (userAgents["@x/common"] ??= request.headers.get("user-agent")) },
});
const sc = new SyncCommerce({
  security: async () => ({ authHeader }),
  serverURL: commerceURL,
  hooks: { beforeRequest: (_ctx, request) => void (userAgents["@x/sync-commerce"] ??= request.headers.get("user-agent")) },
});

const results: Record<string, string> = {};
async function call<T>(name: string, operation: () => Promise<T>, describe: (value: T) => string): Promise<void> {
  try {
    results[name] = `ok: ${describe(await operation())}`;
  } catch (error) {
    const detail = error instanceof ErrorMessage ? ` (HTTP ${error.status})` : "";
    results[name] = `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${detail}`;
  }
}

function describeConnection(connection: Connection): string {
  const platformKey: string = connection.integrationKey.toUpperCase(); // rehearsal: breaks when integrationKey becomes optional
  return `${connection.platformName} (${platformKey}), ${connection.status}`;
}

await call("@x/common connections.list", () => common.connections.list({ companyId, page: 1, pageSize: 100, orderBy: "-modifiedDate" }),
  (page) => `${page.results?.length ?? 0} of ${page.totalResults} connections`);
await call("@x/common connections.listAll", async () => {
  const all: Connection[] = [];
  for await (const connection of common.connections.listAll({ companyId, pageSize: 100 })) all.push(connection);
  return all;
}, (all) => `${all.length} connections`);
await call("@x/common connections.get", () => common.connections.get({ companyId, connectionId }), describeConnection);
await call("@x/common connections.create", () => common.connections.create({ companyId, requestBody: { platformKey: "gbol" } }),
  (connection) => `${connection.platformName}, ${connection.status}`);
await call("@x/common connections.unlinkConnection", () => common.connections.unlinkConnection({ companyId, connectionId, requestBody: { status: "Unlinked" } }),
  (connection) => `status ${connection.status}`);
await call("@x/common connections.updateAuthorization", () => common.connections.updateAuthorization({ companyId, connectionId, requestBody: { username: "finance@example.com" } }),
  (connection) => `${connection.platformName}, ${connection.status}`);
await call("@x/common connections.delete", () => common.connections.delete({ companyId, connectionId }), () => "deleted");
await call("@x/sync-commerce connections.getConnection", () => sc.connections.getConnection({ companyId, connectionId }),
  (connection) => `${connection.platformName} (${connection.integrationKey}), ${connection.status}`);
await call("@x/sync-commerce connections.unlink", () => sc.connections.unlink({ companyId, connectionId, updateConnection: { status: "Unlinked" } }),
  (connection) => `status ${connection.status}`);
await call("@x/sync-commerce connections.deleteConnection", () => sc.connections.deleteConnection({ companyId, connectionId }), () => "deleted");

const report = {
  consumer: "esm",
  node: process.versions.node,
  installed: { "@x/common": installed("@x/common"), "@x/sync-commerce": installed("@x/sync-commerce"), "@x/runtime": installed("@x/runtime") },
  sdkVersion: { "@x/common": COMMON_VERSION, "@x/sync-commerce": COMMERCE_VERSION },
  userAgents,
  results,
};
console.log(JSON.stringify(report));
process.exitCode = Object.values(results).every((r) => r.startsWith("ok:")) ? 0 : 1;
