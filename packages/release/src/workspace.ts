/**
 * The SDK packages of a workspace (those whose package.json has `x-codegen.spec`) and the
 * diff of each one's spec in the working tree against its version at a git ref.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { CodegenError, loadSpec, type SpecModel } from "@x/codegen";
import { parse } from "yaml";
import { diffModels, highestBump, type Bump, type Change } from "./diff/index.js";

const run = promisify(execFile);

/** Bad input: a base ref that does not exist, a spec that does not load. Nothing is written. */
export class SpecDiffError extends Error {
  override readonly name = "SpecDiffError";
}

export interface SdkPackage {
  readonly name: string;
  readonly dir: string;
  /** Private packages are never released, so they never get changesets. */
  readonly private: boolean;
  /** The spec relative to the workspace root (posix), as messages and `git show` name it. */
  readonly specFile: string;
  readonly specPath: string;
}

export interface PackageDiff {
  readonly name: string;
  readonly bump: Bump;
  readonly changes: readonly Change[];
  readonly dir?: string;
  readonly private?: boolean;
  readonly specFile?: string;
  /** The git ref the changes are counted from. */
  readonly base?: string;
}

/** The nearest directory at or above `from` with a pnpm-workspace.yaml. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

export async function sdkPackages(root: string): Promise<SdkPackage[]> {
  const workspace = parse(await readFile(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages?: unknown } | null;
  const patterns = Array.isArray(workspace?.packages) ? workspace.packages.filter((p): p is string => typeof p === "string") : [];
  const dirs = new Set<string>();
  for (const pattern of patterns.filter((p) => !p.startsWith("!"))) {
    for (const dir of await expand(root, pattern.replace(/\/$/, ""))) dirs.add(dir);
  }
  const packages: SdkPackage[] = [];
  for (const dir of [...dirs].sort()) {
    const manifest = await readFile(join(dir, "package.json"), "utf8").then((t) => JSON.parse(t) as Record<string, unknown>, () => undefined);
    const spec = (manifest?.["x-codegen"] as { spec?: unknown } | undefined)?.spec;
    if (!manifest || typeof spec !== "string") continue;
    const specPath = resolve(dir, spec);
    const specFile = relative(root, specPath).split("\\").join("/");
    if (specFile.startsWith("../")) throw new SpecDiffError(`${relative(root, dir)}: its spec ${spec} is outside the workspace, so git cannot show its base version`);
    packages.push({ name: String(manifest.name ?? basename(dir)), dir, private: manifest.private === true, specFile, specPath });
  }
  return packages;
}

/** `packages/*` → its subdirectories; `packages/**` → all below; a plain path → itself. */
async function expand(root: string, pattern: string): Promise<string[]> {
  const star = pattern.indexOf("*");
  if (star === -1) return existsSync(join(root, pattern, "package.json")) ? [join(root, pattern)] : [];
  const base = join(root, pattern.slice(0, star));
  const deep = pattern.slice(star).startsWith("**");
  const found: string[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.filter((e) => e.isDirectory() && e.name !== "node_modules" && !e.name.startsWith("."))) {
      const path = join(dir, e.name);
      if (existsSync(join(path, "package.json"))) found.push(path);
      if (deep && depth < 4) await visit(path, depth + 1);
    }
  };
  await visit(base, 0);
  return found;
}

/** Every SDK package's spec in the working tree against `base`; throws SpecDiffError on bad input. */
export async function diffWorkspace(root: string, base: string): Promise<PackageDiff[]> {
  await git(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]).catch(() => {
    throw new SpecDiffError(`base ref "${base}" does not exist (pass --base <git ref>)`);
  });
  const result: PackageDiff[] = [];
  for (const pkg of await sdkPackages(root)) {
    const after = await load(pkg.specFile, pkg.specPath, `the working tree's ${pkg.specFile}`);
    const old = await git(root, ["show", `${base}:./${pkg.specFile}`]).then((o) => o, () => undefined);
    const changes: Change[] = old === undefined
      ? [{ bump: "minor", pointer: "#", message: `${pkg.specFile} did not exist at ${base}: the whole package is new` }]
      : diffModels(await loadBase(old, pkg, base, root), after);
    const { name, dir, private: isPrivate, specFile } = pkg;
    result.push({ name, dir, private: isPrivate, specFile, base, bump: highestBump(changes), changes });
  }
  return result;
}

/**
 * The base version, loaded from a scratch copy of the spec's folder as it was at `base` (its
 * YAML and JSON files): a spec written as many files refers to its neighbours.
 */
async function loadBase(source: string, pkg: SdkPackage, base: string, root: string): Promise<SpecModel> {
  const scratch = await mkdtemp(join(tmpdir(), "x-spec-diff-"));
  try {
    const folder = posix.dirname(pkg.specFile);
    const neighbours = folder === "." ? [] : (await git(root, ["ls-tree", "-r", "--name-only", base, "--", `${folder}/`]))
      .split("\n").filter((f) => f !== pkg.specFile && /\.(ya?ml|json)$/i.test(f));
    for (const file of neighbours) {
      await mkdir(dirname(join(scratch, file)), { recursive: true });
      await writeFile(join(scratch, file), await git(root, ["show", `${base}:./${file}`]));
    }
    const path = join(scratch, pkg.specFile);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, source);
    return await load(`${base}:${pkg.specFile}`, path, `${pkg.specFile} at base ref ${base}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function load(file: string, path: string, side: string): Promise<SpecModel> {
  try {
    return await loadSpec(file, path);
  } catch (error) {
    if (error instanceof CodegenError) throw new SpecDiffError(`${side} does not load:\n${error.message}`);
    throw error;
  }
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
  return stdout;
}
