/** Which spec a package is generated from, read from the `x-codegen` field of its package.json. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { CodegenError } from "./errors.js";
import { pascalCase } from "./load/naming.js";

export interface PackageTarget {
  readonly packageName: string;
  /** package.json `version`, emitted as `SDK_VERSION` and sent in the User-Agent. @default "0.0.0" */
  readonly packageVersion?: string;
  readonly packageDir: string;
  /** The spec relative to the workspace root, as banners and messages show it. */
  readonly specFile: string;
  readonly specPath: string;
  readonly clientName: string;
  readonly runtimeImport: string;
  readonly outDir: string;
  /** package.json `description`, which the generated README opens with. */
  readonly packageDescription?: string;
  /** Set when the package asks for a generated README (`"readme": "README.md"`). */
  readonly readme?: {
    /** The README's path relative to the package, e.g. `README.md`. */
    readonly path: string;
    /** The spec relative to the README's directory, for links. */
    readonly specLink: string;
  };
}

/** package.json `x-codegen` field. */
interface CodegenConfig {
  /** Spec path relative to the package. */
  spec: string;
  /** Client class name; defaults to the package name without scope, pascal-cased. */
  clientName?: string;
  /** @default "@x/runtime" */
  runtime?: string;
  /** Package-relative path of a README to generate in full (`"README.md"`); none when left out. */
  readme?: string;
}

export async function readTarget(packageDir: string): Promise<PackageTarget> {
  const manifestPath = join(packageDir, "package.json");
  const manifestFile = relative(workspaceRoot(packageDir), manifestPath);
  let manifest: { name?: string; version?: string; description?: string; "x-codegen"?: Partial<CodegenConfig> };
  try {
    manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  } catch (error) {
    throw new CodegenError(manifestFile, [`cannot read package manifest: ${(error as Error).message}`]);
  }
  const config = manifest["x-codegen"];
  if (!config || typeof config.spec !== "string") {
    throw new CodegenError(manifestFile, ['needs an "x-codegen": { "spec": "<path to the OpenAPI file>" } field']);
  }
  const packageName = manifest.name ?? packageDir;
  const specPath = resolve(packageDir, config.spec);
  const readme = readmeTarget(packageDir, specPath, config.readme, manifestFile);
  return {
    packageName,
    ...(typeof manifest.version === "string" ? { packageVersion: manifest.version } : {}),
    packageDir,
    specFile: displayPath(workspaceRoot(packageDir), specPath),
    specPath,
    clientName: config.clientName ?? pascalCase(packageName.replace(/^@[^/]+\//, "")),
    runtimeImport: config.runtime ?? "@x/runtime",
    outDir: join(packageDir, "src", "generated"),
    ...(typeof manifest.description === "string" ? { packageDescription: manifest.description } : {}),
    ...(readme ? { readme } : {}),
  };
}

function readmeTarget(packageDir: string, specPath: string, readme: unknown, manifestFile: string): PackageTarget["readme"] {
  if (readme === undefined) return undefined;
  const root = resolve(packageDir);
  const path = typeof readme === "string" && readme !== "" ? resolve(root, readme) : undefined;
  const inside = path !== undefined && path.startsWith(`${root}/`) && !`${path}/`.startsWith(join(root, "src", "generated") + "/");
  if (!path || !inside) {
    throw new CodegenError(manifestFile, ['"x-codegen".readme must be a file path inside the package and outside src/generated, e.g. "README.md"']);
  }
  const posix = (p: string) => p.split("\\").join("/");
  return { path: posix(relative(root, path)), specLink: posix(relative(dirname(path), specPath)) };
}

/** The nearest directory with a pnpm-workspace.yaml, so banners do not depend on where the repo is cloned. */
function workspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/** Relative to the workspace when the spec lives in it, else absolute. */
function displayPath(root: string, file: string): string {
  const rel = relative(root, file).split("\\").join("/");
  return rel.startsWith("../") ? file : rel;
}
