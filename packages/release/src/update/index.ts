/**
 * `spec:update`: from "the vendor published a new spec" to a reviewed, versioned change in
 * one command. For each SDK package with an `x-codegen.source`, fetch the source; when its
 * content differs from the spec in openapi/, check that it loads and generates, print the
 * spec:diff table, then write the spec, regenerate, and write the package's changeset.
 *
 * Everything that can fail on the new spec (unreachable source, unparseable file, a spec
 * the generator refuses) fails before anything is written. If a write fails part way, the
 * previous spec and generated files are put back.
 */
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { CodegenError, generatePackage, readTarget, writeFiles, writePackageFiles, type PackageTarget } from "@x/codegen";
import { diffSpecFiles, highestBump, type Bump, type Change } from "../diff/index.js";
import { renderTable, writeChangesets } from "../changesets.js";
import { diffWorkspace, sdkPackages, SpecDiffError, type PackageDiff } from "../workspace.js";
import { displayUrl, isUrl, readSource, sameDocument, UpdateError } from "./source.js";

export { UpdateError } from "./source.js";

export interface UpdateOptions {
  /** The workspace root. */
  readonly root: string;
  /** Package names (`@x/foo`) or directory names (`foo`); all SDK packages with a source when empty. */
  readonly packages?: readonly string[];
  /** Fetch from here instead of `x-codegen.source` (one package only). */
  readonly from?: string;
  /** The git ref the changeset's diff starts from. @default "main" */
  readonly base?: string;
  readonly log?: (line: string) => void;
}

export type UpdateOutcome =
  | { readonly name: string; readonly status: "no source" }
  | { readonly name: string; readonly status: "up to date"; readonly source: string }
  | { readonly name: string; readonly status: "updated"; readonly source: string; readonly bump: Bump; readonly changes: readonly Change[]; readonly changeset?: string };

export async function specUpdate(options: UpdateOptions): Promise<UpdateOutcome[]> {
  const log = options.log ?? (() => {});
  const all = await sdkPackages(options.root);
  const wanted = options.packages ?? [];
  const unknown = wanted.filter((w) => !all.some((p) => p.name === w || basename(p.dir) === w));
  if (unknown.length > 0) throw new UpdateError(`no SDK package named ${unknown.join(", ")} (known: ${all.map((p) => p.name).join(", ")})`);
  if (options.from !== undefined && wanted.length !== 1) throw new UpdateError("--from needs exactly one package");
  // The changeset is written last, after the spec and the generated files; whatever could
  // stop it (a missing base ref, a base spec that does not load) is found before writing.
  await sinceBase(options);
  const chosen = wanted.length === 0 ? all : all.filter((p) => wanted.includes(p.name) || wanted.includes(basename(p.dir)));
  const outcomes: UpdateOutcome[] = [];
  for (const pkg of chosen) {
    const source = options.from ?? (await configuredSource(pkg.dir));
    if (source === undefined) {
      if (wanted.length > 0) throw new UpdateError(`${pkg.name} has no "x-codegen": { "source": "<URL or file>" } in its package.json; pass --from <URL or file>`);
      log(`${pkg.name}: no x-codegen.source; its spec is edited in place`);
      outcomes.push({ name: pkg.name, status: "no source" });
      continue;
    }
    outcomes.push(await updateOne(options, pkg.name, pkg.dir, source, log));
  }
  return outcomes;
}

async function updateOne(options: UpdateOptions, name: string, dir: string, source: string, log: (line: string) => void): Promise<UpdateOutcome> {
  const shown = isUrl(source) ? displayUrl(source) : source;
  const target = await readTarget(dir);
  const next = await readSource(source, dir, extname(target.specPath).toLowerCase() === ".json" ? "json" : "yaml");
  const current = await readFile(target.specPath, "utf8").catch(() => "");
  if (sameDocument(current, next)) {
    log(`${name}: ${target.specFile} is up to date with ${shown}`);
    return { name, status: "up to date", source: shown };
  }
  const scratch = await mkdtemp(join(tmpdir(), "x-spec-update-"));
  try {
    const candidate = join(scratch, `${basename(target.specPath, extname(target.specPath))}${extname(target.specPath) || ".yaml"}`);
    await writeFile(candidate, next);
    const label = `${shown} (new ${target.specFile})`;
    const generated = await generateOrExplain({ ...target, specPath: candidate, specFile: target.specFile }, label);
    const changes = await diffSpecFiles({ file: target.specFile, path: target.specPath }, { file: label, path: candidate });
    log(renderTable([{ name, bump: highestBump(changes), changes }]));
    const previous = await generateOrExplain(target, target.specFile).catch(() => undefined);
    await writeAll(target, next, current, generated, previous);
    log(`${name}: wrote ${target.specFile} from ${shown} and regenerated`);
    const [since] = (await sinceBase(options)).filter((p) => p.name === name);
    const written = since && since.bump !== "none" ? await writeChangesets(options.root, [since]) : [];
    for (const file of written) log(`${name}: wrote ${file} (${since?.bump})`);
    return { name, status: "updated", source: shown, bump: since?.bump ?? highestBump(changes), changes, ...(written[0] ? { changeset: written[0] } : {}) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

type Generated = Awaited<ReturnType<typeof generatePackage>>;

async function generateOrExplain(target: PackageTarget, label: string): Promise<Generated> {
  try {
    return await generatePackage(target);
  } catch (error) {
    if (error instanceof CodegenError) throw new UpdateError(`${label} does not generate; nothing was written:\n${error.message.replace(/^[^:]*: /, "")}`);
    throw error;
  }
}

/** The spec, then the generated files; on a failure part way, the previous ones are put back. */
async function writeAll(target: PackageTarget, next: string, current: string, generated: Generated, previous: Generated | undefined): Promise<void> {
  await replaceFile(target.specPath, next);
  try {
    await writeFiles(target.outDir, generated.files);
    await writePackageFiles(target.packageDir, generated.packageFiles);
  } catch (error) {
    await replaceFile(target.specPath, current);
    if (previous) {
      await writeFiles(target.outDir, previous.files);
      await writePackageFiles(target.packageDir, previous.packageFiles);
    }
    throw error;
  }
}

async function replaceFile(path: string, contents: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, contents);
  await rename(temp, path);
}

async function sinceBase(options: UpdateOptions): Promise<PackageDiff[]> {
  try {
    return await diffWorkspace(options.root, options.base ?? "main");
  } catch (error) {
    if (error instanceof SpecDiffError) throw new UpdateError(error.message);
    throw error;
  }
}

async function configuredSource(dir: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { "x-codegen"?: { source?: unknown } };
  const source = manifest["x-codegen"]?.source;
  return typeof source === "string" && source !== "" ? source : undefined;
}
