/** Shared by the codegen tests: temp packages, fixture generation, type-checking output. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll } from "vitest";
import { generateFiles, generatePackage } from "../src/generate.js";
import type { GeneratedFile } from "../src/emit/source.js";
import type { PackageTarget } from "../src/target.js";
import { typecheckFiles } from "../src/typecheck.js";

export const FIXTURES = resolve(import.meta.dirname, "fixtures");
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const RUNTIME_ENTRY = resolve(REPO_ROOT, "packages/runtime/src/index.ts");
/** The test kit's engine, which the generated testing.ts imports. */
const RUNTIME_TESTING = resolve(REPO_ROOT, "packages/runtime/src/testing/index.ts");

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Inside the package, so type-checks resolve @types/node and typescript from the workspace. */
const TEMP_ROOT = resolve(import.meta.dirname, "../.tmp");

/** A fresh directory, removed after the file's tests. */
export async function tempDir(prefix = "x-codegen-"): Promise<string> {
  await mkdir(TEMP_ROOT, { recursive: true });
  const dir = await mkdtemp(join(TEMP_ROOT, prefix));
  made.push(dir);
  return dir;
}

/** A throwaway package whose `x-codegen` points at `specPath`. */
export async function tempPackage(specPath: string, name = "@x/fixture"): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, "package.json"), JSON.stringify({ name, "x-codegen": { spec: specPath } }));
  return dir;
}

export function targetFor(specPath: string, clientName: string, specFile = specPath): PackageTarget {
  return {
    packageName: "@x/fixture",
    packageDir: "/nowhere",
    specFile,
    specPath,
    clientName,
    runtimeImport: "@x/runtime",
    outDir: "/nowhere/src/generated",
  };
}

export async function generateFixture(name: string, clientName: string): Promise<GeneratedFile[]> {
  return generateFiles(targetFor(join(FIXTURES, `${name}.yaml`), clientName, `test/fixtures/${name}.yaml`));
}

/**
 * Writes generated files plus `extra` sources to a temp dir and type-checks them in
 * strict mode against the runtime's sources. Returns the diagnostics as text lines.
 */
export async function typecheck(files: readonly GeneratedFile[], extra: Record<string, string> = {}): Promise<string[]> {
  const dir = await tempDir("x-codegen-tsc-");
  await mkdir(join(dir, "generated"), { recursive: true });
  for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
  for (const [path, contents] of Object.entries(extra)) await writeFile(join(dir, path), contents);
  const roots = [...files.map((f) => join(dir, "generated", f.path)), ...Object.keys(extra).map((p) => join(dir, p))];
  return typecheckFiles(roots, { paths: { "@x/runtime": [RUNTIME_ENTRY], "@x/runtime/testing": [RUNTIME_TESTING] }, root: dir });
}

/** The README `x-codegen.readme` would generate for a fixture spec. */
export async function generateFixtureReadme(name: string, clientName: string): Promise<string> {
  const target: PackageTarget = {
    ...targetFor(join(FIXTURES, `${name}.yaml`), clientName, `test/fixtures/${name}.yaml`),
    packageDescription: `Fixture SDK generated from ${name}.yaml`,
    readme: { path: "README.md", specLink: `../fixtures/${name}.yaml` },
  };
  const { packageFiles } = await generatePackage(target);
  return packageFiles.find((f) => f.path === "README.md")!.contents;
}
