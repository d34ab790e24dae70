/** The x-codegen command: writing, checking for drift, and refusing broken specs without touching output. */
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { main } from "../src/cli.js";
import { FIXTURES, tempDir, tempPackage } from "./helpers.js";

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

const NO_CI = {};

async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) result[name] = await readFile(join(dir, name), "utf8");
  return result;
}

/** A package generated from a private copy of the quirks fixture, so tests can break the spec. */
async function generatedPackage(): Promise<{ dir: string; spec: string; out: string }> {
  const spec = join(await tempDir(), "spec.yaml");
  await cp(join(FIXTURES, "quirks.yaml"), spec);
  const dir = await tempPackage(spec);
  expect(await main([dir], NO_CI)).toBe(0);
  return { dir, spec, out: join(dir, "src/generated") };
}

describe("x-codegen", () => {
  it("writes the generated files, then reports no changes on a rerun", async () => {
    const pkg = await generatedPackage();
    expect(Object.keys(await snapshotDir(pkg.out))).toEqual([
      "core.ts", "errors.ts", "index.ts", "item-notes.ts", "items.ts", "models.ts", "requests.ts", "sdk.ts", "shapes.ts", "testing.ts", "types.ts",
    ]);
    out = [];
    expect(await main([pkg.dir], NO_CI)).toBe(0);
    expect(out).toEqual(["@x/fixture: no changes"]);
  });

  it("--check passes on fresh output and fails listing each stale, missing or extra file", async () => {
    const pkg = await generatedPackage();
    expect(await main(["--check", pkg.dir], NO_CI)).toBe(0);

    await writeFile(join(pkg.out, "models.ts"), "// edited by hand\n");
    await writeFile(join(pkg.out, "stray.ts"), "export {};\n");
    const { rm } = await import("node:fs/promises");
    await rm(join(pkg.out, "sdk.ts"));
    const before = await snapshotDir(pkg.out);

    expect(await main(["--check", pkg.dir], NO_CI)).toBe(1);
    const report = err.join("\n");
    expect(report).toContain("models.ts (changed)");
    expect(report).toContain("sdk.ts (missing)");
    expect(report).toContain("stray.ts (not generated)");
    expect(report).toContain("Run `pnpm generate`");
    expect(await snapshotDir(pkg.out)).toEqual(before);
  });

  it("checks instead of writing when CI is set, unless --write is given", async () => {
    const pkg = await generatedPackage();
    await writeFile(join(pkg.out, "models.ts"), "// stale\n");
    expect(await main([pkg.dir], { CI: "true" })).toBe(1);
    expect(await readFile(join(pkg.out, "models.ts"), "utf8")).toBe("// stale\n");
    expect(err.join("\n")).toContain("CI is set");
    expect(await main(["--write", pkg.dir], { CI: "true" })).toBe(0);
    expect(await readFile(join(pkg.out, "models.ts"), "utf8")).not.toBe("// stale\n");
  });

  it("removes files the spec no longer produces", async () => {
    const pkg = await generatedPackage();
    const spec = await readFile(pkg.spec, "utf8");
    await writeFile(pkg.spec, spec.replace("tags: [Item notes]", "tags: [Items]"));
    expect(await main([pkg.dir], NO_CI)).toBe(0);
    expect(Object.keys(await snapshotDir(pkg.out))).not.toContain("item-notes.ts");
    expect(out.join("\n")).toContain("item-notes.ts (not generated)");
  });

  it.each([
    { what: "invalid YAML", edit: (s: string) => s.replace("paths:\n", "paths:\n  - [unclosed\n"), want: /spec\.yaml: (.|\n)*line \d+, column \d+: invalid YAML: Flow sequence/ },
    { what: "an unresolvable $ref", edit: (s: string) => s.replace('"#/components/schemas/ItemUpdate"', '"#/components/schemas/Nope"'), want: /spec\.yaml: line \d+: Can't resolve \$ref/ },
    { what: "a duplicate operationId", edit: (s: string) => s.replace("operationId: replace-item", "operationId: get-item"), want: /spec\.yaml: line 48: Every operation must have a unique `operationId`\. \(at #\/paths\/~1items~1\{itemId\}\/put\/get-item\)/ },
    { what: "a non-boolean x-idempotent", edit: (s: string) => s.replace("x-idempotent: true", "x-idempotent: sometimes"), want: /#\/paths\/~1items~1\{itemId\}\/put\/x-idempotent: must be true or false, got "sometimes"/ },
    { what: "a bad retry policy", edit: (s: string) => s.replace("exponent: 2 }", "exponent: fast }"), want: /#\/x-speakeasy-retries\/backoff\/exponent: must be a non-negative number, got "fast"/ },
  ])("refuses $what, naming file and problem, and leaves the output untouched", async ({ edit, want }) => {
    const pkg = await generatedPackage();
    const before = await snapshotDir(pkg.out);
    const spec = await readFile(pkg.spec, "utf8");
    const broken = edit(spec);
    expect(broken).not.toBe(spec);
    await writeFile(pkg.spec, broken);

    expect(await main([pkg.dir], NO_CI)).toBe(1);
    expect(err.join("\n")).toMatch(want);
    expect(err.join("\n")).toContain("Nothing was written.");
    expect(await snapshotDir(pkg.out)).toEqual(before);
  });

  it.each([
    { what: "a parameter in an invalid location", edit: (s: string) => s.replace("in: header", "in: body"), want: /spec\.yaml: lint: line 37: `in` can be one of the following only.*\(at #\/paths\/~1items~1\{itemId\}\/get\/parameters\/1\/in\)/ },
    { what: "a misspelled schema keyword", edit: (s: string) => s.replace("      x-internal: true\n", "      x-internal: true\n      descrciption: An item.\n"), want: /lint: line \d+: Property `descrciption` is not expected here\. \(at #\/components\/schemas\/Item\/descrciption\)/ },
    { what: "the 3.0 form of exclusiveMinimum in a 3.1 document", edit: (s: string) => s.replace("        id: { type: string, format: uuid }", "        id: { type: string, format: uuid }\n        rank: { type: integer, minimum: 0, exclusiveMinimum: true }"), want: /lint: line \d+: Expected type `number` but got `boolean`\. \(at #\/components\/schemas\/Item\/properties\/rank\/exclusiveMinimum\)/ },
    { what: "an examples object where 3.1 wants a list", edit: (s: string) => s.replace("        id: { type: string, format: uuid }", "        id: { type: string, format: uuid, examples: { one: 1 } }"), want: /lint: line \d+: .*\(at #\/components\/schemas\/Item\/properties\/id\/examples\)/ },
    { what: "an operation with no responses", edit: (s: string) => s.replace(/( {6}responses:\n {8}"204":\n(?: {10}.*\n)+ {8}"404": .*\n)/, "      responses: {}\n"), want: /#\/paths\/~1items~1\{itemId\}\/put: documents no response/ },
    { what: "a path parameter missing from its path", edit: (s: string) => s.replace("- name: X-Trace-Id\n          in: header", "- name: X-Trace-Id\n          in: path\n          required: true"), want: /#\/paths\/~1items~1\{itemId\}\/get\/parameters\/1: path parameter "X-Trace-Id" does not appear in the path \/items\/\{itemId\}; left out/ },
  ])("generates despite $what, with a located warning", async ({ edit, want }) => {
    const pkg = await generatedPackage();
    const spec = await readFile(pkg.spec, "utf8");
    const linted = edit(spec);
    expect(linted).not.toBe(spec);
    await writeFile(pkg.spec, linted);
    expect(await main(["--verbose", pkg.dir], NO_CI)).toBe(0);
    expect(err.join("\n")).toMatch(want);
  });

  it("prints warnings one line per kind, and every one with --verbose", async () => {
    const pkg = await generatedPackage();
    const spec = await readFile(pkg.spec, "utf8");
    // Every operation loses its operationId: a naming warning each.
    await writeFile(pkg.spec, spec.replace(/ {6}operationId: [\w-]+\n/g, ""));
    err.length = 0;
    expect(await main([pkg.dir], NO_CI)).toBe(0);
    const naming = err.filter((l) => l.includes(": naming: "));
    expect(naming).toHaveLength(1);
    expect(naming[0]).toMatch(/^x-codegen: warning: \S*spec\.yaml: naming: (\d+) warnings \(#\/paths\/[^,]+, #\/paths\/[^,]+, and \d+ more \(--verbose lists every one\)\)$/);
    const count = Number(/naming: (\d+) warnings/.exec(naming[0]!)![1]);
    err.length = 0;
    expect(await main(["--verbose", pkg.dir], NO_CI)).toBe(0);
    const start = err.findIndex((l) => l.endsWith(`: naming: ${count} warnings:`));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(err.slice(start + 1, start + 1 + count).every((l) => /^x-codegen: warning: \S*spec\.yaml: #\/paths\/.*: no operationId; named \w+ from its method and path/.test(l))).toBe(true);
  });

  it("settles two operations with one method name deterministically, with a warning", async () => {
    const pkg = await generatedPackage();
    const spec = await readFile(pkg.spec, "utf8");
    await writeFile(pkg.spec, spec.replace("x-speakeasy-name-override: replace", "x-speakeasy-name-override: get-item"));
    expect(await main(["--verbose", pkg.dir], NO_CI)).toBe(0);
    expect(err.join("\n")).toMatch(/warning: .*spec\.yaml: #\/paths\/~1items~1\{itemId\}\/get: 2 operations of client\.items want the method getItem: get-item \(#\/paths\/~1items~1\{itemId\}\/get\) is items\.getItem; replace-item \(#\/paths\/~1items~1\{itemId\}\/put\) is items\.replaceItem/);
    const items = await readFile(join(pkg.out, "items.ts"), "utf8");
    expect(items).toContain("  getItem(");
    expect(items).toContain("  replaceItem(");
  });

  it("locates problems in a JSON spec by line and pointer, and generates it as it does the YAML", async () => {
    const value = parse(await readFile(join(FIXTURES, "quirks.yaml"), "utf8")) as { components: { schemas: { Item: Record<string, unknown> } } };
    const spec = join(await tempDir(), "spec.json");
    const good = JSON.stringify(value, null, 2);
    value.components.schemas.Item.descrciption = "An item.";
    await writeFile(spec, JSON.stringify(value, null, 2));
    const dir = await tempPackage(spec);
    expect(await main([dir], NO_CI)).toBe(0);
    expect(err.join("\n")).toMatch(/spec\.json: lint: .*line \d+: Property `descrciption` is not expected here\. \(at #\/components\/schemas\/Item\/descrciption\)/);
    const generated = await snapshotDir(join(dir, "src/generated"));
    const yaml = await generatedPackage();
    expect(Object.keys(generated)).toEqual(Object.keys(await snapshotDir(yaml.out)));

    const broken = good.replace('"#/components/schemas/ItemUpdate"', '"#/components/schemas/Nope"');
    // Redocly points at the schema object holding the `$ref`, which opens the line above it.
    const line = broken.split("\n").findIndex((l) => l.includes("#/components/schemas/Nope"));
    await writeFile(spec, broken);
    err = [];
    expect(await main([dir], NO_CI)).toBe(1);
    expect(err.join("\n")).toMatch(new RegExp(`spec\\.json: line ${line}: Can't resolve \\$ref \\(at #/paths/~1items~1\\{itemId\\}/put/requestBody/content/application~1json/schema\\)`));
    expect(err.join("\n")).toContain("Nothing was written.");
    expect(await snapshotDir(join(dir, "src/generated"))).toEqual(generated);
  });

  it("names a missing spec file and a package without config", async () => {
    const missing = await tempPackage("does-not-exist.yaml");
    expect(await main([missing], NO_CI)).toBe(1);
    expect(err.join("\n")).toMatch(/does-not-exist\.yaml: file not found/);

    const bare = await tempDir();
    await writeFile(join(bare, "package.json"), JSON.stringify({ name: "bare" }));
    expect(await main([bare], NO_CI)).toBe(1);
    expect(err.join("\n")).toContain('needs an "x-codegen": { "spec": "<path to the OpenAPI file>" } field');
  });

  it("writes the README that x-codegen.readme asks for, and --check reports it stale, missing or hand-edited", async () => {
    const spec = join(await tempDir(), "spec.yaml");
    await cp(join(FIXTURES, "quirks.yaml"), spec);
    const dir = await tempDir();
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "@x/fixture", description: "Fixture SDK", "x-codegen": { spec, readme: "README.md" } }));
    const { rm } = await import("node:fs/promises");
    expect(await main([dir], NO_CI)).toBe(0);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme.split("\n")[0]).toMatch(/^<!-- Generated by @x\/codegen from .*spec\.yaml\. DO NOT EDIT\. -->$/);
    expect(readme).toContain("### items.getItem");
    expect(await main(["--check", dir], NO_CI)).toBe(0);
    out = [];
    expect(await main([dir], NO_CI)).toBe(0);
    expect(out).toEqual(["@x/fixture: no changes"]);

    await writeFile(join(dir, "README.md"), readme.replace("## Install", "## Install (edited by hand)"));
    expect(await main(["--check", dir], NO_CI)).toBe(1);
    expect(err.join("\n")).toMatch(/README\.md \(changed\)/);
    expect(err.join("\n")).toContain("Run `pnpm generate`");

    err = [];
    await rm(join(dir, "README.md"));
    expect(await main(["--check", dir], NO_CI)).toBe(1);
    expect(err.join("\n")).toMatch(/README\.md \(missing\)/);

    err = [];
    await writeFile(spec, (await readFile(spec, "utf8")).replace("title: Quirks API", "title: Quirky API"));
    expect(await main([dir], NO_CI)).toBe(0);
    expect(await readFile(join(dir, "README.md"), "utf8")).toContain("(Quirky API 1.0.0)");
    expect(await main(["--check", dir], NO_CI)).toBe(0);
  });

  it("refuses a README path outside the package or inside src/generated", async () => {
    for (const readme of ["../README.md", "src/generated/README.md", ""]) {
      const dir = await tempDir();
      await writeFile(join(dir, "package.json"), JSON.stringify({ name: "@x/fixture", "x-codegen": { spec: join(FIXTURES, "minimal.yaml"), readme } }));
      err = [];
      expect(await main([dir], NO_CI)).toBe(1);
      expect(err.join("\n")).toContain('"x-codegen".readme must be a file path inside the package');
    }
  });

  it("rejects unknown options", async () => {
    expect(await main(["--frobnicate"], NO_CI)).toBe(2);
    expect(err.join("\n")).toContain("unknown option --frobnicate");
  });
});
