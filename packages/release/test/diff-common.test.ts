/**
 * The realistic case: the later Common API (api-facts.md: integrationKey no longer required,
 * SourceType gains BankFeed and Expense, DataConnectionError gains status and resolvedOnUtc)
 * applied to openapi/common.yaml as first released (1.0.0) is a major change listing each of
 * the three. The live spec is brought back to those facts first, so the test still holds
 * once the later API really ships.
 * A reformatted spec is no change at all; a description-only edit is a patch.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { generateFiles, loadSpec, type SpecModel } from "@x/codegen";
import { typecheckFiles } from "@x/codegen/testing";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { diffModels, highestBump } from "../src/diff/index.js";
import { baseSpec, REPO_ROOT, writeAndLoad, type Spec } from "./diff/helpers.js";

const LIVE_COMMON = join(REPO_ROOT, "openapi/common.yaml");
const TEMP_ROOT = resolve(import.meta.dirname, "../.tmp");
let dir: string;
/** openapi/common.yaml with the facts of the first release (see asFirstReleased), and its model. */
let COMMON: string;
let common: SpecModel;

beforeAll(async () => {
  await mkdir(TEMP_ROOT, { recursive: true });
  dir = await mkdtemp(join(TEMP_ROOT, "diff-common-"));
  const spec = parse(await readFile(LIVE_COMMON, "utf8"));
  asFirstReleased(spec);
  COMMON = join(dir, "v1", "common.yaml");
  common = await writeAndLoad(spec, COMMON);
});

/** The three facts the later API changes, as the 1.0.0 release had them (api-facts.md). */
function asFirstReleased(spec: Spec): void {
  const schemas = spec.components.schemas;
  if (!schemas.Connection.required.includes("integrationKey")) schemas.Connection.required.push("integrationKey");
  schemas.SourceType.enum = schemas.SourceType.enum.filter((value: string) => value !== "BankFeed" && value !== "Expense");
  delete schemas.DataConnectionError.properties.status;
  delete schemas.DataConnectionError.properties.resolvedOnUtc;
}
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The later Common API, as api-facts.md describes it. */
function laterCommon(spec: Spec): void {
  const schemas = spec.components.schemas;
  schemas.Connection.required = schemas.Connection.required.filter((name: string) => name !== "integrationKey");
  schemas.SourceType.enum.push("BankFeed", "Expense");
  schemas.DataConnectionError.properties.status = { type: ["string", "null"], enum: ["Active", "Resolved", null], description: "Whether the error still stands." };
  schemas.DataConnectionError.properties.resolvedOnUtc = { type: "string", format: "date-time", description: "When the error was resolved, in UTC." };
}

describe("the later Common API", () => {
  it("is major, listing each change with its own bump", async () => {
    const spec = parse(await readFile(COMMON, "utf8"));
    laterCommon(spec);
    const changes = diffModels(common, await writeAndLoad(spec, join(dir, "later", "common.yaml")));
    expect(highestBump(changes)).toBe("major");
    expect(changes.map(({ bump, pointer, warning }) => ({ bump, pointer, warning: warning === true }))).toEqual([
      { bump: "major", pointer: "#/components/schemas/Connection/required", warning: false },
      { bump: "minor", pointer: "#/components/schemas/SourceType/enum", warning: true },
      { bump: "minor", pointer: "#/components/schemas/DataConnectionError/properties/status", warning: false },
      { bump: "minor", pointer: "#/components/schemas/DataConnectionError/properties/resolvedOnUtc", warning: false },
    ]);
    expect(changes[0]!.message).toMatch(/connections\.get.*response property Connection\.integrationKey is no longer required \(callers reading it must handle undefined\)/);
    expect(changes[1]!.message).toMatch(/type SourceType gains enum values "BankFeed", "Expense" \(warning: .*exhaustive switches/);
    expect(changes[2]!.message).toMatch(/new optional response property DataConnectionError\.status$/);
    expect(changes[3]!.message).toMatch(/new optional response property DataConnectionError\.resolvedOnUtc$/);
  });

  it("breaks a caller reading integrationKey as a string, and nothing else it uses", async () => {
    const spec = parse(await readFile(COMMON, "utf8"));
    laterCommon(spec);
    await writeAndLoad(spec, join(dir, "sdk-later", "common.yaml"));
    const roots: string[] = [];
    for (const [side, specPath] of [["old", COMMON], ["new", join(dir, "sdk-later", "common.yaml")]] as const) {
      const files = await generateFiles({ packageName: "@x/common", packageDir: join(dir, side), specFile: "common.yaml", specPath, clientName: "Common", runtimeImport: "@x/runtime", outDir: join(dir, side, "sdk") });
      await mkdir(join(dir, side, "sdk"), { recursive: true });
      for (const f of files) await writeFile(join(dir, side, "sdk", f.path), f.contents);
      await writeFile(join(dir, side, "caller.ts"), [
        `import { Common, type SourceType } from "./sdk/index.js";`,
        `const common = new Common({ security: { authHeader: "Basic a2V5" } });`,
        `export async function use(): Promise<string> {`,
        `  const c = await common.connections.get({ companyId: "c", connectionId: "x" });`,
        `  const kind: SourceType = c.sourceType;`,
        `  const errors = (c.dataConnectionErrors ?? []).map((e) => e.errorMessage);`,
        `  const key: string = c.integrationKey;`,
        `  return [kind, ...errors, key].join(",");`,
        `}`,
      ].join("\n"));
      roots.push(...files.map((f) => join(dir, side, "sdk", f.path)), join(dir, side, "caller.ts"));
    }
    const errors = typecheckFiles(roots, { paths: { "@x/runtime": [join(REPO_ROOT, "packages/runtime/src/index.ts")], "@x/runtime/testing": [join(REPO_ROOT, "packages/runtime/src/testing/index.ts")] }, root: dir });
    expect(errors.filter((e) => e.startsWith("old/"))).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^new\/caller\.ts:7: Type 'string \| undefined' is not assignable to type 'string'/)]);
  }, needs(15_000)); // generates two SDKs of the Common API and type-checks both
});

/** The same object with every object's keys in reverse order (arrays keep theirs: order means something there). */
function reverseKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(reverseKeys);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.entries(node).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe("formatting is not a change", () => {
  it.each([
    { name: "JSON, one line", render: (s: Spec) => JSON.stringify(s) },
    { name: "keys reordered, double quotes, 4-space indentation", render: (s: Spec) => stringify(reverseKeys(s), { indent: 4, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" }) },
    { name: "YAML flow style", render: (s: Spec) => stringify(s, { collectionStyle: "flow" }) },
  ])("$name: no changes, bump none", async ({ name, render }) => {
    for (const [label, source] of [["common", parse(await readFile(COMMON, "utf8"))], ["bookshelf", await baseSpec()]] as const) {
      const path = join(dir, "format", `${label}-${name.replace(/\W+/g, "-")}.yaml`);
      await mkdir(join(dir, "format"), { recursive: true });
      await writeFile(path, render(source));
      const before = label === "common" ? common : await writeAndLoad(await baseSpec(), join(dir, "format", "bookshelf-base.yaml"));
      const changes = diffModels(before, await loadSpec(path, path));
      expect(changes, label).toEqual([]);
      expect(highestBump(changes)).toBe("none");
    }
  });

  it("a description-only edit is a patch", async () => {
    const spec = parse(await readFile(COMMON, "utf8"));
    spec.components.schemas.Connection.properties.platformName.description = "The name of the platform, as its users know it.";
    spec.paths["/companies/{companyId}/connections"].get.description = "Lists a company's connections, one page at a time.";
    const changes = diffModels(common, await writeAndLoad(spec, join(dir, "described", "common.yaml")));
    expect(changes.map((c) => [c.bump, c.pointer])).toEqual([
      ["patch", "#/paths/~1companies~1{companyId}~1connections/get/description"],
      ["patch", "#/components/schemas/Connection/properties/platformName/description"],
    ]);
    expect(highestBump(changes)).toBe("patch");
  });
});
