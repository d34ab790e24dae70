/**
 * `common.connections.get` against a raw `fetch` + `JSON.parse` of the same request,
 * served by a local node:http server with a fixed Connection body (no Prism, so the
 * server's own cost stays small and equal for both sides).
 */
import { Common } from "@x/common";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { compare, report } from "./stats.ts";

const ROUNDS = 2_000;
const WARMUP = 200;
const body = JSON.stringify({
  id: "ee2eb431-c0fa-4dc9-93fa-d29781c12bcd", integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c", integrationKey: "dfxm",
  sourceId: "bdd831ce-eebd-4896-89a7-20e5ee8989ee", platformName: "Basiq", linkUrl: "https://link-api.codat.io/start",
  status: "Linked", lastSync: "2022-10-27T10:22:43.6464237Z", created: "2022-10-27T09:53:29Z", sourceType: "Banking",
});
const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
const authHeader = "Basic YmVuY2g=";

try {
  const common = new Common({ security: { authHeader }, serverURL: base });
  const figures = await compare(
    [
      {
        name: "raw fetch",
        run: async () => {
          const response = await fetch(`${base}/companies/${companyId}/connections/${connectionId}`, { headers: { Authorization: authHeader, Accept: "application/json" } });
          return JSON.parse(await response.text());
        },
      },
      { name: "@x/common connections.get", run: () => common.connections.get({ companyId, connectionId }) },
    ],
    ROUNDS,
    WARMUP,
  );
  console.log(report(`One GET, sequential (${ROUNDS} rounds, interleaved, after ${WARMUP} warm-up)`, figures));
} finally {
  server.close();
}
