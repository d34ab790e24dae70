/**
 * The scratch repository: a copy of the developer's working tree (tracked files plus
 * untracked ones git does not ignore; no node_modules) in `<tmp>/repo`, committed on a
 * fresh `main` branch, installed from the warm pnpm store. Everything the rehearsal
 * versions, tags and publishes happens there; the checkout is only read.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { run, runOk, type RunOptions } from "./proc.ts";

/** Files of the working tree as git sees them (tracked, or untracked and not ignored), that exist. */
export function workingTreeFiles(root: string): string[] {
  const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = [...new Set(out.split("\0").filter((f) => f !== ""))];
  // A tracked file deleted in the working tree is listed but gone; node_modules never belongs.
  return files.filter((f) => !f.split("/").includes("node_modules") && existsOrLink(join(root, f)));
}

function existsOrLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Copies the working tree of `root` into `dest` (which must not exist yet). Returns the file count. */
export function copyWorkingTree(root: string, dest: string): number {
  const files = workingTreeFiles(root);
  for (const file of files) {
    const from = join(root, file);
    const to = join(dest, file);
    mkdirSync(dirname(to), { recursive: true });
    const stat = lstatSync(from);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (stat.isFile()) copyFileSync(from, to);
    // a directory entry is a submodule or a nested repository: not ours to copy
  }
  return files.length;
}

/**
 * The checkout's turbo run summaries (`.turbo/runs`, what its `pnpm test` ran and passed) into
 * the scratch repo, whose releases read them as a release on the checkout would. Returns how many.
 */
export function copyRunSummaries(root: string, repo: string): number {
  const from = join(root, ".turbo", "runs");
  if (!existsSync(from)) return 0;
  const files = readdirSync(from).filter((f) => f.endsWith(".json"));
  mkdirSync(join(repo, ".turbo", "runs"), { recursive: true });
  for (const file of files) cpSync(join(from, file), join(repo, ".turbo", "runs", file), { preserveTimestamps: true });
  return files.length;
}

/**
 * `<tmp>/shared` beside the scratch repo, as `../shared` is beside the checkout, each entry
 * a link. (No turbo task hashes anything outside the workspace, so the scratch repo's tasks
 * hash as the checkout's do and replay from its cache whether `../shared` is a folder or a link.)
 */
export function linkShared(root: string, tmp: string): void {
  const shared = resolve(root, "../shared");
  const dest = join(tmp, "shared");
  mkdirSync(dest);
  if (!existsSync(shared)) return;
  for (const entry of readdirSync(shared)) symlinkSync(join(shared, entry), join(dest, entry));
}

/** git in the scratch repo, never with the developer's hooks or signing. */
export function gitArgs(args: readonly string[]): string[] {
  return [
    "-c", "user.name=Release rehearsal",
    "-c", "user.email=rehearsal@localhost",
    "-c", "commit.gpgsign=false",
    "-c", "tag.gpgsign=false",
    "-c", "core.hooksPath=/dev/null",
    "-c", "init.defaultBranch=main",
    ...args,
  ];
}

export function git(args: readonly string[], options: RunOptions) {
  return runOk("git", gitArgs(args), options);
}

/** Commits everything in the scratch repo (no-op when nothing changed). */
export async function commitAll(message: string, options: RunOptions): Promise<void> {
  await git(["add", "-A"], options);
  const staged = await run("git", gitArgs(["diff", "--cached", "--quiet"]), options);
  if (staged.code === 0) return;
  await git(["commit", "-q", "-m", message], options);
}

export async function initRepo(repo: string, options: RunOptions): Promise<void> {
  await git(["init", "-q", "-b", "main"], options);
  await commitAll("Rehearsal: snapshot of the working tree", options);
}

/** `pnpm install --offline --frozen-lockfile`, online if the store lacks something. */
export async function install(options: RunOptions): Promise<"offline" | "online"> {
  const offline = await run("pnpm", ["install", "--offline", "--frozen-lockfile"], options);
  if (offline.code === 0) return "offline";
  await runOk("pnpm", ["install", "--frozen-lockfile"], options);
  return "online";
}

export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  readonly private: boolean;
  readonly dir: string;
  readonly manifest: Record<string, unknown>;
}

/** The workspace's packages (`packages/*`, `examples/*`), read from `repo`. */
export function workspacePackages(repo: string): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const group of ["packages", "examples"]) {
    const dir = join(repo, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, "package.json");
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      out.push({
        name: String(manifest.name),
        version: String(manifest.version),
        private: manifest.private === true,
        dir: join(dir, name),
        manifest,
      });
    }
  }
  return out;
}

/** Changeset files waiting to be turned into versions. */
export function pendingChangesets(repo: string): string[] {
  const dir = join(repo, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
}

/**
 * The breaking change: `integrationKey` is no longer required in `Connection` of
 * openapi/common.yaml. A one-line text edit (as a person would make it), checked by
 * parsing the result. Returns the 1-based line removed.
 */
export function makeIntegrationKeyOptional(specPath: string): number {
  const lines = readFileSync(specPath, "utf8").split("\n");
  const schemas = lines.findIndex((l) => /^ {2}schemas:\s*$/.test(l));
  const connection = lines.findIndex((l, i) => i > schemas && /^ {4}Connection:\s*$/.test(l));
  if (schemas < 0 || connection < 0) throw new Error(`${specPath}: components.schemas.Connection not found`);
  const required = lines.findIndex((l, i) => i > connection && /^ {6}required:\s*$/.test(l));
  let at = -1;
  for (let i = required + 1; i < lines.length && /^ {8}- /.test(lines[i]!); i++) {
    if (/^ {8}- integrationKey\s*$/.test(lines[i]!)) at = i;
  }
  if (required < 0 || at < 0) throw new Error(`${specPath}: integrationKey is not in Connection's required list`);
  lines.splice(at, 1);
  const text = lines.join("\n");
  const doc = parse(text) as { components: { schemas: { Connection: { required: string[]; properties: Record<string, unknown> } } } };
  const schema = doc.components.schemas.Connection;
  if (schema.required.includes("integrationKey") || !("integrationKey" in schema.properties)) {
    throw new Error(`${specPath}: the edit did not make integrationKey optional`);
  }
  writeFileSync(specPath, text);
  return at + 1;
}

/** The `"package": bump` lines of a changeset file's front matter. */
export function changesetReleases(text: string): Record<string, string> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return {};
  const releases: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (m) releases[m[1]!] = m[2]!;
  }
  return releases;
}
