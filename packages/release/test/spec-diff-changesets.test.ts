/** The changeset side of spec:diff: the table, the changeset text, pending bumps and the check. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesetFile, pendingBumps, renderChangeset, renderTable, shortfalls } from "../src/changesets.js";
import { highestBump, type Bump } from "../src/diff/index.js";
import type { PackageDiff } from "../src/workspace.js";

const common: PackageDiff = {
  name: "@x/common", dir: "/repo/packages/common", specFile: "openapi/common.yaml", base: "main", bump: "major",
  changes: [
    { bump: "major", pointer: "#/components/schemas/Connection/required", message: "connections.get: response property Connection.integrationKey is no longer required" },
    { bump: "minor", pointer: "#/components/schemas/SourceType/enum", message: "type SourceType gains enum value \"BankFeed\"", warning: true },
  ],
};

describe("highestBump", () => {
  it.each<{ given: Bump[]; want: Bump }>([
    { given: [], want: "none" },
    { given: ["patch"], want: "patch" },
    { given: ["patch", "minor", "patch"], want: "minor" },
    { given: ["minor", "major", "patch"], want: "major" },
  ])("$given → $want", ({ given, want }) => {
    expect(highestBump(given.map((bump) => ({ bump })))).toBe(want);
  });
});

describe("renderTable", () => {
  it("has a row per change with package, bump, change and pointer, warnings marked", () => {
    const lines = renderTable([common, { name: "@x/sync-commerce", bump: "none", changes: [] }]).split("\n");
    expect(lines[0]).toMatch(/^package\s+bump\s+change\s+JSON pointer$/);
    expect(lines[1]).toMatch(/^@x\/common\s+major\s+connections\.get: .*no longer required\s+#\/components\/schemas\/Connection\/required$/);
    expect(lines[2]).toMatch(/^@x\/common\s+minor\s+WARNING type SourceType gains .*#\/components\/schemas\/SourceType\/enum$/);
    expect(lines[3]).toMatch(/^@x\/sync-commerce\s+none\s+\(no changes\)$/);
  });
});

describe("renderChangeset", () => {
  it("names the package at its bump and lists every change", () => {
    expect(changesetFile(common)).toBe(".changeset/spec-common.md");
    expect(changesetFile({ name: "@x/sync-commerce" })).toBe(".changeset/spec-sync-commerce.md");
    expect(renderChangeset(common)).toBe([
      "---",
      '"@x/common": major',
      "---",
      "",
      "Changes to the API spec (`openapi/common.yaml` since `main`), as they affect the SDK:",
      "",
      "- major: connections.get: response property Connection.integrationKey is no longer required",
      '- **Warning:** minor: type SourceType gains enum value "BankFeed"',
      "",
    ].join("\n"));
  });
});

describe("pendingBumps and shortfalls", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "x-changesets-"));
    await mkdir(join(root, ".changeset"));
    await writeFile(join(root, ".changeset/README.md"), "---\n\"@x/common\": major\n---\nnot a changeset\n");
    await writeFile(join(root, ".changeset/config.json"), "{}");
    await writeFile(join(root, ".changeset/one.md"), "---\n\"@x/common\": patch\n\"@x/runtime\": minor\n---\n\nOne.\n");
    await writeFile(join(root, ".changeset/two.md"), "---\n'@x/common': minor\n---\n\nTwo.\n");
    await writeFile(join(root, ".changeset/empty.md"), "---\n---\n\nNothing to release.\n");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("takes the highest bump per package over every changeset but the README", async () => {
    expect(await pendingBumps(root)).toEqual(new Map([["@x/common", "minor"], ["@x/runtime", "minor"]]));
  });

  it.each<{ name: string; needed: Bump; isPrivate?: boolean; short: boolean }>([
    { name: "@x/common", needed: "minor", short: false },
    { name: "@x/common", needed: "major", short: true },
    { name: "@x/sync-commerce", needed: "patch", short: true },
    { name: "@x/sync-commerce", needed: "none", short: false },
    { name: "@x/internal", needed: "major", isPrivate: true, short: false },
  ])("$name needing $needed: short $short", async ({ name, needed, isPrivate, short }) => {
    const found = shortfalls([{ name, bump: needed, changes: [], private: isPrivate === true }], await pendingBumps(root));
    expect(found.length > 0).toBe(short);
  });
});
