/** `pnpm sdk:new`: package names, example arguments, templates, and a scaffold into a throwaway workspace. */
import { existsSync } from "node:fs";
import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loadSpec } from "../src/load/index.js";
import {
  gzipBudget,
  main,
  packageNameProblem,
  packageNames,
  renderCall,
  renderPackage,
  SAMPLE_DATE,
  SAMPLE_UUID,
  sampleCalls,
  scaffold,
  ScaffoldError,
  type TemplateInput,
} from "../src/scaffold/index.js";
import { FIXTURES, tempDir } from "./helpers.js";

describe("package names", () => {
  it.each(["@x/foo", "@x/foo-bar", "@x/a1", "@x/codat-sync-commerce-v1"])("accepts %s", (name) => {
    expect(packageNameProblem(name)).toBeUndefined();
  });

  it.each(["foo", "@y/foo", "@x/Foo", "@x/1foo", "@x/foo_bar", "@x/foo/bar", "@x/", "@x/foo-", "@x/a--b", "x/foo"])("rejects %s", (name) => {
    expect(packageNameProblem(name)).toMatch(/package name/);
  });

  it("derives the directory and the client class from the name", () => {
    expect(packageNames("@x/foo-bar")).toEqual({ packageName: "@x/foo-bar", dirName: "foo-bar", clientName: "FooBar" });
    expect(packageNames("@x/codat-sync-commerce-v1").clientName).toBe("CodatSyncCommerceV1");
    expect(() => packageNames("@x/Nope")).toThrow(/package name/);
  });
});

const PARAMS_SPEC = `openapi: 3.0.3
info: { title: Params API, version: 1.0.0 }
servers: [{ url: https://example.test }]
components:
  parameters:
    day: { name: day, in: query, required: true, schema: { type: string, format: date } }
  schemas:
    Kind: { type: string, enum: [alpha, beta] }
paths:
  /things/{thingId}:
    parameters:
      - { name: thingId, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      operationId: get-thing
      tags: [Things]
      parameters:
        - { name: kind, in: query, required: true, schema: { $ref: "#/components/schemas/Kind" } }
        - { name: page-size, in: query, required: true, schema: { type: integer, minimum: 5, maximum: 10 } }
        - { name: label, in: query, required: true, example: "the-label", schema: { type: string } }
        - { name: bad-example, in: query, required: true, example: 99, schema: { type: integer, maximum: 3 } }
        - { $ref: "#/components/parameters/day" }
        - { name: optional, in: query, schema: { type: string } }
      responses: { "200": { description: ok, content: { application/json: { schema: { type: object } } } } }
    delete:
      operationId: delete-thing
      tags: [Things]
      responses: { "204": { description: gone } }
`;

describe("example arguments", () => {
  it("fills each required parameter from its example when it fits, else from its schema", async () => {
    const spec = join(await tempDir(), "params.yaml");
    await writeFile(spec, PARAMS_SPEC);
    const calls = sampleCalls(await loadSpec("params.yaml", spec));
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ methodPath: "things.getThing", httpMethod: "GET", path: "/things/{thingId}" });
    expect(call!.request).toEqual({ thingId: SAMPLE_UUID, kind: "alpha", pageSize: 5, label: "the-label", badExample: 1, day: SAMPLE_DATE });
    expect(renderCall("client", call!, "NO_RETRIES")).toBe(
      `client.things.getThing({ thingId: "${SAMPLE_UUID}", kind: "alpha", pageSize: 5, label: "the-label", badExample: 1, day: "${SAMPLE_DATE}" }, NO_RETRIES)`,
    );
  });

  it("covers every GET of a fixture", async () => {
    const model = await loadSpec("quirks.yaml", join(FIXTURES, "quirks.yaml"));
    const gets = model.resources.flatMap((r) => r.operations).filter((o) => o.method === "get");
    expect(sampleCalls(model).map((c) => c.operationId)).toEqual(expect.arrayContaining(gets.map((o) => o.operationId)));
  });
});

describe("templates", () => {
  const input: TemplateInput = {
    ...packageNames("@x/foo-bar"),
    specFromPackage: "../../openapi/foo-bar.yaml",
    specFromRoot: "openapi/foo-bar.yaml",
    title: "Foo Bar API",
    securityFields: ["authHeader"],
    smokeCall: { methodPath: "things.get", resource: "things", method: "get", operationId: "get-thing", httpMethod: "GET", path: "/things/{id}", request: { id: "x" }, statuses: ["200", "404"] },
    smokeStatuses: ["200", "404"],
    operationCount: 3,
  };

  it("writes a public 0.0.0 package on the runtime, generated from the spec", () => {
    const files = renderPackage(input);
    expect(Object.keys(files).sort()).toEqual([
      "README.md", "package.json", "src/index.ts", "test/generated.test.ts", "test/global-setup.ts",
      "test/package.test.ts", "test/smoke.test.ts", "tsconfig.json", "tsup.config.ts", "turbo.json", "vitest.config.ts",
    ]);
    // Its tasks hash its own spec, not every spec of the workspace.
    expect(JSON.parse(files["turbo.json"]!)).toEqual({
      extends: ["//"],
      tasks: {
        generate: { inputs: ["$TURBO_EXTENDS$", "$TURBO_ROOT$/openapi/foo-bar.yaml"] },
        test: { inputs: ["$TURBO_EXTENDS$", "$TURBO_ROOT$/openapi/foo-bar.yaml"] },
      },
    });
    const manifest = JSON.parse(files["package.json"]!);
    expect(manifest).toMatchObject({
      name: "@x/foo-bar",
      version: "0.0.0",
      publishConfig: { access: "public" },
      "x-codegen": { spec: "../../openapi/foo-bar.yaml" },
      scripts: { generate: "x-codegen", build: "tsup", typecheck: "tsc --noEmit", test: "vitest run" },
      dependencies: { "@x/runtime": "workspace:^" },
      devDependencies: { "@x/codegen": "workspace:*", "@x/mock-server": "workspace:*", msw: expect.any(String), tsup: expect.any(String) },
      // The test kit: its own subpath (typesVersions for node10 resolution), msw an optional peer.
      exports: { "./testing": { import: { types: "./dist/testing.d.ts", default: "./dist/testing.js" }, require: { types: "./dist/testing.d.cts", default: "./dist/testing.cjs" } } },
      typesVersions: { "*": { testing: ["./dist/testing.d.ts"] } },
      peerDependencies: { msw: "^2.7 || ^3" },
      peerDependenciesMeta: { msw: { optional: true } },
    });
    expect(files["tsup.config.ts"]).toContain('entry: { index: "src/index.ts", testing: "src/generated/testing.ts" }');
    expect(manifest.private).toBeUndefined();
    expect(files["src/index.ts"]).toContain('export * from "./generated/index.js";');
    expect(files["src/index.ts"]).toContain("SDKValidationError,");
    // The runtime's core entry, as the generated code imports it: not the main entry, whose standalone retry helpers an app would load.
    expect(files["src/index.ts"]).toContain('} from "@x/runtime/core";');
    expect(files["test/smoke.test.ts"]).toContain('client.things.get({ id: "x" }, NO_RETRIES).withResponse()');
    // A documented error status (some operations document nothing else) passes as Prism answers it.
    expect(files["test/smoke.test.ts"]).toContain('const DOCUMENTED = ["200","404"];');
    expect(files["test/smoke.test.ts"]).toContain("new FooBar({ security: { authHeader: ");
    expect(files["test/global-setup.ts"]).toContain('prismGlobalSetup(resolve(import.meta.dirname, "..", "../../openapi/foo-bar.yaml"))');
    expect(files["README.md"]).toContain("import { FooBar } from \"@x/foo-bar\";");
    expect(files["test/package.test.ts"]).toContain(`gzipBudgetBytes: ${gzipBudget(3)},`);
    // Heavy tests state what they need with the helper of the shared config vitest.config.ts merges.
    expect(files["vitest.config.ts"]).toContain('import { sharedConfig } from "../../vitest.shared.js";');
    for (const heavy of ["test/generated.test.ts", "test/package.test.ts"]) {
      expect(files[heavy]).toContain('import { needs } from "../../../vitest.shared.js";');
      expect(files[heavy]).toMatch(/^\}, needs\([\d_]+\)\);/m);
    }
  });

  it("leaves the README to the generator when it writes one, and copes with no GET and no security", () => {
    const files = renderPackage({ ...input, generatedReadme: true, smokeCall: undefined, securityFields: [] } as TemplateInput);
    expect(files["README.md"]).toBeUndefined();
    expect(JSON.parse(files["package.json"]!)["x-codegen"]).toEqual({ spec: "../../openapi/foo-bar.yaml", readme: "README.md" });
    expect(files["test/smoke.test.ts"]).toContain("new FooBar({ serverURL");
    expect(files["test/smoke.test.ts"]).toContain("no GET operation");
  });
});

describe("scaffold", () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());

  async function workspace(): Promise<{ root: string; spec: string }> {
    const root = await tempDir("x-sdk-new-");
    await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    const spec = join(await tempDir(), "quirks.yaml");
    await cp(join(FIXTURES, "quirks.yaml"), spec);
    return { root, spec };
  }

  async function listTree(dir: string): Promise<string[]> {
    return existsSync(dir) ? (await readdir(dir, { recursive: true })).map(String).sort() : [];
  }

  it("copies the spec, writes the package and generates it", async () => {
    const { root, spec } = await workspace();
    const result = await scaffold({ root, spec, name: "@x/quirky", install: false });
    expect(result.clientName).toBe("Quirky");
    expect(await readFile(join(root, "openapi/quirky.yaml"), "utf8")).toBe(await readFile(spec, "utf8"));
    const tree = await listTree(join(root, "packages/quirky"));
    expect(tree).toEqual(expect.arrayContaining(["package.json", "src/index.ts", "src/generated/index.ts", "src/generated/sdk.ts", "test/smoke.test.ts"]));
    expect(await readFile(join(root, "packages/quirky/src/generated/sdk.ts"), "utf8")).toContain("export class Quirky");
    expect(await readFile(join(root, "packages/quirky/src/generated/index.ts"), "utf8")).toContain("from openapi/quirky.yaml");
  });

  it("refuses a bad name, a missing spec, an existing package or spec, and a broken spec, leaving nothing behind", async () => {
    const { root, spec } = await workspace();
    await expect(scaffold({ root, spec, name: "quirky", install: false })).rejects.toThrow(ScaffoldError);
    await expect(scaffold({ root, spec: join(root, "nope.yaml"), name: "@x/quirky", install: false })).rejects.toThrow(/file not found/);
    await expect(scaffold({ root, spec: join(root, "pnpm-workspace.yaml").replace(".yaml", ".txt"), name: "@x/quirky", install: false })).rejects.toThrow(/\.yaml, \.yml or \.json/);
    const broken = join(await tempDir(), "broken.yaml");
    await writeFile(broken, (await readFile(spec, "utf8")).replace('"#/components/schemas/ItemUpdate"', '"#/components/schemas/Nope"'));
    await expect(scaffold({ root, spec: broken, name: "@x/quirky", install: false })).rejects.toThrow(/Can't resolve \$ref/);
    expect(await listTree(join(root, "packages"))).toEqual([]);
    expect(await listTree(join(root, "openapi"))).toEqual([]);

    await scaffold({ root, spec, name: "@x/quirky", install: false });
    await expect(scaffold({ root, spec, name: "@x/quirky", install: false })).rejects.toThrow(/packages\/quirky already exists/);
    await writeFile(join(root, "openapi/taken.json"), "{}");
    await expect(scaffold({ root, spec, name: "@x/taken", install: false })).rejects.toThrow(/openapi\/taken\.json already exists/);
    expect(existsSync(join(root, "packages/taken"))).toBe(false);
  });

  it("resolves the spec against the user's directory and exits non-zero with usage on bad arguments", async () => {
    const { root, spec } = await workspace();
    expect(await main([], root, root)).toBe(2);
    expect(await main(["x.yaml"], root, root)).toBe(2);
    expect(await main(["x.yaml", "--name", "@x/a", "--frob"], root, root)).toBe(2);
    expect(out.join("\n")).toContain("usage: pnpm sdk:new");
    expect(await main(["quirks.yaml", "--name", "@x/BAD", "--no-install"], root, join(spec, ".."))).toBe(1);
    out.length = 0;
    await writeFile(spec, (await readFile(spec, "utf8")).replace(/ {6}operationId: [\w-]+\n/g, ""));
    expect(await main(["quirks.yaml", "--name", "@x/quirky", "--no-install", "--verbose"], root, join(spec, ".."))).toBe(0);
    expect(out.join("\n")).toContain("pnpm changeset");
    // --verbose reaches the generator: each warning on its own line under its kind's.
    const head = out.findIndex((l) => /^x-codegen: warning: \S*quirky\.yaml: naming: \d+ warnings:$/.test(l));
    expect(head).toBeGreaterThanOrEqual(0);
    expect(out[head + 1]).toMatch(/^x-codegen: warning: \S*quirky\.yaml: #\/paths\/\S+: no operationId; named \w+ from its method and path/);
    expect(existsSync(join(root, "packages/quirky/src/generated/sdk.ts"))).toBe(true);
  });
});
