/**
 * Untagged operations are methods of the client itself, printed by the same emitter as a
 * resource's methods: the same paging iterator, typed errors and method paths.
 */
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { sdkPath } from "../src/load/model.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.1.0
info: { title: Notebook, version: "1" }
tags: [{ name: Folders }]
paths:
  /notes:
    get:
      operationId: list-notes
      parameters:
        - { name: page, in: query, schema: { type: integer } }
        - { name: pageSize, in: query, schema: { type: integer } }
      responses:
        "200":
          description: a page
          content:
            application/json:
              schema:
                type: object
                properties:
                  results: { type: array, items: { $ref: "#/components/schemas/Note" } }
                  pageNumber: { type: integer }
                  pageSize: { type: integer }
                  totalResults: { type: integer }
        "404": { description: none, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
  /folders-count:
    get:
      operationId: folders
      responses: { "200": { description: ok, content: { text/plain: { schema: { type: string } } } } }
  /builder:
    post:
      operationId: constructor
      responses: { "204": { description: built } }
  /folders:
    get:
      operationId: list-folders
      tags: [Folders]
      responses: { "204": { description: none } }
components:
  schemas:
    Note: { type: object, properties: { text: { type: string } } }
    Problem: { type: object, properties: { error: { type: string } } }
`;

const CALLS = `import { Notebook, NotebookCore, Problem, folders2, foldersListFolders, listNotesAll, type Note } from "./generated/index.js";

export async function run(serverURL: string): Promise<unknown[]> {
  const client = new Notebook({ serverURL, retryConfig: { strategy: "none" } });
  const texts: (string | undefined)[] = [];
  for await (const note of client.listNotesAll({ pageSize: 2 })) texts.push((note satisfies Note).text);
  const count: string = await client.folders2();
  await client.constructor2();
  await client.folders.listFolders();
  const failure = await client.listNotes({ page: 99 }).then(() => undefined, (error: unknown) => error);
  // The same operations as standalone functions, on the lean client or the full one.
  const core = new NotebookCore({ serverURL, retryConfig: { strategy: "none" } });
  const viaFunctions: unknown[] = [await folders2(core), await foldersListFolders(client)];
  for await (const note of listNotesAll(core, { pageSize: 2 })) viaFunctions.push(note.text);
  return [texts, count, failure instanceof Problem, (failure as Problem).error, (failure as Error).message, viaFunctions];
}
`;

let server: Server;
let url = "";
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const page = Number(new URL(req.url!, "http://x").searchParams.get("page") ?? "1");
    if (req.url!.startsWith("/notes") && page > 2) return res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "no such page" }));
    if (req.url!.startsWith("/notes")) {
      const results = page === 1 ? [{ text: "a" }, { text: "b" }] : [{ text: "c" }];
      return res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ results, pageNumber: page, pageSize: 2, totalResults: 3 }));
    }
    if (req.url === "/folders-count") return res.writeHead(200, { "Content-Type": "text/plain" }).end("4");
    res.writeHead(204).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it("puts untagged operations on the client, renaming those that would take a member's name", async () => {
  const spec = join(await tempDir(), "notebook.yaml");
  await writeFile(spec, SPEC);
  const model = await loadSpec("notebook.yaml", spec, { clientName: "Notebook" });
  expect(model.resources.flatMap((r) => r.operations.map((op) => sdkPath(r, op)))).toEqual(["constructor2", "folders2", "listNotes", "folders.listFolders"]);
  expect(model.warnings.filter((w) => w.includes("want"))).toEqual([
    "#/paths/~1builder/post: the operation of the client wants the method constructor, which is a member of the class: constructor (#/paths/~1builder/post) is constructor2 (give it an x-speakeasy-name-override, or an x-speakeasy-group, to choose)",
    "#/paths/~1folders-count/get: the operation of the client wants the method folders, which is the resource client.folders: folders (#/paths/~1folders-count/get) is folders2 (give it an x-speakeasy-name-override, or an x-speakeasy-group, to choose)",
  ]);
  expect(model.resources[0]!.operations.find((op) => op.methodName === "listNotes")!.paging).toBeDefined();
});

it("gives client methods the resource methods' paging, typed errors and method paths, and type-checks", async () => {
  const spec = join(await tempDir(), "notebook.yaml");
  await writeFile(spec, SPEC);
  const { files } = await generatePackage(targetFor(spec, "Notebook"));
  expect(files.map((f) => f.path)).toEqual(["core.ts", "errors.ts", "folders.ts", "index.ts", "models.ts", "requests.ts", "sdk.ts", "shapes.ts", "testing.ts", "types.ts"]);
  expect(await typecheck(files, { "calls.ts": CALLS })).toEqual([]);
  const dir = await tempDir("x-codegen-client-methods-");
  await mkdir(join(dir, "generated"), { recursive: true });
  for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
  await writeFile(join(dir, "calls.ts"), CALLS);
  const { run } = await import(pathToFileURL(join(dir, "calls.ts")).href) as { run(url: string): Promise<unknown[]> };
  expect(await run(url)).toEqual([["a", "b", "c"], "4", true, "no such page", "listNotes: HTTP 404 Not Found: no such page", ["4", undefined, "a", "b", "c"]]);
  expect(seen).toEqual([
    "GET /notes?page=1&pageSize=2", "GET /notes?page=2&pageSize=2", "GET /folders-count", "POST /builder", "GET /folders", "GET /notes?page=99",
    "GET /folders-count", "GET /folders", "GET /notes?page=1&pageSize=2", "GET /notes?page=2&pageSize=2",
  ]);
}, needs(7_000));
