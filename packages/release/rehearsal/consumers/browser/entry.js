// The browser consumer: bundled with esbuild (platform browser) from @x/common as
// installed from the registry. Calls connections.list and connections.get against Prism
// (another origin: CORS) and writes what came back into the page. The mock's URL comes in
// the page's query string: index.html?api=http://127.0.0.1:PORT
import { Common, SDK_VERSION } from "@x/common";

const api = new URLSearchParams(location.search).get("api");
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
let sdkUserAgent = null;
const common = new Common({
  security: { authHeader: `Basic ${btoa("rehearsal-api-key")}` },
  serverURL: api,
  retryConfig: { strategy: "none" },
  hooks: { beforeRequest: (_ctx, request) => void (sdkUserAgent ??= request.headers.get("x-sdk-user-agent")) },
});

const output = document.getElementById("result");
const summary = document.getElementById("summary");
try {
  const page = await common.connections.list({ companyId, page: 1, pageSize: 100 });
  const connection = await common.connections.get({ companyId, connectionId });
  const result = {
    sdkVersion: SDK_VERSION,
    sdkUserAgent,
    list: { count: page.results?.length ?? 0, totalResults: page.totalResults, first: page.results?.[0]?.platformName ?? null },
    get: { id: connection.id, platformName: connection.platformName, integrationKey: connection.integrationKey, status: connection.status },
  };
  summary.textContent = `connections.list: ${result.list.count} of ${result.list.totalResults} connections; ` +
    `connections.get: ${connection.platformName} (${connection.integrationKey}), ${connection.status}`;
  output.textContent = JSON.stringify(result);
  document.body.dataset.state = "done";
} catch (error) {
  output.textContent = JSON.stringify({ error: `${error?.name}: ${error?.message}` });
  document.body.dataset.state = "error";
}
