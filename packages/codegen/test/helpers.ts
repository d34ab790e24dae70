/** Shared by the codegen tests: temp packages, fixture generation, type-checking output. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll } from "vitest";
import { generateFiles, generatePackage } from "../src/generate.js";
import type { GeneratedFile } from "../src/emit/source.js";
import type { PackageTarget } from "../src/target.js";

export const FIXTURES = resolve(import.meta.dirname, "fixtures");
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const RUNTIME_ENTRY = resolve(REPO_ROOT, "packages/runtime/src/index.ts");

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
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    skipLibCheck: true,
    noUncheckedIndexedAccess: true,
    allowImportingTsExtensions: true,
    baseUrl: dir,
    paths: { "@x/runtime": [RUNTIME_ENTRY] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(dir, "")}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
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

/** The runnable examples of a README: its ```ts blocks that start with an import (not the call signatures). */
export function readmeExamples(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((code) => code.startsWith("import "));
}
