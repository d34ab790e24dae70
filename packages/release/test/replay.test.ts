/**
 * The release's test phase reuses a passing run's results only for code that differs from it
 * in version stamps alone: the version-only rule, and the plan over turbo's run summaries
 * (synthetic summaries here; the release rehearsal runs it on the real workspace).
 */
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { blobHash, describePlan, isVersionOnlyChange, planReplay, readPlanLines, type RunSummary, type TaskSummary } from "../src/replay/index.ts";

const manifest = (version: string, extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: "@x/pets", version, type: "module", scripts: { test: "vitest run" }, ...extra }, null, 2)}\n`;
const core = (version: string, body = "export const answer = 42;\n") => `/** Generated. */\nexport const SDK_VERSION = "${version}";\n${body}`;

describe("a version-only change", () => {
  const v = { before: "1.1.0", after: "1.2.0" };

  it("is a manifest whose version alone changed, from the package's old version to its new one", () => {
    expect(isVersionOnlyChange("package.json", manifest("1.1.0"), manifest("1.2.0"), v)).toBe(true);
    expect(isVersionOnlyChange("package.json", manifest("1.1.0"), manifest("1.2.0", { type: "commonjs" }), v)).toBe(false);
    expect(isVersionOnlyChange("package.json", manifest("1.1.0"), manifest("1.3.0"), v)).toBe(false);
    expect(isVersionOnlyChange("package.json", "{ not json", manifest("1.2.0"), v)).toBe(false);
  });

  it("is a file where each place that wrote the old version now writes the new one, and nothing else changed", () => {
    expect(isVersionOnlyChange("src/generated/core.ts", core("1.1.0"), core("1.2.0"), v)).toBe(true);
    expect(isVersionOnlyChange("src/generated/core.ts", core("1.1.0"), core("1.2.0", "export const answer = 43;\n"), v)).toBe(false);
    // A longer version that contains the old one is not it.
    expect(isVersionOnlyChange("a.ts", `"11.1.0" "1.1.0-beta.1" "1.1.0"`, `"11.1.0" "1.1.0-beta.1" "1.2.0"`, v)).toBe(true);
    expect(isVersionOnlyChange("a.ts", `"11.1.0"`, `"11.2.0"`, v)).toBe(false);
    // Only some of the old version's places restamped: not a restamp.
    expect(isVersionOnlyChange("a.ts", `"1.1.0" "1.1.0"`, `"1.2.0" "1.1.0"`, v)).toBe(false);
  });

  it("needs a version change, and a change", () => {
    expect(isVersionOnlyChange("a.ts", core("1.1.0"), core("1.2.0"), undefined)).toBe(false);
    expect(isVersionOnlyChange("a.ts", core("1.1.0"), core("1.1.0"), v)).toBe(false);
    expect(isVersionOnlyChange("a.ts", core("1.1.0"), core("1.1.0"), { before: "1.1.0", after: "1.1.0" })).toBe(false);
  });
});

/** A tree of files (repository paths to text) and what turbo would say of a run over it. */
function tree(files: Record<string, string>) {
  const blobs = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, blobHash(Buffer.from(text))]));
  return { files, blobs };
}

type Tree = ReturnType<typeof tree>;

const GLOBAL = { rootKey: "k", files: { "tsconfig.base.json": "aaa" }, hashOfExternalDependencies: "e" };

/** A task of package `pkg` in `packages/<pkg>` hashing `inputs` (package-relative) of `t`. */
function task(t: Tree, pkg: string, name: string, inputs: readonly string[], deps: readonly TaskSummary[] = [], extra: Partial<TaskSummary> = {}): TaskSummary {
  const dir = `packages/${pkg}`;
  const hashed = Object.fromEntries(inputs.map((f) => [f, t.blobs[posix.join(dir, f)]!]));
  // As turbo's: the inputs, the dependencies' hashes, the command and the rest of the task.
  const hash = blobHash(Buffer.from(JSON.stringify([hashed, deps.map((d) => d.hash), extra]))).slice(0, 16);
  const dependencies = deps.map((d) => d.taskId);
  return {
    taskId: `@x/${pkg}#${name}`, task: name, package: `@x/${pkg}`, hash, inputs: hashed, hashOfExternalDependencies: "ext", command: "vitest run",
    cliArguments: [], directory: dir, dependencies, resolvedTaskDefinition: { inputs: ["src/**"] }, envMode: "strict", framework: "",
    environmentVariables: { configured: ["CI=1"] }, cache: { status: "MISS" }, execution: { exitCode: 0 }, ...extra,
  };
}

/** The pets package's build, typecheck and test, and a demo package that tests against its build. */
function run(t: Tree, id: string, overrides: Partial<Record<string, Partial<TaskSummary>>> = {}): RunSummary {
  const pets = ["package.json", "src/core.ts", "src/index.ts"];
  const build = task(t, "pets", "build", pets, [], overrides["@x/pets#build"]);
  const typecheck = task(t, "pets", "typecheck", [...pets, "test/pets.test.ts"], [], overrides["@x/pets#typecheck"]);
  const test = task(t, "pets", "test", [...pets, "test/pets.test.ts", "../../openapi/pets.yaml"], [build, typecheck], overrides["@x/pets#test"]);
  const demo = task(t, "demo", "test", ["package.json", "test/demo.test.ts"], [build], overrides["@x/demo#test"]);
  return { id, turboVersion: "2.11.11", globalCacheInputs: GLOBAL, envMode: "strict", tasks: [build, typecheck, test, demo], scm: { sha: "0123456789abcdef" } };
}

const TESTED = {
  "packages/pets/package.json": manifest("1.1.0"),
  "packages/pets/src/core.ts": core("1.1.0"),
  "packages/pets/src/index.ts": "export * from './core.js';\n",
  "packages/pets/test/pets.test.ts": "test('pets', () => {});\n",
  "packages/demo/package.json": `${JSON.stringify({ name: "@x/demo", version: "0.0.0" })}\n`,
  "packages/demo/test/demo.test.ts": "test('demo', () => {});\n",
  "openapi/pets.yaml": "openapi: 3.1.0\n",
};
const VERSIONED = { ...TESTED, "packages/pets/package.json": manifest("1.2.0"), "packages/pets/src/core.ts": core("1.2.0") };

/** Plans `now` against `past`, reading earlier contents from `history` and the tree being released from `current`. */
function plan(current: Tree, now: RunSummary, past: RunSummary[], history: Tree[]) {
  const byHash = new Map(history.flatMap((h) => Object.entries(h.files).map(([path, text]) => [h.blobs[path]!, text] as const)));
  return planReplay(now, past, ["typecheck", "test"], {
    blob: (hash) => byHash.get(hash),
    now: (path, hash) => (current.blobs[path] === hash ? current.files[path] : undefined),
    exists: (path) => path in current.files,
  });
}

describe("the release's test phase", () => {
  const tested = tree(TESTED);

  it("reuses a passing run for code whose only change is its version stamps, naming the run and the restamped files", () => {
    const versioned = tree(VERSIONED);
    const result = plan(versioned, run(versioned, "now"), [run(tested, "ci")], [tested]);
    expect(result.run).toEqual([]);
    expect(result.packages).toEqual([]);
    expect(result.replayed.map((r) => r.taskId)).toEqual(["@x/pets#typecheck", "@x/pets#test", "@x/demo#test"]);
    const test = result.replayed.find((r) => r.taskId === "@x/pets#test")!;
    expect(test).toMatchObject({ run: "ci", sha: "0123456789abcdef", hash: run(tested, "ci").tasks[2]!.hash });
    expect(test.restamped).toEqual(["packages/pets/package.json", "packages/pets/src/core.ts"]);
    // demo's own files are unchanged; what changed is the build it depends on, by stamps alone.
    expect(result.replayed.find((r) => r.taskId === "@x/demo#test")!.restamped).toEqual(["packages/pets/package.json", "packages/pets/src/core.ts"]);
  });

  it("runs a task whose code changed, or whose dependency's code changed, and says which file", () => {
    const changed = tree({ ...VERSIONED, "packages/pets/src/index.ts": "export * from './core.js';\nexport const more = 1;\n" });
    const result = plan(changed, run(changed, "now"), [run(tested, "ci")], [tested]);
    expect(result.run).toEqual([
      { taskId: "@x/pets#typecheck", why: "@x/pets#typecheck: packages/pets/src/index.ts changed" },
      { taskId: "@x/pets#test", why: "@x/pets#test: packages/pets/src/index.ts changed" },
      { taskId: "@x/demo#test", why: "@x/pets#build: packages/pets/src/index.ts changed" },
    ]);
    expect(result.packages).toEqual(["@x/demo", "@x/pets"]);
  });

  it("runs only the task with a new test beside restamped code: a failing test cannot be skipped", () => {
    const failing = tree({ ...VERSIONED, "packages/demo/test/demo.test.ts": "test('demo', () => { throw new Error(); });\n" });
    const result = plan(failing, run(failing, "now"), [run(tested, "ci")], [tested]);
    expect(result.run).toEqual([{ taskId: "@x/demo#test", why: "@x/demo#test: packages/demo/test/demo.test.ts changed" }]);
    expect(result.packages).toEqual(["@x/demo"]);
    // As the release prints it, and as the rehearsal reads it back from the release's output.
    const output = ["> pnpm release", ...describePlan(result), "@x/demo:test: FAIL test/demo.test.ts"].join("\n");
    expect(readPlanLines(output)).toEqual({
      passedBefore: ["@x/pets#typecheck", "@x/pets#test"],
      ran: [{ taskId: "@x/demo#test", why: "@x/demo#test: packages/demo/test/demo.test.ts changed" }],
    });
  });

  it("runs a task whose spec outside the package changed, even to a version string", () => {
    const spec = tree({ ...VERSIONED, "openapi/pets.yaml": "openapi: 3.1.0\n# 1.2.0\n" });
    const base = tree({ ...TESTED, "openapi/pets.yaml": "openapi: 3.1.0\n# 1.1.0\n" });
    const result = plan(spec, run(spec, "now"), [run(base, "ci")], [base]);
    expect(result.run).toEqual([{ taskId: "@x/pets#test", why: "@x/pets#test: openapi/pets.yaml changed" }]);
  });

  it("reuses only passing tasks, of runs with the same global inputs and turbo, and reads past contents it can find", () => {
    const versioned = tree(VERSIONED);
    const now = run(versioned, "now");
    const failed = run(tested, "failed", { "@x/pets#test": { execution: { exitCode: 1 } } });
    expect(plan(versioned, now, [failed], [tested]).run.map((r) => r.taskId)).toEqual(["@x/pets#test"]);
    expect(plan(versioned, now, [failed], [tested]).run[0]!.why).toBe("it passed in no past run");
    // A failed newest run, a passing older one: the older one answers.
    expect(plan(versioned, now, [failed, run(tested, "older")], [tested]).replayed.find((r) => r.taskId === "@x/pets#test")!.run).toBe("older");

    const otherGlobals = { ...run(tested, "ci"), globalCacheInputs: { ...GLOBAL, hashOfExternalDependencies: "other" } };
    const global = plan(versioned, now, [otherGlobals], [tested]);
    expect(global.replayed).toEqual([]);
    expect(global.run[0]!.why).toBe("no past run with the same global inputs and turbo (of 1 read)");
    expect(plan(versioned, now, [{ ...run(tested, "ci"), turboVersion: "2.12.0" }], [tested]).replayed).toEqual([]);

    // The tested contents are not in git's objects: nothing is reused.
    expect(plan(versioned, now, [run(tested, "ci")], []).replayed).toEqual([]);
    // Nor when the tree on disk no longer has the content turbo hashed.
    expect(planReplay(now, [run(tested, "ci")], ["test"], { blob: () => undefined, now: () => undefined, exists: () => true }).replayed).toEqual([]);
  });

  it("runs a task whose command, definition or environment changed, and leaves turbo's own cache hits and script-less tasks to turbo", () => {
    const versioned = tree(VERSIONED);
    const changedEnv = run(versioned, "now", { "@x/pets#test": { environmentVariables: { configured: ["CI=2"] } } });
    expect(plan(versioned, changedEnv, [run(tested, "ci")], [tested]).run).toEqual([{ taskId: "@x/pets#test", why: "@x/pets#test: its environmentVariables changed" }]);
    const hits = run(versioned, "now", { "@x/pets#test": { cache: { status: "HIT" } }, "@x/demo#test": { command: "<NONEXISTENT>" } });
    const result = plan(versioned, hits, [run(tested, "ci")], [tested]);
    expect(result.cached).toEqual(["@x/demo#test", "@x/pets#test"]);
    expect(result.replayed.map((r) => r.taskId)).toEqual(["@x/pets#typecheck"]);
  });
});

describe("a task that hashes other packages' files (a check over the whole repository)", () => {
  const tested = tree(TESTED);
  const repoFiles = ["package.json", "../pets/package.json", "../pets/src/core.ts", "../demo/test/demo.test.ts"];
  /** The pets and demo tasks, and @x/arch#test hashing its own manifest and the other packages' files. */
  const withCheck = (t: Tree, id: string, inputs = repoFiles): RunSummary => {
    const summary = run(t, id);
    return { ...summary, tasks: [...summary.tasks, task(t, "arch", "test", inputs)] };
  };
  const ARCH = { "packages/arch/package.json": `${JSON.stringify({ name: "@x/arch", version: "0.0.0" })}\n` };

  it("is answered when those files differ only in their own package's version stamps", () => {
    const before = tree({ ...TESTED, ...ARCH });
    const versioned = tree({ ...VERSIONED, ...ARCH });
    const result = plan(versioned, withCheck(versioned, "now"), [withCheck(before, "ci")], [before]);
    expect(result.run).toEqual([]);
    expect(result.replayed.find((r) => r.taskId === "@x/arch#test")!.restamped).toEqual(["packages/pets/package.json", "packages/pets/src/core.ts"]);
  });

  it("runs when one of them changed otherwise, or when a file is new to it, naming the file", () => {
    const before = tree({ ...TESTED, ...ARCH });
    const failing = tree({ ...VERSIONED, ...ARCH, "packages/demo/test/demo.test.ts": "test('demo', () => { throw new Error(); });\n" });
    expect(plan(failing, withCheck(failing, "now"), [withCheck(before, "ci")], [before]).run).toEqual([
      { taskId: "@x/demo#test", why: "@x/demo#test: packages/demo/test/demo.test.ts changed" },
      { taskId: "@x/arch#test", why: "@x/arch#test: packages/demo/test/demo.test.ts changed" },
    ]);
    // A stamp of pets's version in demo's file is not demo's version: demo was not versioned.
    const stamped = tree({ ...VERSIONED, ...ARCH, "packages/demo/test/demo.test.ts": "test('demo 1.2.0', () => {});\n" });
    const beforeStamp = tree({ ...TESTED, ...ARCH, "packages/demo/test/demo.test.ts": "test('demo 1.1.0', () => {});\n" });
    expect(plan(stamped, withCheck(stamped, "now"), [withCheck(beforeStamp, "ci")], [beforeStamp]).run.map((r) => r.why)).toContain("@x/arch#test: packages/demo/test/demo.test.ts changed");
    const added = tree({ ...VERSIONED, ...ARCH, "packages/demo/test/more.test.ts": "test('more', () => {});\n" });
    const now = withCheck(added, "now", [...repoFiles, "../demo/test/more.test.ts"]);
    expect(plan(added, now, [withCheck(before, "ci")], [before]).run).toEqual([{ taskId: "@x/arch#test", why: "@x/arch#test: packages/demo/test/more.test.ts is new" }]);
  });
});

describe("a dependency without a script (a source package others import as it is)", () => {
  const tested = tree(TESTED);
  /** turbo's summaries leave out tasks without a script: the past run has no @x/pets#build. */
  const past = () => {
    const summary = run(tested, "ci");
    return { ...summary, tasks: summary.tasks.filter((t) => t.taskId !== "@x/pets#build") };
  };
  const scriptless = { "@x/pets#build": { command: "<NONEXISTENT>" } };

  it("is compared through what the past run's other tasks hashed of the same files", () => {
    const versioned = tree(VERSIONED);
    const result = plan(versioned, run(versioned, "now", scriptless), [past()], [tested]);
    expect(result.run).toEqual([]);
    expect(result.replayed.find((r) => r.taskId === "@x/demo#test")!.restamped).toEqual(["packages/pets/package.json", "packages/pets/src/core.ts"]);
  });

  it("makes its dependents run when one of its files changed", () => {
    const changed = tree({ ...VERSIONED, "packages/pets/src/index.ts": "export const other = 1;\n" });
    const result = plan(changed, run(changed, "now", scriptless), [past()], [tested]);
    expect(result.run).toContainEqual({ taskId: "@x/demo#test", why: "@x/pets#build: packages/pets/src/index.ts changed" });
  });
});
