/**
 * The model is complete and located: every operation, parameter, body, response and error
 * carries its JSON pointer (which leads to that very object of the document), its description,
 * its example, its documented statuses and every name it is emitted under (each of which the
 * generated code declares).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generateFiles, loadSpec, resolvePointer, type SpecModel } from "../src/index.js";
import { writeFile } from "node:fs/promises";
import { FIXTURES, REPO_ROOT, tempDir } from "./helpers.js";

const SPECS = [
  ...["common.yaml", "sync-commerce.yaml"].map((f) => join(REPO_ROOT, "openapi", f)),
  ...readdirSync(FIXTURES).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(FIXTURES, f)),
];

type Node = Record<string, unknown>;
const at = (model: SpecModel, pointer: string) => resolvePointer(model.document, pointer) as Node | undefined;

describe.each(SPECS.map((path) => ({ path, name: path.slice(REPO_ROOT.length + 1) })))("$name", ({ path }) => {
  it("locates every operation, parameter, body, response and error, with its description and statuses", async () => {
    const model = await loadSpec(path, path);
    const operations = model.resources.flatMap((r) => r.operations);
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      const raw = at(model, op.pointer);
      expect(raw, op.pointer).toBeTypeOf("object");
      // Where it is written: under its path, or past the path item's `$ref`.
      const item = at(model, `#/paths/${op.path.replaceAll("%", "%25").replaceAll("~", "~0").replaceAll("/", "~1")}`);
      expect(raw).toBe((typeof item?.$ref === "string" ? at(model, item.$ref) : item)?.[op.method]);
      expect(op.statuses).toEqual(Object.keys((raw!.responses as Node | undefined) ?? {}));
      if (typeof raw!.description === "string" && raw!.description.trim() !== "") expect(op.description).toBe(raw!.description.trim());
      for (const p of op.parameters) {
        const param = at(model, p.pointer);
        expect([param?.name, param?.in], p.pointer).toEqual([p.name, p.in]);
        if (p.required) expect(p.example, `${op.operationId} ${p.name}`).not.toBeUndefined();
      }
      if (op.body) {
        const body = at(model, op.body.pointer);
        expect(Object.keys((body?.content as Node | undefined) ?? {}), op.body.pointer).toContain(op.body.mediaType);
        expect(op.body.example, `${op.operationId} body`).toBeDefined();
      }
      if (op.response.pointer !== undefined) {
        const response = at(model, op.response.pointer);
        expect(response, op.response.pointer).toBeTypeOf("object");
        expect(op.response.description).toBe(typeof response!.description === "string" && response!.description.trim() !== "" ? response!.description.trim() : undefined);
      } else expect(op.statuses.filter((s) => /^2/i.test(s))).toEqual([]);
      if (op.response.kind === "json") expect(op.response.example, `${op.operationId} response`).toBeDefined();
      expect(Object.keys(op.example)).toEqual(op.parameters.filter((p) => p.required).map((p) => p.field));
      for (const e of op.errors) {
        expect(at(model, e.pointer), e.pointer).toHaveProperty("content");
        expect(e.example, `${op.operationId} ${e.status}`).toBeDefined();
        expect(op.statuses.map((s) => s.toUpperCase())).toContain(e.status.toUpperCase());
      }
    }
  });

  it("names every artefact of an operation, and the generated code declares each name", async () => {
    const model = await loadSpec(path, path, { clientName: "Snapshot" });
    const code = (await generateFiles({
      packageName: "@x/snapshot", packageDir: "/tmp/x", specFile: path, specPath: path, clientName: "Snapshot", runtimeImport: "@x/runtime", outDir: "/tmp/x/g",
    })).map((f) => f.contents).join("\n");
    for (const op of model.resources.flatMap((r) => r.operations)) {
      const { names } = op;
      expect(names.method).toBe(op.methodName);
      expect(names.function).toBe(op.functionName);
      expect(Boolean(names.pager)).toBe(Boolean(op.paging));
      expect(Boolean(names.methodPager)).toBe(Boolean(op.paging));
      for (const [kind, name] of Object.entries(names)) {
        if (kind === "method" || kind === "methodPager") expect(code, `${op.operationId} ${kind}`).toMatch(new RegExp(`\\b${name}\\(`));
        else expect(code, `${op.operationId} ${kind}`).toMatch(new RegExp(`(export )?(type|interface|const|function|async function\\*?) ${name}\\b`));
      }
    }
  }, needs(10_000));
});

it("locates an operation past its path item's $ref, and in a path with a % in it", async () => {
  const path = join(await tempDir(), "refs.yaml");
  await writeFile(path, [
    "openapi: 3.1.0",
    "info: { title: Refs, version: '1' }",
    "paths:",
    "  /shared: { $ref: '#/components/pathItems/Shared' }",
    "  /a%b/{id}:",
    "    get:",
    "      operationId: percent",
    "      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]",
    "      responses: { '200': { description: OK } }",
    "components:",
    "  pathItems:",
    "    Shared:",
    "      post:",
    "        operationId: shared",
    "        parameters: [{ name: q, in: query, required: true, schema: { type: integer } }]",
    "        requestBody: { content: { application/json: { schema: { type: object } } } }",
    "        responses: { '204': { description: Done } }",
  ].join("\n"));
  const model = await loadSpec(path, path);
  const ops = Object.fromEntries(model.resources.flatMap((r) => r.operations).map((o) => [o.operationId, o]));
  expect(ops.shared!.pointer).toBe("#/components/pathItems/Shared/post");
  expect(ops.shared!.parameters[0]!.pointer).toBe("#/components/pathItems/Shared/post/parameters/0");
  expect(ops.shared!.body!.pointer).toBe("#/components/pathItems/Shared/post/requestBody");
  expect(ops.percent!.pointer).toBe("#/paths/~1a%25b~1{id}/get");
  for (const op of Object.values(ops)) expect(at(model, op.pointer), op.pointer).toHaveProperty("responses");
  expect(at(model, ops.percent!.parameters[0]!.pointer)).toMatchObject({ name: "id", in: "path" });
});
