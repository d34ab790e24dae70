/**
 * The generated README's TypeScript examples compile against this package, so a README
 * example that would not work for a user fails the tests. Each ```ts block that starts
 * with an import is one example (the others are call signatures) and is checked as its
 * own module, the way a user would paste it, with @x/common mapped to src/index.ts.
 * A whole program type-check takes seconds on a quiet machine: each test states what it needs.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { readmeExamples, typecheckFiles } from "@x/codegen/testing";
import { afterAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";

const PACKAGE_DIR = resolve(import.meta.dirname, "..");
const RUNTIME_ENTRY = resolve(PACKAGE_DIR, "../runtime/src/index.ts");
const RUNTIME_TESTING = resolve(PACKAGE_DIR, "../runtime/src/testing/index.ts");
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Type-checks each source as its own module; returns `example N, line L: message` for each problem. */
async function typecheck(sources: readonly string[]): Promise<string[]> {
  const root = join(PACKAGE_DIR, ".tmp");
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, "readme-"));
  made.push(dir);
  const files = sources.map((_, i) => join(dir, `example-${i + 1}.ts`));
  await Promise.all(sources.map((code, i) => writeFile(files[i]!, code)));
  return typecheckFiles(files, {
    paths: {
      "@x/common": [resolve(PACKAGE_DIR, "src/index.ts")],
      "@x/common/testing": [resolve(PACKAGE_DIR, "src/generated/testing.ts")],
      "@x/runtime": [RUNTIME_ENTRY],
      "@x/runtime/testing": [RUNTIME_TESTING],
    },
    root: dir,
  });
}

describe("README.md (generated)", () => {
  it("has a TypeScript example per operation and per section, and every one type-checks", async () => {
    const markdown = await readFile(join(PACKAGE_DIR, "README.md"), "utf8");
    const blocks = readmeExamples(markdown);
    // construct, 6 operations (list also shows listAll when it pages), errors, retries, timeouts, raw responses, hooks
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    for (const method of ["create", "delete", "get", "list", "unlinkConnection", "updateAuthorization"]) {
      expect(blocks.some((code) => code.includes(`.connections.${method}(`)), method).toBe(true);
    }
    expect(await typecheck(blocks)).toEqual([]);
  }, needs(15_000));

  it("would fail on an example that does not compile", async () => {
    const markdown = await readFile(join(PACKAGE_DIR, "README.md"), "utf8");
    const get = readmeExamples(markdown).find((code) => code.includes(".connections.get("))!;
    const broken = get.replace('connectionId: "', 'connectionID: "');
    expect(broken).not.toBe(get);
    expect((await typecheck([broken])).join("\n")).toMatch(/example-1\.ts:\d+: .*connectionID/);
  }, needs(10_000));
});
