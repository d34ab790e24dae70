/**
 * Standalone functions: each operation's OperationSpec (and PagingSpec) is a module constant
 * of its own, read by the class method and by an exported function `<sdkPath as one name>(client,
 * request, options?)` that takes the lean `<Client>Core`; a bundle of an app calling one function
 * holds that operation alone.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { exportedNames } from "../src/emit/barrel.js";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { sdkPath } from "../src/load/model.js";
import type { GeneratedFile } from "../src/emit/source.js";
import { FIXTURES, REPO_ROOT, generateFixture, targetFor, tempDir, typecheck } from "./helpers.js";

const file = (files: readonly GeneratedFile[], path: string) => files.find((f) => f.path === path)!.contents;

describe("module constants", () => {
  it("gives each operation's OperationSpec and PagingSpec a constant of its own, read by both the method and the function", async () => {
    const model = await loadSpec("pagination.yaml", join(FIXTURES, "pagination.yaml"), { clientName: "FxPagination" });
    const files = await generateFixture("pagination", "FxPagination");
    const orders = model.resources.find((r) => r.property === "orders")!;
    const source = file(files, `${orders.fileName}.ts`);
    expect(source).not.toMatch(/const (operations|paging) = \{/);
    expect(orders.operations.filter((op) => op.paging).map((op) => op.functionName)).toEqual(["ordersLines", "ordersList"]);
    for (const op of orders.operations) {
      const spec = `${op.functionName}Spec`;
      expect(source.match(new RegExp(`^const ${spec} = \\{\\n  operationId: "${op.operationId}",`, "gm"))).toHaveLength(1);
      expect(source).toContain(`    return this.#core.invoke(${spec}, request, options);\n`);
      expect(source).toContain(`  return client[CORE].invoke(${spec}, request, options);\n`);
      if (!op.paging) continue;
      expect(source).toMatch(new RegExp(`^const ${op.functionName}Paging = \\{ request: \\{ page: "page"`, "m"));
      expect(source).toContain(`    return this.#core.paginate(${spec}, request, options, ${op.functionName}Paging);\n`);
      expect(source).toContain(`  return client[CORE].paginate(${spec}, request, options, ${op.functionName}Paging);\n`);
    }
  });
});

describe("the functions", () => {
  it("are named from each method's sdkPath, exported from the barrel beside <Client>Core", async () => {
    const model = await loadSpec("pagination.yaml", join(FIXTURES, "pagination.yaml"), { clientName: "FxPagination" });
    const calls = model.resources.flatMap((r) => r.operations.map((op) => [sdkPath(r, op), op.functionName]));
    expect(calls).toEqual([
      ["orders.events", "ordersEvents"], ["orders.lines", "ordersLines"], ["orders.list", "ordersList"],
      ["tags.list", "tagsList"], ["tags.listAll", "tagsListAll"],
    ]);
    const names = exportedNames(model, "FxPagination");
    expect(names).toEqual(expect.arrayContaining(["FxPaginationCore", "ordersEvents", "ordersLines", "ordersLinesAll", "ordersList", "ordersListAll", "tagsList", "tagsListAll"]));
    expect(names.filter((n) => n.endsWith("Spec") || n.endsWith("Paging"))).toEqual([]);
    // An untagged operation, a method of the client, keeps the method's name.
    const minimal = await loadSpec("minimal.yaml", join(FIXTURES, "minimal.yaml"), { clientName: "FxMinimal" });
    expect(minimal.resources[0]!.operations.map((op) => op.functionName)).toEqual(["getStatus"]);
    expect(file(await generateFixture("minimal", "FxMinimal"), "index.ts")).toContain('export { FxMinimal, getStatus } from "./sdk.js";\n');
  });

  it("are typed like the methods: overloads by accept, paged iterators, and either client", async () => {
    const bodies = await generateFiles(targetFor(join(FIXTURES, "bodies.yaml"), "Bodies"));
    const consumer = `
import { Bodies, BodiesCore, notesPutNote, type Note } from "./generated/index.js";
const core = new BodiesCore();
const json: Promise<Note> = notesPutNote(core, { id: "1", note: { text: "hi" } });
const text: Promise<Note> = notesPutNote(core, { id: "1", note: "hi" }, { contentType: "text/plain" });
const xml: Promise<string> = notesPutNote(core, { id: "1", note: { text: "hi" } }, { accept: "application/xml" });
const pdf: Promise<Blob> = notesPutNote(new Bodies(), { id: "1", note: { text: "hi" } }, { accept: "application/pdf" });
const raw: Promise<{ data: Note; response: Response }> = notesPutNote(core, { id: "1", note: { text: "hi" } }).withResponse();
// @ts-expect-error a PDF is not a Note
const wrong: Promise<Note> = notesPutNote(core, { id: "1", note: { text: "hi" } }, { accept: "application/pdf" });
// @ts-expect-error not one of the body's media types
notesPutNote(core, { id: "1", note: "hi" }, { contentType: "image/png" });
// @ts-expect-error id is required
notesPutNote(core, { note: "hi" });
// @ts-expect-error the client comes first
notesPutNote({ id: "1", note: "hi" });
// @ts-expect-error how a function reaches the runtime core is not part of the package
import { CORE } from "./generated/index.js";
void json; void text; void xml; void pdf; void raw; void wrong; void CORE;
`;
    expect(await typecheck(bodies, { "consumer.ts": consumer })).toEqual([]);
    const pagination = await generateFixture("pagination", "FxPagination");
    const paged = `
import { FxPagination, FxPaginationCore, ordersList, ordersListAll, type Order, type Orders } from "./generated/index.js";
const core = new FxPaginationCore();
const page: Promise<Orders> = ordersList(core, { status: "open" });
const same: Promise<Orders> = new FxPagination().orders.list({ status: "open" });
async function every(): Promise<Order[]> {
  const all: Order[] = [];
  for await (const order of ordersListAll(core, { pageSize: 50 })) all.push(order);
  return all;
}
// @ts-expect-error the page size is a number
ordersList(core, { pageSize: "50" });
void page; void same; void every;
`;
    expect(await typecheck(pagination, { "consumer.ts": paged })).toEqual([]);
  }, needs(20_000));
});

const CLASHES = `openapi: 3.1.0
info: { title: Kennel, version: "1" }
servers: [{ url: "https://kennel.example.com" }]
tags: [{ name: pets }]
paths:
  /pets/{id}:
    get:
      operationId: get-pet
      x-speakeasy-name-override: get
      tags: [pets]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/petsGet" } } } } }
  /pets:
    get:
      operationId: list-pets
      x-speakeasy-name-override: list
      tags: [pets]
      responses: { "204": { description: none } }
  /components:
    get:
      operationId: components
      responses: { "204": { description: none } }
  /all:
    delete:
      operationId: delete
      responses: { "204": { description: none } }
components:
  schemas:
    petsGet: { type: object, properties: { name: { type: string } } }
    petsListSpec: { type: string }
    KennelCore: { type: object, properties: { size: { type: integer } } }
`;

describe("names", () => {
  it("settles a function's clash with any other export, its constants' included, and with reserved words, with a warning", async () => {
    const spec = join(await tempDir(), "kennel.yaml");
    await writeFile(spec, CLASHES);
    const model = await loadSpec("kennel.yaml", spec, { clientName: "Kennel" });
    expect(model.schemas.map((s) => s.typeName)).toEqual(["petsGet", "petsListSpec", "KennelCoreModel"]);
    expect(model.resources.flatMap((r) => r.operations.map((op) => [sdkPath(r, op), op.functionName]))).toEqual([
      ["components", "componentsOperation"], ["delete", "deleteOperation"], ["pets.get", "petsGetOperation"], ["pets.list", "petsListOperation"],
    ]);
    expect(model.warnings.filter((w) => w.includes("standalone function"))).toEqual([
      "#/paths/~1components/get: the standalone function of components, components, would clash with the client; named componentsOperation instead",
      "#/paths/~1all/delete: the standalone function of delete, delete, is a reserved word; named deleteOperation instead",
      "#/paths/~1pets~1{id}/get: the standalone function of pets.get, petsGet, would clash with schema petsGet; named petsGetOperation instead",
      "#/paths/~1pets/get: the standalone function of pets.list, petsList (its petsListSpec), would clash with schema petsListSpec; named petsListOperation instead",
    ]);
    const files = await generateFiles(targetFor(spec, "Kennel"));
    const consumer = `
import { Kennel, KennelCore, componentsOperation, deleteOperation, petsGetOperation, petsListOperation, type petsGet, type KennelCoreModel } from "./generated/index.js";
const core = new KennelCore();
const pet: Promise<petsGet> = petsGetOperation(core, { id: "1" });
const done: Promise<void>[] = [componentsOperation(core), deleteOperation(new Kennel()), petsListOperation(core), new Kennel().delete()];
const size: KennelCoreModel = { size: 1 };
void pet; void done; void size;
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(7_000));
});

describe("tree-shaking", () => {
  /**
   * Bundles `entry` beside the generated files as an app would: minified, unused code dropped,
   * code split (the response validators, loaded by `import()`, go to a lazy chunk). The app's
   * entry chunk is returned.
   */
  async function bundle(files: readonly GeneratedFile[], entry: string): Promise<string> {
    const dir = await tempDir("x-codegen-bundle-");
    await mkdir(join(dir, "generated"), { recursive: true });
    for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
    await writeFile(join(dir, "app.ts"), entry);
    const result = await build({
      entryPoints: [join(dir, "app.ts")],
      bundle: true,
      minify: true,
      format: "esm",
      splitting: true,
      outdir: join(dir, "out"),
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
      alias: { "@x/runtime/validation": resolve(REPO_ROOT, "packages/runtime/src/validation/index.ts"), "@x/runtime/core": resolve(REPO_ROOT, "packages/runtime/src/core-entry.ts"), "@x/runtime": resolve(REPO_ROOT, "packages/runtime/src/index.ts") },
    });
    return result.outputFiles.find((f) => f.path === join(dir, "out", "app.js"))!.text;
  }

  it("bundles only the operation an app calls through its function; the client class bundles every one", async () => {
    const model = await loadSpec("pagination.yaml", join(FIXTURES, "pagination.yaml"), { clientName: "FxPagination" });
    const files = await generateFixture("pagination", "FxPagination");
    const ops = model.resources.flatMap((r) => r.operations);
    const used = ops.find((op) => op.functionName === "ordersEvents")!;
    const others = ops.filter((op) => op !== used);
    const marks = (op: (typeof ops)[number]) => [`"${op.operationId}"`, `"${op.path}"`];

    const lean = await bundle(files, 'import { FxPaginationCore, ordersEvents } from "./generated/index.js";\nconsole.log(await ordersEvents(new FxPaginationCore(), {}));\n');
    for (const mark of marks(used)) expect(lean).toContain(mark);
    for (const mark of others.flatMap(marks)) expect(lean).not.toContain(mark);

    const full = await bundle(files, 'import { FxPagination } from "./generated/index.js";\nconsole.log(await new FxPagination().orders.events({}));\n');
    for (const mark of ops.flatMap(marks)) expect(full).toContain(mark);
    expect(lean.length).toBeLessThan(full.length);
  }, needs(3_000));
});
