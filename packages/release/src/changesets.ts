/**
 * Changesets from spec diffs: the table everyone reads, one changeset per affected public
 * package (a deterministic file a later run overwrites, since the diff since the base is
 * cumulative), and the check that pending changesets cover the spec changes.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { bumpRank, isBump, maxBump, type Bump } from "./diff/index.js";
import type { PackageDiff } from "./workspace.js";

const CHANGESET_DIR = ".changeset";

export function renderTable(packages: readonly PackageDiff[]): string {
  const rows = [["package", "bump", "change", "JSON pointer"]];
  for (const pkg of packages) {
    if (pkg.changes.length === 0) rows.push([pkg.name, pkg.bump, "(no changes)", ""]);
    for (const c of pkg.changes) rows.push([pkg.name, c.bump, c.warning ? `WARNING ${c.message}` : c.message, c.pointer]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n");
}

/** `.changeset/spec-common.md` for `packages/common`. */
export function changesetFile(pkg: Pick<PackageDiff, "name" | "dir">): string {
  const dirName = pkg.dir ? basename(pkg.dir) : pkg.name.replace(/^@[^/]+\//, "");
  return `${CHANGESET_DIR}/spec-${dirName}.md`;
}

export function renderChangeset(pkg: PackageDiff): string {
  const source = pkg.specFile ? ` (\`${pkg.specFile}\`${pkg.base ? ` since \`${pkg.base}\`` : ""})` : "";
  const bullets = pkg.changes.map((c) => `- ${c.warning ? "**Warning:** " : ""}${c.bump}: ${c.message}`);
  return `---\n${JSON.stringify(pkg.name)}: ${pkg.bump}\n---\n\nChanges to the API spec${source}, as they affect the SDK:\n\n${bullets.join("\n")}\n`;
}

/**
 * Writes the changeset of every public package with changes, and removes the spec changeset
 * of one whose changes are gone. Returns the files written, relative to `root`.
 */
export async function writeChangesets(root: string, packages: readonly PackageDiff[]): Promise<string[]> {
  const written: string[] = [];
  for (const pkg of packages.filter((p) => !p.private)) {
    const file = changesetFile(pkg);
    if (pkg.bump === "none") {
      if (existsSync(join(root, file))) await rm(join(root, file));
      continue;
    }
    await mkdir(join(root, CHANGESET_DIR), { recursive: true });
    await writeFile(join(root, file), renderChangeset(pkg));
    written.push(file);
  }
  return written;
}

/** The highest bump each package gets from the changesets waiting in `.changeset/`. */
export async function pendingBumps(root: string): Promise<Map<string, Bump>> {
  const bumps = new Map<string, Bump>();
  const names = await readdir(join(root, CHANGESET_DIR)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md").sort()) {
    const text = await readFile(join(root, CHANGESET_DIR, name), "utf8");
    const front = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
    if (!front) continue;
    const releases = (parse(front[1] ?? "") ?? {}) as Record<string, unknown>;
    for (const [pkg, bump] of Object.entries(releases)) {
      if (isBump(bump)) bumps.set(pkg, maxBump(bumps.get(pkg) ?? "none", bump));
    }
  }
  return bumps;
}

export interface Shortfall {
  readonly name: string;
  readonly needed: Bump;
  readonly pending: Bump;
}

/** Public packages whose spec changes need a higher bump than their pending changesets give. */
export function shortfalls(packages: readonly PackageDiff[], pending: ReadonlyMap<string, Bump>): Shortfall[] {
  return packages
    .filter((p) => !p.private && p.bump !== "none")
    .map((p) => ({ name: p.name, needed: p.bump, pending: pending.get(p.name) ?? "none" }))
    .filter((s) => bumpRank(s.pending) < bumpRank(s.needed));
}
