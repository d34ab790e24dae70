/**
 * Inputs that collapse onto one request field are never fatal: a range filter (`StartTime`,
 * `StartTime<`, `StartTime>`), comparison operators (`<=`, `>=`, `!=`), one name in several
 * locations, a parameter named like the body. Each gets a distinct field by the rule of
 * load/fields.ts, with a warning, and keeps its wire name: the README shows both, and a call
 * sends each under its own name.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { startServer } from "../../runtime/test/support/server.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.1.0
info: { title: Ledger, version: "1" }
servers: [{ url: "https://ledger.example.com" }]
paths:
  /calls:
    get:
      operationId: list-calls
      tags: [Calls]
      parameters:
        - { name: "StartTime>", in: query, schema: { type: string, format: date-time } }
        - { name: StartTime, in: query, schema: { type: string, format: date-time } }
        - { name: "StartTime<", in: query, schema: { type: string, format: date-time } }
        - { name: "Price<=", in: query, schema: { type: number } }
        - { name: "Price>=", in: query, schema: { type: number } }
        - { name: "Status!=", in: query, schema: { type: string } }
      responses: { "204": { description: listed } }
  /calls/{id}:
    put:
      operationId: put-call
      tags: [Calls]
      parameters:
        - { name: id, in: query, schema: { type: string } }
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: Id, in: header, schema: { type: string } }
        - { name: note, in: query, schema: { type: string } }
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } }
      responses: { "204": { description: stored } }
components:
  schemas:
    Note: { type: object, properties: { text: { type: string } } }
`;

it("gives each input a field of its own by the documented rule, warns, and keeps the wire names", async () => {
  const dir = await tempDir();
  const spec = join(dir, "ledger.yaml");
  await writeFile(spec, SPEC);
  const model = await loadSpec("ledger.yaml", spec, { clientName: "Ledger" });
  const fields = (id: string) => model.resources.flatMap((r) => r.operations).find((o) => o.operationId === id)!.parameters.map((p) => [p.field, p.in, p.name]);
  expect(fields("list-calls")).toEqual([
    ["startTimeGt", "query", "StartTime>"], ["startTime", "query", "StartTime"], ["startTimeLt", "query", "StartTime<"],
    ["priceLte", "query", "Price<="], ["priceGte", "query", "Price>="], ["status", "query", "Status!="],
  ]);
  // The path keeps the name; the query and the header take their location; the body keeps its field.
  expect(fields("put-call")).toEqual([["id", "path", "id"], ["idQuery", "query", "id"], ["noteQuery", "query", "note"], ["idHeader", "header", "Id"]]);
  const at = (path: string) => `#/paths/${path.replaceAll("/", "~1")}`;
  expect(model.warnings).toEqual([
    `${at("/calls")}/get: query parameter "StartTime>" would share the request field startTime with query parameter "StartTime" and query parameter "StartTime<"; it is the field startTimeGt (sent as "StartTime>")`,
    `${at("/calls")}/get: query parameter "StartTime<" would share the request field startTime with query parameter "StartTime" and query parameter "StartTime>"; it is the field startTimeLt (sent as "StartTime<")`,
    `${at("/calls")}/get: query parameter "Price<=" would share the request field price with query parameter "Price>="; it is the field priceLte (sent as "Price<=")`,
    `${at("/calls")}/get: query parameter "Price>=" would share the request field price with query parameter "Price<="; it is the field priceGte (sent as "Price>=")`,
    `${at("/calls/{id}")}/put: query parameter "id" would share the request field id with path parameter "id" and header parameter "Id"; it is the field idQuery (sent as "id")`,
    `${at("/calls/{id}")}/put: header parameter "Id" would share the request field id with path parameter "id" and query parameter "id"; it is the field idHeader (sent as "Id")`,
    `${at("/calls/{id}")}/put: query parameter "note" would share the request field note with the request body; it is the field noteQuery (sent as "note")`,
  ]);

  const { files, packageFiles } = await generatePackage({ ...targetFor(spec, "Ledger"), readme: { path: "README.md", specLink: "ledger.yaml" } });
  const readme = packageFiles.find((f) => f.path === "README.md")!.contents;
  for (const row of ["| `startTimeLt` | query (`StartTime<`)", "| `startTime` | query (`StartTime`)", "| `idQuery` | query (`id`)", "| `idHeader` | header (`Id`)", "| `id` | path |"]) {
    expect(readme).toContain(row);
  }

  // Each field reaches the server under its own wire name.
  const calls = `import { Ledger } from "./generated/index.js";
export async function call(serverURL: string): Promise<void> {
  const client = new Ledger({ serverURL, retryConfig: { strategy: "none" } });
  await client.calls.listCalls({ startTimeGt: "2026-01-01T00:00:00Z", startTime: "2026-01-02T00:00:00Z", startTimeLt: "2026-01-03T00:00:00Z", priceLte: 5, priceGte: 1, status: "void" });
  await client.calls.putCall({ id: "p", idQuery: "q", noteQuery: "n", idHeader: "h", note: { text: "t" } });
}
`;
  expect(await typecheck(files, { "calls.ts": calls })).toEqual([]);
  await mkdir(join(dir, "generated"), { recursive: true });
  for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
  await writeFile(join(dir, "calls.ts"), calls);
  const sdk = (await import(pathToFileURL(join(dir, "calls.ts")).href)) as { call(url: string): Promise<void> };
  const server = await startServer((_req, res) => void res.writeHead(204).end());
  try {
    await sdk.call(server.url);
  } finally {
    await server.close();
  }
  const received = server.received;
  const query = (url: string) => [...new URL(url, "http://x").searchParams.entries()];
  expect(query(received[0]!.url)).toEqual([
    ["StartTime>", "2026-01-01T00:00:00Z"], ["StartTime", "2026-01-02T00:00:00Z"], ["StartTime<", "2026-01-03T00:00:00Z"],
    ["Price<=", "5"], ["Price>=", "1"], ["Status!=", "void"],
  ]);
  expect(received[1]!.url.split("?")[0]).toBe("/calls/p");
  expect(query(received[1]!.url)).toEqual([["id", "q"], ["note", "n"]]);
  expect(received[1]!.headers.id).toBe("h");
  expect(JSON.parse(received[1]!.body)).toEqual({ text: "t" });
}, needs(8_000));
