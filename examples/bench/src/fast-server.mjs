// The overhead harness's server (overhead.ts), in a process of its own: node:http with
// keep-alive answering GET /companies/{companyId}/connections/{connectionId} with one small
// fixed JSON body, built once, so an answer takes microseconds and what the client does shows.
// Any other path gets an empty 404. Prints its URL on the first line of stdout.
import { createServer } from "node:http";

const body = Buffer.from(JSON.stringify({ id: "2e9d2c44-f675-40ba-8049-353bfcb5e171", status: "Linked", sourceType: "Banking" }));
const route = /^\/companies\/[^/]+\/connections\/[^/?]+$/;

const server = createServer((req, res) => {
  if (req.method === "GET" && route.test(req.url ?? "")) {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body);
  } else res.writeHead(404, { "content-length": 0 }).end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
