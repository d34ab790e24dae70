/**
 * Specs written as many files (codegen's fixture tree, test/fixtures/multi-file): spec:diff
 * compares the documents they bundle into, spec:update re-bundles the recorded root file,
 * and a workspace diff reads the base version of a tree committed under openapi/.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { needs } from "../../../vitest.shared.js";
import { bundleSpecFile, main as codegen } from "@x/codegen";
import { main } from "../src/cli/spec-update.js";
import { diffSpecFiles, highestBump } from "../src/diff/index.js";
import { diffWorkspace } from "../src/workspace.js";

const FLEET = resolve(import.meta.dirname, "../../codegen/test/fixtures/multi-file");

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "x-multi-file-test-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A copy of the fixture tree at `dir`. */
async function tree(dir: string): Promise<string> {
  await cp(FLEET, dir, { recursive: true });
  return join(dir, "fleet.yaml");
}

async function edit(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, "utf8");
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

/** v2: a new optional response property, in a file two refs away from the root. */
const MILEAGE = ["  plate:\n    type: string\n", "  plate:\n    type: string\n  mileage:\n    type: integer\n"] as const;

describe("spec:diff on two multi-file trees", () => {
  it("judges the documents the trees make", async () => {
    const before = await tree(join(root, "v1"));
    const after = await tree(join(root, "v2"));
    await edit(join(root, "v2/models/vehicle.yaml"), ...MILEAGE);
    const changes = await diffSpecFiles({ file: "v1/fleet.yaml", path: before }, { file: "v2/fleet.yaml", path: after });
    expect(highestBump(changes)).toBe("minor");
    expect(changes.map((c) => c.pointer)).toContain("#/components/schemas/Vehicle/properties/mileage");
  });

  it("sees no change when files move and the document stays the same", async () => {
    const before = await tree(join(root, "v1"));
    const after = await tree(join(root, "v2"));
    await mkdir(join(root, "v2/models/identifiers"));
    await rename(join(root, "v2/models/ids.yaml"), join(root, "v2/models/identifiers/ids.yaml"));
    await edit(join(root, "v2/models/vehicle.yaml"), "ids.yaml#", "identifiers/ids.yaml#");
    await edit(join(root, "v2/models/billing/invoice.yaml"), "../ids.yaml#", "../identifiers/ids.yaml#");
    await edit(join(root, "v2/shared/parameters.yaml"), "../models/ids.yaml#", "../models/identifiers/ids.yaml#");
    expect(await diffSpecFiles({ file: "v1/fleet.yaml", path: before }, { file: "v2/fleet.yaml", path: after })).toEqual([]);
  });
});

describe("spec:update from a multi-file source", { timeout: needs(5_000) }, () => {
  let source: string;
  let output: string[];

  beforeEach(async () => {
    source = await tree(join(root, "vendor"));
    await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    await writeFile(join(root, "package.json"), JSON.stringify({ name: "ws", private: true }));
    await mkdir(join(root, ".changeset"));
    await writeFile(join(root, ".changeset", "config.json"), JSON.stringify({ baseBranch: "main", access: "public" }));
    await mkdir(join(root, "openapi"));
    // As sdk:new leaves it: the bundle in openapi/, the root file as the source.
    await writeFile(join(root, "openapi", "fleet.yaml"), bundleSpecFile("fleet.yaml", source).text);
    const dir = join(root, "packages", "fleet");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "package.json"), JSON.stringify({
      name: "@x/fleet",
      version: "1.0.0",
      "x-codegen": { spec: "../../openapi/fleet.yaml", source: relative(dir, source) },
    }, null, 2));
    const log = console.log;
    console.log = () => {};
    try {
      expect(await codegen(["--write", dir], {})).toBe(0);
    } finally {
      console.log = log;
    }
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root });
    execFileSync("git", ["add", "-A"], { cwd: root });
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1"], { cwd: root });
    output = [];
  }, needs(3_000));

  async function run(...args: string[]): Promise<number> {
    const [log, error] = [console.log, console.error];
    console.log = console.error = (line: string) => void output.push(String(line));
    try {
      return await main(args, root);
    } finally {
      [console.log, console.error] = [log, error];
    }
  }

  it("is up to date while no file of the tree changed", async () => {
    expect(await run("@x/fleet")).toBe(0);
    expect(output.join("\n")).toContain("openapi/fleet.yaml is up to date");
  });

  it("re-bundles the tree from its root file, regenerates and writes the changeset", async () => {
    await edit(join(root, "vendor/models/vehicle.yaml"), ...MILEAGE);
    expect(await run("@x/fleet")).toBe(0);
    const written = parse(await readFile(join(root, "openapi", "fleet.yaml"), "utf8"));
    expect(written.components.schemas.Vehicle.properties.mileage).toEqual({ type: "integer" });
    expect(JSON.stringify(written)).not.toMatch(/"\$ref":"[^#]/);
    expect(await readFile(join(root, "packages/fleet/src/generated/types.ts"), "utf8")).toContain("mileage?: number");
    const changesets = (await readdir(join(root, ".changeset"))).filter((f) => f.endsWith(".md"));
    expect(await readFile(join(root, ".changeset", changesets[0]!), "utf8")).toMatch(/^---\n"@x\/fleet": minor\n---/);
    // Running it again finds the bundle it wrote up to date.
    output.length = 0;
    expect(await run("@x/fleet")).toBe(0);
    expect(output.join("\n")).toContain("openapi/fleet.yaml is up to date");
  });

  it("refuses a tree with a missing file, naming who refers to it, and writes nothing", async () => {
    const before = await readFile(join(root, "openapi", "fleet.yaml"), "utf8");
    await rm(join(root, "vendor/models/depot.yaml"));
    expect(await run("@x/fleet")).toBe(1);
    expect(output.join("\n")).toContain('models/vehicle.yaml: #/properties/homeDepot/$ref: $ref "depot.yaml": models/depot.yaml does not exist');
    expect(await readFile(join(root, "openapi", "fleet.yaml"), "utf8")).toBe(before);
    expect(execFileSync("git", ["status", "--porcelain", "--", "openapi", "packages", ".changeset"], { cwd: root, encoding: "utf8" })).toBe("");
  });
});

describe("spec:diff on a tree committed under openapi/", () => {
  it("reads the base version of every file of the tree", { timeout: needs(5_000) }, async () => {
    await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    await writeFile(join(root, "package.json"), JSON.stringify({ name: "ws", private: true }));
    const spec = await tree(join(root, "openapi", "fleet"));
    await mkdir(join(root, "packages", "fleet"), { recursive: true });
    await writeFile(join(root, "packages", "fleet", "package.json"), JSON.stringify({ name: "@x/fleet", "x-codegen": { spec: "../../openapi/fleet/fleet.yaml" } }));
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root });
    execFileSync("git", ["add", "-A"], { cwd: root });
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1"], { cwd: root });
    expect((await diffWorkspace(root, "main"))[0]).toMatchObject({ name: "@x/fleet", bump: "none" });
    await edit(join(root, "openapi/fleet/models/vehicle.yaml"), ...MILEAGE);
    expect(spec).toBe(join(root, "openapi/fleet/fleet.yaml"));
    expect((await diffWorkspace(root, "main"))[0]).toMatchObject({ name: "@x/fleet", bump: "minor" });
  });
});
