/**
 * Runs a table of spec edits: each edit is applied to the bookshelf fixture, both SDKs are
 * generated with @x/codegen, `diffModels` judges the edit, and each edit's caller (written
 * against the old SDK) is type-checked against the old SDK and against the new one. The
 * callers of a table share two programs (old, new), so a table costs two type-checks.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { generateFiles, loadSpec, type SpecModel } from "@x/codegen";
import { typecheckFiles } from "@x/codegen/testing";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../../vitest.shared.js";
import { diffModels, diffSpecFiles, highestBump, type Bump, type Change } from "../../src/diff/index.js";

export const FIXTURE = resolve(import.meta.dirname, "../fixtures/diff/bookshelf.yaml");
export const REPO_ROOT = resolve(import.meta.dirname, "../../../..");
const RUNTIME_ENTRY = join(REPO_ROOT, "packages/runtime/src/index.ts");
const RUNTIME_TESTING = join(REPO_ROOT, "packages/runtime/src/testing/index.ts");
/** Inside the package, so type-checks find @types/node. */
const TEMP_ROOT = resolve(import.meta.dirname, "../../.tmp");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Spec = any;

export interface SpecEdit {
  readonly name: string;
  readonly bump: Bump;
  readonly edit: (spec: Spec) => void;
  /** Statements in an async function where `c` is a client of the old SDK (`Shelf`). */
  readonly caller: string;
  /** More names to import from the SDK, e.g. `type Book`, `ServerList`. */
  readonly imports?: readonly string[];
  /** For a major change no type shows: why (the caller then compiles against the new SDK too). */
  readonly notInTypes?: string;
  /** The change is reported with a warning (a new enum value in a response). */
  readonly warning?: boolean;
}

export interface Outcome {
  readonly changes: Change[];
  readonly bump: Bump;
  /** Type errors of the caller against the old SDK, then against the new one. */
  readonly oldErrors: string[];
  readonly newErrors: string[];
  /** Type errors inside the generated SDKs themselves (there should be none). */
  readonly sdkErrors: string[];
}

export function callerSource(edit: Pick<SpecEdit, "caller" | "imports">): string {
  return [
    `import { Shelf${(edit.imports ?? []).map((n) => `, ${n}`).join("")} } from "./sdk/index.js";`,
    `const c = new Shelf({ security: { shelfKey: "k" } });`,
    "export async function use(): Promise<void> {",
    edit.caller,
    "}",
    "void c;",
    "",
  ].join("\n");
}

export async function baseSpec(): Promise<Spec> {
  return parse(await readFile(FIXTURE, "utf8"));
}

/** Writes `spec` as YAML and loads it with the generator's loader. */
export async function writeAndLoad(spec: Spec, path: string): Promise<SpecModel> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, stringify(spec));
  return loadSpec(path, path);
}

async function generateInto(specPath: string, dir: string): Promise<string[]> {
  const files = await generateFiles({
    packageName: "@x/shelf", packageDir: dir, specFile: "bookshelf.yaml", specPath,
    clientName: "Shelf", runtimeImport: "@x/runtime", outDir: join(dir, "sdk"),
  });
  await mkdir(join(dir, "sdk"), { recursive: true });
  await Promise.all(files.map((f) => writeFile(join(dir, "sdk", f.path), f.contents)));
  return files.map((f) => join(dir, "sdk", f.path));
}

export async function runEdits(edits: readonly SpecEdit[]): Promise<{ outcomes: Map<string, Outcome>; cleanup: () => Promise<void> }> {
  await mkdir(TEMP_ROOT, { recursive: true });
  const root = await mkdtemp(join(TEMP_ROOT, "diff-"));
  const base = await baseSpec();
  const baseModel = await writeAndLoad(base, join(root, "base.yaml"));
  const oldRoots = await generateInto(join(root, "base.yaml"), join(root, "old"));
  const newRoots: string[] = [];
  const results: { edit: SpecEdit; changes: Change[]; index: number }[] = [];
  for (const [index, edit] of edits.entries()) {
    const spec = structuredClone(base);
    edit.edit(spec);
    const dir = join(root, "new", String(index));
    const changes = diffModels(baseModel, await writeAndLoad(spec, join(dir, "spec.yaml")));
    newRoots.push(...(await generateInto(join(dir, "spec.yaml"), dir)));
    await writeFile(join(root, "old", `${index}.ts`), callerSource(edit));
    await writeFile(join(dir, "caller.ts"), callerSource(edit));
    oldRoots.push(join(root, "old", `${index}.ts`));
    newRoots.push(join(dir, "caller.ts"));
    results.push({ edit, changes, index });
  }
  const check = (roots: string[]) => typecheckFiles(roots, { paths: { "@x/runtime": [RUNTIME_ENTRY], "@x/runtime/testing": [RUNTIME_TESTING] }, root });
  const [oldDiagnostics, newDiagnostics] = [check(oldRoots), check(newRoots)];
  const sdkErrors = [...oldDiagnostics, ...newDiagnostics].filter((d) => /^(old|new\/\d+)\/sdk\//.test(d));
  const outcomes = new Map<string, Outcome>();
  for (const { edit, changes, index } of results) {
    outcomes.set(edit.name, {
      changes,
      bump: highestBump(changes),
      oldErrors: oldDiagnostics.filter((d) => d.startsWith(`old/${index}.ts:`)),
      newErrors: newDiagnostics.filter((d) => d.startsWith(`new/${index}/caller.ts:`)),
      sdkErrors: sdkErrors.filter((d) => d.startsWith(`new/${index}/`) || d.startsWith("old/sdk/")),
    });
  }
  return { outcomes, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Shorthands for edits of the fixture. */
export const at = {
  op: (spec: Spec, path: string, method: string) => spec.paths[path][method],
  books: "/shelves/{shelfId}/books",
  book: "/shelves/{shelfId}/books/{bookId}",
  cover: "/shelves/{shelfId}/books/{bookId}/cover",
  schema: (spec: Spec, name: string) => spec.components.schemas[name],
  param: (spec: Spec, path: string, method: string, name: string) => at.op(spec, path, method).parameters.find((p: { name?: string }) => p.name === name),
};

/** One test per edit: the bump, and the compile results that back it. */
export function describeEdits(title: string, edits: readonly SpecEdit[]): void {
  describe(title, () => {
    let run: Awaited<ReturnType<typeof runEdits>> | undefined;
    // An SDK generated per edit, then two type-checks of them all: 10-15 s on a quiet machine.
    beforeAll(async () => {
      run = await runEdits(edits);
    }, needs(20_000));
    afterAll(async () => run?.cleanup());

    it("generates old and new SDKs that type-check on their own", () => {
      expect([...run!.outcomes.values()].flatMap((o) => o.sdkErrors)).toEqual([]);
    });

    it.each(edits.map((e) => ({ ...e, label: e.notInTypes ? `${e.bump}, not visible in types` : e.bump })))("$name: $label", (edit) => {
      const outcome = run!.outcomes.get(edit.name)!;
      const report = JSON.stringify(outcome.changes, null, 2);
      expect(outcome.oldErrors, "the caller compiles against the old SDK").toEqual([]);
      expect(outcome.bump, report).toBe(edit.bump);
      expect(outcome.changes.some((c) => c.warning === true), report).toBe(edit.warning === true);
      if (edit.notInTypes !== undefined) expect(edit.bump, "only a major change needs notInTypes").toBe("major");
      if (edit.bump === "major" && edit.notInTypes === undefined) {
        expect(outcome.newErrors.length, "a major change breaks the caller").toBeGreaterThan(0);
      } else {
        expect(outcome.newErrors, "a change below major (or one types cannot show) keeps the caller compiling").toEqual([]);
      }
    });
  });
}

/** The changes between two spec texts, as `pnpm spec:diff` judges them (written to a temp folder of their own). */
export async function diffSpecTexts(before: string, after: string): Promise<Change[]> {
  const dir = await mkdtemp(join(tmpdir(), "x-diff-texts-"));
  try {
    await writeFile(join(dir, "before.yaml"), before);
    await writeFile(join(dir, "after.yaml"), after);
    return await diffSpecFiles({ file: "before.yaml", path: join(dir, "before.yaml") }, { file: "after.yaml", path: join(dir, "after.yaml") });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
