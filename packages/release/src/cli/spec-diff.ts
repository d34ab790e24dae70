/**
 * `pnpm spec:diff [--base <git ref>] [--json] [--check]`: every SDK package's spec in the
 * working tree against the base ref, each change judged by its effect on the generated SDK.
 *
 * Prints a table (or, with --json, `{ packages: [{ name, bump, changes }] }`), then writes one
 * changeset per affected public package. `--check` writes nothing and exits 1 when pending
 * changesets do not cover the changes at their bump. Bad input exits 1 with nothing written.
 */
import { pendingBumps, renderTable, shortfalls, writeChangesets } from "../changesets.js";
import { diffWorkspace, SpecDiffError, type PackageDiff } from "../workspace.js";

const USAGE = "usage: pnpm spec:diff [--base <git ref>] [--json] [--check]";

interface Options {
  readonly base: string;
  readonly json: boolean;
  readonly check: boolean;
}

export async function main(args: readonly string[], root: string): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === "string") {
    if (options === "help") {
      console.log(USAGE);
      return 0;
    }
    console.error(`spec:diff: ${options}\n${USAGE}`);
    return 2;
  }
  let packages: PackageDiff[];
  try {
    packages = await diffWorkspace(root, options.base);
  } catch (error) {
    if (!(error instanceof SpecDiffError)) throw error;
    console.error(`spec:diff: ${error.message}\nNothing was written.`);
    return 1;
  }
  // With --json, stdout holds the JSON only; everything else goes to stderr.
  const log = options.json ? console.error : console.log;
  if (options.json) console.log(JSON.stringify({ packages: packages.map(toJson) }, null, 2));
  else console.log(renderTable(packages));
  for (const pkg of packages) {
    for (const c of pkg.changes.filter((c) => c.warning)) console.error(`spec:diff: warning: ${pkg.name}: ${c.message}`);
  }
  if (options.check) {
    const missing = shortfalls(packages, await pendingBumps(root));
    for (const s of missing) {
      console.error(`spec:diff: ${s.name}: its spec changes since ${options.base} need a ${s.needed} changeset; ` +
        `${s.pending === "none" ? "none is pending" : `pending changesets give only ${s.pending}`} (run pnpm spec:diff to write one)`);
    }
    if (missing.length === 0) log(`spec:diff: pending changesets cover the spec changes since ${options.base}`);
    return missing.length > 0 ? 1 : 0;
  }
  for (const file of await writeChangesets(root, packages)) {
    const pkg = packages.find((p) => file.endsWith(`/spec-${p.dir?.split(/[\\/]/).pop()}.md`));
    log(`spec:diff: wrote ${file}${pkg ? ` (${pkg.name}: ${pkg.bump})` : ""}`);
  }
  return 0;
}

function parseArgs(args: readonly string[]): Options | string {
  let base = "main";
  let json = false;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--check") check = true;
    else if (arg === "--help" || arg === "-h") return "help";
    else if (arg === "--base" || arg.startsWith("--base=")) {
      const value = arg === "--base" ? args[++i] : arg.slice("--base=".length);
      if (!value || value.startsWith("-")) return "--base needs a git ref";
      base = value;
    } else return `unknown option ${arg}`;
  }
  return { base, json, check };
}

function toJson(pkg: PackageDiff) {
  return { name: pkg.name, bump: pkg.bump, changes: pkg.changes.map(({ bump, pointer, message }) => ({ bump, pointer, message })) };
}
