/** The x-codegen command: writing, checking for drift, and refusing broken specs without touching output. */
import { cp, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
      "errors.ts", "index.ts", "item-notes.ts", "items.ts", "models.ts", "requests.ts", "sdk.ts", "types.ts",
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
    { what: "a parameter in an invalid location", edit: (s: string) => s.replace("in: header", "in: body"), want: /spec\.yaml: line 37: `in` can be one of the following only.*\(at #\/paths\/~1items~1\{itemId\}\/get\/parameters\/1\/in\)/ },
    { what: "an unresolvable $ref", edit: (s: string) => s.replace('"#/components/schemas/ItemUpdate"', '"#/components/schemas/Nope"'), want: /spec\.yaml: line \d+: Can't resolve \$ref/ },
    { what: "two operations with one method name", edit: (s: string) => s.replace("x-speakeasy-name-override: replace", "x-speakeasy-name-override: get-item"), want: /items\.getItem would be generated twice: from get-item and replace-item/ },
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

  it("names a missing spec file and a package without config", async () => {
    const missing = await tempPackage("does-not-exist.yaml");
    expect(await main([missing], NO_CI)).toBe(1);
    expect(err.join("\n")).toMatch(/does-not-exist\.yaml: file not found/);

    const bare = await tempDir();
    await writeFile(join(bare, "package.json"), JSON.stringify({ name: "bare" }));
    expect(await main([bare], NO_CI)).toBe(1);
    expect(err.join("\n")).toContain('needs an "x-codegen": { "spec": "<path to the OpenAPI file>" } field');
  });

  it("rejects unknown options", async () => {
    expect(await main(["--frobnicate"], NO_CI)).toBe(2);
    expect(err.join("\n")).toContain("unknown option --frobnicate");
  });
});
