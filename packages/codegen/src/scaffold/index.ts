/**
 * `sdk:new <spec> --name @x/<name> [--link] [--no-install]`: adds an API to the workspace.
 *
 * Copies (or, with --link, symlinks) the spec to openapi/<name>.<ext> (a spec written as
 * many files is bundled into one document there; linked, its tree stays where it is and the
 * loader resolves it from the root file), scaffolds
 * packages/<name> from the templates, generates src/generated/ and runs `pnpm install`
 * so the workspace links it. It writes nothing else: deleting those two paths and
 * running `pnpm install` restores the repository, lockfile included. The spec is loaded
 * and generated in memory first, so a bad spec or name leaves nothing behind; a failure
 * after writing removes what was written and restores the lockfile.
 */
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { CodegenError } from "../errors.js";
import { main as codegen } from "../cli.js";
import { generateFiles } from "../generate.js";
import { bundleSpecFile } from "../load/bundle.js";
import { loadSpec } from "../load/index.js";
import { readTarget } from "../target.js";
import { packageNameProblem, packageNames } from "./names.js";
import { sampleCalls, type SampleCall } from "../samples.js";
import { renderPackage } from "./templates.js";

export { packageNameProblem, packageNames, type PackageNames } from "./names.js";
export { renderCall, sampleCall, sampleCalls, SAMPLE_DATE, SAMPLE_DATE_TIME, SAMPLE_UUID, type SampleCall } from "../samples.js";
export { gzipBudget, renderPackage, type PackageFiles, type TemplateInput } from "./templates.js";

export const USAGE = "usage: pnpm sdk:new <path to spec (.yaml, .yml or .json)> --name @x/<name> [--link] [--no-install] [--verbose]";
const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];

export interface ScaffoldOptions {
  /** The workspace root (the directory with pnpm-workspace.yaml). */
  readonly root: string;
  /** Absolute path of the spec to add. */
  readonly spec: string;
  /** `@x/<name>` */
  readonly name: string;
  /** Symlink the spec instead of copying it. */
  readonly link?: boolean;
  /** Print every generator warning, not one line per kind. */
  readonly verbose?: boolean;
  /** Run `pnpm install` afterwards. @default true */
  readonly install?: boolean;
  readonly log?: (line: string) => void;
}

export interface ScaffoldResult {
  readonly packageDir: string;
  readonly specPath: string;
  readonly clientName: string;
  readonly files: readonly string[];
}

/** Thrown for anything the user can fix: a bad name, a missing spec, an existing package. */
export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const log = options.log ?? (() => {});
  const problem = packageNameProblem(options.name);
  if (problem) throw new ScaffoldError(problem);
  const names = packageNames(options.name);
  const ext = extname(options.spec).toLowerCase();
  if (!SPEC_EXTENSIONS.includes(ext)) throw new ScaffoldError(`${options.spec}: a spec must be a .yaml, .yml or .json file`);
  if (!existsSync(options.spec)) throw new ScaffoldError(`${options.spec}: file not found`);

  const packageDir = join(options.root, "packages", names.dirName);
  const specPath = join(options.root, "openapi", `${names.dirName}${ext === ".yml" ? ".yaml" : ext}`);
  if (existsSync(packageDir)) throw new ScaffoldError(`${relative(options.root, packageDir)} already exists; pick another --name or remove it first`);
  for (const e of SPEC_EXTENSIONS) {
    const taken = join(options.root, "openapi", `${names.dirName}${e}`);
    if (existsSync(taken)) throw new ScaffoldError(`${relative(options.root, taken)} already exists; pick another --name or remove it first`);
  }

  // Everything that can fail on the spec happens before anything is written.
  const specFromRoot = relative(options.root, specPath);
  const model = await loadSpec(options.spec, options.spec, { clientName: names.clientName });
  // The loader renames a client whose name the package needs for something else (`Security`).
  const clientName = model.clientName ?? names.clientName;
  const calls = sampleCalls(model);
  // The smoke test's call: a GET answered with a success, taking plain values (no arrays or
  // objects, whose serialization styles Prism cannot always check), arguments rather than none.
  const plain = calls.filter((c) => c.statuses.some((s) => /^2/.test(s)) && Object.values(c.request).every((v) => v === null || typeof v !== "object"));
  const smokeCall = plain.find((c) => Object.keys(c.request).length > 0) ?? plain[0] ?? calls.find((c) => Object.keys(c.request).length > 0) ?? calls[0];
  // The document openapi/ gets: the spec, or the one its files make (refs resolved from the root file).
  const bundle = bundleSpecFile(basename(options.spec), options.spec, ext === ".json" ? "json" : "yaml");
  const files = renderPackage({
    ...names,
    clientName,
    specFromPackage: relative(packageDir, specPath),
    // A copy remembers its original (a bundle, its root file), so `pnpm spec:update` can pull a newer version of it.
    ...(options.link ? {} : { sourceFromPackage: relative(packageDir, options.spec) }),
    specFromRoot,
    ...(options.link && bundle.bundled ? treeInputs(options.root, options.spec, bundle.files) : {}),
    title: model.title,
    securityFields: model.securitySchemes.filter((s) => !(s.kind === "oauth2" && s.tokenUrl !== undefined && !s.acceptsToken)).map((s) => s.field),
    basicFields: model.securitySchemes.filter((s) => s.kind === "basic").map((s) => s.field),
    ...(smokeCall ? { smokeCall, smokeStatuses: smokeCall.statuses } : {}),
    operationCount: model.resources.reduce((n, r) => n + r.operations.length, 0),
    generatedReadme: await generatorWritesReadme(),
  });
  // Generated in memory only to find a spec the generator refuses before writing anything.
  const generated = await generateFiles({
    packageName: names.packageName,
    packageDir,
    specFile: specFromRoot,
    specPath: options.spec,
    clientName: names.clientName,
    runtimeImport: "@x/runtime",
    outDir: join(packageDir, "src", "generated"),
  });


  const lockfile = join(options.root, "pnpm-lock.yaml");
  const lockBefore = await readFile(lockfile, "utf8").catch(() => undefined);
  try {
    await mkdir(dirname(specPath), { recursive: true });
    if (options.link) await symlink(relative(dirname(specPath), options.spec), specPath);
    else if (bundle.bundled) await writeFile(specPath, bundle.text);
    else await copyFile(options.spec, specPath);
    log(`${options.link ? "linked" : bundle.bundled ? `bundled ${bundle.files.length} files into` : "copied"} ${specFromRoot}`);
    for (const [path, contents] of Object.entries(files)) {
      await mkdir(dirname(join(packageDir, path)), { recursive: true });
      await writeFile(join(packageDir, path), contents);
    }
    log(`scaffolded ${relative(options.root, packageDir)}/ (client ${clientName})`);
    // Generate exactly as `pnpm generate` will, from the package's own x-codegen config.
    if ((await codegen(["--write", ...(options.verbose ? ["--verbose"] : []), packageDir], {})) !== 0) throw new ScaffoldError("x-codegen failed on the new package; nothing was kept");
    if (options.install ?? true) {
      log("pnpm install");
      const install = spawnSync("pnpm", ["install", "--prefer-offline"], { cwd: options.root, stdio: "inherit" });
      if (install.status !== 0) throw new ScaffoldError(`pnpm install failed (exit ${install.status ?? install.signal}); nothing was kept`);
    }
  } catch (error) {
    await rm(packageDir, { recursive: true, force: true });
    await rm(specPath, { force: true });
    if (lockBefore !== undefined) await writeFile(lockfile, lockBefore);
    throw error;
  }
  return {
    packageDir,
    specPath,
    clientName,
    files: [...Object.keys(files), ...generated.map((f) => `src/generated/${f.path}`)].sort(),
  };
}

/**
 * A linked tree's folder (the deepest that holds all its files), when it is inside the
 * workspace: turbo then hashes its files as the package's inputs. Outside, it cannot.
 */
function treeInputs(root: string, spec: string, files: readonly string[]): { specTreeFromRoot?: string } {
  const base = dirname(realpathSync(spec));
  const dirs = files.map((f) => dirname(resolve(base, f)));
  let common = dirs[0] ?? base;
  while (!dirs.every((d) => d === common || d.startsWith(`${common}${sep}`))) common = dirname(common);
  const fromRoot = relative(root, common).split(sep).join("/");
  return fromRoot === "" || fromRoot.startsWith("..") || isAbsolute(fromRoot) ? {} : { specTreeFromRoot: fromRoot };
}

/** Whether this @x/codegen honours `"x-codegen": { "readme": "README.md" }` (a generated README). */
async function generatorWritesReadme(): Promise<boolean> {
  const dir = await mkdtemp(join(tmpdir(), "x-sdk-new-"));
  try {
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "@x/probe", "x-codegen": { spec: "spec.yaml", readme: "README.md" } }));
    return (await readTarget(dir) as { readme?: unknown }).readme !== undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The CLI; `cwd` is where the user ran it (pnpm's INIT_CWD), against which the spec path resolves. */
export async function main(args: readonly string[], root: string, cwd = process.env.INIT_CWD ?? process.cwd()): Promise<number> {
  const flags = new Set(["--link", "--no-install", "--verbose"]);
  const positional: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--name") name = args[++i];
    else if (arg.startsWith("--name=")) name = arg.slice("--name=".length);
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith("-") && !flags.has(arg)) {
      console.error(`sdk:new: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else if (!arg.startsWith("-")) positional.push(arg);
  }
  if (positional.length !== 1 || !name) {
    console.error(`sdk:new: ${positional.length !== 1 ? "give exactly one spec path" : "--name @x/<name> is required"}\n${USAGE}`);
    return 2;
  }
  try {
    const result = await scaffold({
      root,
      spec: resolve(cwd, positional[0]!),
      name,
      link: args.includes("--link"),
      install: !args.includes("--no-install"),
      verbose: args.includes("--verbose"),
      log: (line) => console.log(`sdk:new: ${line}`),
    });
    const dir = relative(root, result.packageDir);
    console.log(`
${name} is ready in ${dir}/ (client ${result.clientName}), generated from ${relative(root, result.specPath)}.
Next:
  pnpm build                          # or: pnpm turbo run build --filter=${name}
  pnpm test                           # typecheck, drift check, smoke test against Prism, package checks
  edit ${dir}/src/index.ts as needed (README.md and src/generated/ are generated: change the spec)
  pnpm changeset                      # pick ${name} to release it (it starts at 0.0.0)
  pnpm spec:update ${name}    # later: pull a newer spec from x-codegen.source (${relative(root, result.packageDir)}/package.json)
To undo: rm -rf ${dir} ${relative(root, result.specPath)} && pnpm install`);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError) console.error(`sdk:new: ${error.message}`);
    else if (error instanceof CodegenError) console.error(`sdk:new: the spec does not generate:\n${error.message}\nNothing was written.`);
    else throw error;
    return 1;
  }
}
