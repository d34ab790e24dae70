// The fixture server of `pnpm bench`, in a process of its own so that it does not share the
// client's event loop: node:http with keep-alive, a fixed Connection for GET
// /companies/{companyId}/connections/{connectionId}, the documented 404 (ErrorMessage) for
// the id ending in 404. Prints its URL on the first line of stdout; ends with its parent.
import { createServer } from "node:http";

const connection = JSON.stringify({
  id: "2e9d2c44-f675-40ba-8049-353bfcb5e171", integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c", integrationKey: "dfxm",
  sourceId: "bdd831ce-eebd-4896-89a7-20e5ee8989ee", platformName: "Basiq", linkUrl: "https://link-api.codat.io/start",
  status: "Linked", lastSync: "2022-10-27T10:22:43.6464237Z", created: "2022-10-27T09:53:29Z", sourceType: "Banking",
});
const notFound = JSON.stringify({ statusCode: 404, service: "PublicApi", error: "Connection not found", correlationId: "7eb40d6b", canBeRetried: "Unknown", detailedErrorCode: 0 });

const server = createServer((req, res) => {
  if (req.url?.endsWith("404")) res.writeHead(404, { "content-type": "application/json" }).end(notFound);
  else res.writeHead(200, { "content-type": "application/json" }).end(connection);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
process.stdin.on("end", () => server.close(() => process.exit(0))).resume();
