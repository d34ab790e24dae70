// A product team's CommonJS project: require()s @x/common and @x/sync-commerce as
// installed from the registry, calls every operation against Prism and prints one JSON
// line with what came back. Usage: node index.js <common mock URL> <sync-commerce mock URL>
"use strict";
const { Common, ErrorMessage, SDK_VERSION: COMMON_VERSION } = require("@x/common");
const { SyncCommerce, SDK_VERSION: COMMERCE_VERSION } = require("@x/sync-commerce");

const [commonURL, commerceURL] = process.argv.slice(2);
const authHeader = `Basic ${Buffer.from("rehearsal-api-key").toString("base64")}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";

const userAgents = {};
const common = new Common({
  security: { authHeader },
  serverURL: commonURL,
  hooks: { beforeRequest: (_ctx, request) => void (userAgents["@x/common"] ??= request.headers.get("user-agent")) },
});
const sc = new SyncCommerce({
  security: { authHeader },
  serverURL: commerceURL,
  hooks: { beforeRequest: (_ctx, request) => void (userAgents["@x/sync-commerce"] ??= request.headers.get("user-agent")) },
});

const results = {};
async function call(name, operation, describe) {
  try {
    results[name] = `ok: ${describe(await operation())}`;
  } catch (error) {
    const detail = error instanceof ErrorMessage ? ` (HTTP ${error.status})` : "";
    results[name] = `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${detail}`;
  }
}

async function main() {
  await call("@x/common connections.list", () => common.connections.list({ companyId, page: 1, pageSize: 100, orderBy: "-modifiedDate" }),
    (page) => `${page.results?.length ?? 0} of ${page.totalResults} connections`);
  await call("@x/common connections.listAll", async () => {
    const all = [];
    for await (const connection of common.connections.listAll({ companyId, pageSize: 100 })) all.push(connection);
    return all;
  }, (all) => `${all.length} connections`);
  await call("@x/common connections.get", () => common.connections.get({ companyId, connectionId }),
    (connection) => `${connection.platformName} (${connection.integrationKey}), ${connection.status}`);
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

  console.log(JSON.stringify({
    consumer: "cjs",
    node: process.versions.node,
    installed: {
      "@x/common": require("@x/common/package.json").version,
      "@x/sync-commerce": require("@x/sync-commerce/package.json").version,
      "@x/runtime": require("@x/runtime/package.json").version,
    },
    sdkVersion: { "@x/common": COMMON_VERSION, "@x/sync-commerce": COMMERCE_VERSION },
    // Which build require() loaded: the CommonJS one.
    resolved: { "@x/common": require.resolve("@x/common"), "@x/sync-commerce": require.resolve("@x/sync-commerce") },
    userAgents,
    results,
  }));
  process.exitCode = Object.values(results).every((r) => r.startsWith("ok:")) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
