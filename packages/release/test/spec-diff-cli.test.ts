/**
 * `pnpm spec:diff` end to end, in a throwaway git repository holding a minimal workspace:
 * an SDK package (@x/shelf) on the bookshelf fixture, a private one, and .changeset/.
 */
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { main } from "../src/cli/spec-diff.js";
import { pendingBumps } from "../src/changesets.js";
import { sdkPackages } from "../src/workspace.js";
import { FIXTURE, type Spec } from "./diff/helpers.js";

let root: string;
const SPEC = "openapi/shelf.yaml";

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: root, encoding: "utf8" });
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    return { code: await main(args, root), out: out.join("\n"), err: err.join("\n") };
  } finally {
    vi.restoreAllMocks();
  }
}

async function editSpec(edit: (spec: Spec) => void): Promise<void> {
  const spec = parse(await readFile(FIXTURE, "utf8"));
  edit(spec);
  await writeFile(join(root, SPEC), stringify(spec));
}

/** Every file under the workspace except .git, with contents: to show a run wrote nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !path.includes("/.git/")) files[path.slice(root.length + 1)] = await readFile(path, "utf8");
  }
  return files;
}

const makeOptional = (spec: Spec) => (spec.components.schemas.Book.required = ["id", "genre", "status"]);
const addStatus = (spec: Spec) => spec.components.schemas.BookStatus.enum.push("Lost");

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "x-spec-diff-cli-"));
  await mkdir(join(root, "openapi"));
  await mkdir(join(root, ".changeset"));
  await cp(FIXTURE, join(root, SPEC));
  await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  await writeFile(join(root, "package.json"), JSON.stringify({ name: "fixture-workspace", private: true }));
  await writeFile(join(root, ".changeset/config.json"), JSON.stringify({ baseBranch: "main", access: "public" }));
  await writeFile(join(root, ".changeset/README.md"), "Changesets live here.\n");
  for (const [dir, manifest] of [
    ["shelf", { name: "@x/shelf", version: "1.0.0", "x-codegen": { spec: "../../openapi/shelf.yaml" } }],
    ["shelf-internal", { name: "@x/shelf-internal", version: "0.0.0", private: true, "x-codegen": { spec: "../../openapi/shelf.yaml", clientName: "Internal" } }],
    ["tools", { name: "@x/tools", version: "0.0.0" }],
  ] as const) {
    await mkdir(join(root, "packages", dir), { recursive: true });
    await writeFile(join(root, "packages", dir, "package.json"), JSON.stringify(manifest));
  }
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
}, needs(2_000));
afterAll(() => rm(root, { recursive: true, force: true }));

// Each run loads the spec at the base ref (git) and in the working tree, and diffs them.
describe("pnpm spec:diff", { timeout: needs(4_000) }, () => {
  it("finds the SDK packages: those with x-codegen.spec, private ones marked", async () => {
    const packages = await sdkPackages(root);
    expect(packages.map((p) => [p.name, p.private, p.specFile])).toEqual([["@x/shelf", false, SPEC], ["@x/shelf-internal", true, SPEC]]);
  });

  it("reports no changes, writes nothing and passes --check when the spec is as at main", async () => {
    const before = await snapshot();
    const { code, out } = await run("--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ packages: [{ name: "@x/shelf", bump: "none", changes: [] }, { name: "@x/shelf-internal", bump: "none", changes: [] }] });
    expect((await run("--check")).code).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("--json prints { packages: [{ name, bump, changes: [{ bump, pointer, message }] }] } and warns on stderr", async () => {
    await editSpec((s) => (makeOptional(s), addStatus(s)));
    const { code, out, err } = await run("--json", "--check");
    expect(code).toBe(1);
    const json = JSON.parse(out) as { packages: { name: string; bump: string; changes: Record<string, unknown>[] }[] };
    expect(json.packages.map((p) => [p.name, p.bump])).toEqual([["@x/shelf", "major"], ["@x/shelf-internal", "major"]]);
    for (const change of json.packages[0]!.changes) expect(Object.keys(change).sort()).toEqual(["bump", "message", "pointer"]);
    expect(json.packages[0]!.changes.map((c) => [c.bump, c.pointer])).toEqual([
      ["major", "#/components/schemas/Book/required"],
      ["minor", "#/components/schemas/BookStatus/enum"],
    ]);
    expect(err).toMatch(/warning: @x\/shelf: .*BookStatus gains enum value "Lost"/);
  });

  it("--check exits 1 naming the package when no changeset covers the changes, and writes nothing", async () => {
    await editSpec(makeOptional);
    const before = await snapshot();
    const { code, err } = await run("--check");
    expect(code).toBe(1);
    expect(err).toMatch(/@x\/shelf: its spec changes since main need a major changeset; none is pending/);
    expect(err).not.toMatch(/shelf-internal/);
    expect(await snapshot()).toEqual(before);
  });

  it("prints the table and writes one changeset per public package, which --check then accepts", async () => {
    await editSpec((s) => (makeOptional(s), addStatus(s)));
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toMatch(/^package\s+bump\s+change\s+JSON pointer$/m);
    expect(out).toMatch(/^@x\/shelf\s+major\s+.*Book\.title is no longer required.*#\/components\/schemas\/Book\/required$/m);
    expect(out).toMatch(/wrote \.changeset\/spec-shelf\.md \(@x\/shelf: major\)/);
    expect((await readdir(join(root, ".changeset"))).sort()).toEqual(["README.md", "config.json", "spec-shelf.md"]);
    const changeset = await readFile(join(root, ".changeset/spec-shelf.md"), "utf8");
    expect(changeset).toMatch(/^---\n"@x\/shelf": major\n---\n/);
    expect(changeset).toMatch(/^- major: .*Book\.title is no longer required/m);
    expect(changeset).toMatch(/^- \*\*Warning:\*\* minor: .*BookStatus gains enum value "Lost"/m);
    expect(await pendingBumps(root)).toEqual(new Map([["@x/shelf", "major"]]));
    expect((await run("--check")).code).toBe(0);
  });

  it("overwrites its changeset as the diff since main grows, and removes it when the diff is gone", async () => {
    await editSpec((s) => (s.components.schemas.Book.description = "A book, on a shelf."));
    expect((await run()).code).toBe(0);
    expect(await readFile(join(root, ".changeset/spec-shelf.md"), "utf8")).toMatch(/^---\n"@x\/shelf": patch\n---\n[\s\S]*- patch: .*description changed/);
    await cp(FIXTURE, join(root, SPEC));
    expect((await run()).code).toBe(0);
    expect(await readdir(join(root, ".changeset"))).not.toContain("spec-shelf.md");
  });

  it("--check counts the highest bump of every pending changeset: too low fails, high enough passes", async () => {
    await editSpec(makeOptional);
    await writeFile(join(root, ".changeset/tidy-cats.md"), '---\n"@x/shelf": minor\n"@x/other": major\n---\n\nSomething else.\n');
    const low = await run("--check");
    expect(low.code).toBe(1);
    expect(low.err).toMatch(/@x\/shelf: .*need a major changeset; pending changesets give only minor/);
    await writeFile(join(root, ".changeset/brave-dogs.md"), "---\n'@x/shelf': major\n---\n\nBreaking.\n");
    expect((await run("--check")).code).toBe(0);
    await rm(join(root, ".changeset/tidy-cats.md"));
    await rm(join(root, ".changeset/brave-dogs.md"));
  });

  it("refuses a base ref that does not exist, naming it, with nothing written", async () => {
    await editSpec(makeOptional);
    const before = await snapshot();
    const { code, err } = await run("--base", "no-such-branch");
    expect(code).toBe(1);
    expect(err).toMatch(/base ref "no-such-branch" does not exist/);
    expect(err).toMatch(/Nothing was written/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a working-tree spec that does not load, naming the side and the file, with nothing written", async () => {
    await writeFile(join(root, SPEC), "openapi: 3.1.0\ninfo: [unclosed\n");
    const before = await snapshot();
    const { code, err } = await run();
    expect(code).toBe(1);
    expect(err).toMatch(/the working tree's openapi\/shelf\.yaml does not load/);
    expect(err).toMatch(/invalid YAML/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a spec that does not load at the base ref, naming the ref and the file", async () => {
    git("checkout", "-q", "-b", "broken");
    await writeFile(join(root, SPEC), "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n");
    git("commit", "-q", "-m", "a spec with no operations", "--", SPEC);
    git("checkout", "-q", "main");
    const { code, err } = await run("--base", "broken");
    expect(code).toBe(1);
    expect(err).toMatch(/openapi\/shelf\.yaml at base ref broken does not load:[\s\S]*no operations to generate/);
  });

  it("counts a spec that did not exist at the base ref as a new package (minor)", async () => {
    git("checkout", "-q", "--orphan", "empty");
    git("rm", "-q", "-r", "--cached", ".");
    git("commit", "-q", "--allow-empty", "-m", "nothing yet");
    git("checkout", "-q", "-f", "main");
    const { code, out } = await run("--json", "--base", "empty", "--check");
    expect(code).toBe(1);
    expect(JSON.parse(out).packages[0]).toMatchObject({ name: "@x/shelf", bump: "minor", changes: [{ bump: "minor", pointer: "#", message: expect.stringMatching(/did not exist at empty/) }] });
  });

  it("refuses unknown options with the usage and exit code 2", async () => {
    const { code, err } = await run("--frobnicate");
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option --frobnicate\nusage: pnpm spec:diff \[--base <git ref>\] \[--json\] \[--check\]/);
    expect((await run("--base")).code).toBe(2);
  });
});
