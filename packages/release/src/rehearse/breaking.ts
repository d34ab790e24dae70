/**
 * The breaking change's steps: `integrationKey` becomes optional in openapi/common.yaml and
 * `pnpm spec:diff` must write a major changeset for @x/common; `pnpm release` must refuse
 * while it is pending; and a consumer upgraded to the new major must fail to compile exactly
 * at the line that reads `integrationKey`.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { installedVersion, markerLine, npmInstall } from "./consumers.ts";
import { typecheckAll } from "./consumer-checks.ts";
import { note, type Context } from "./context.ts";
import { run, runOk, tail } from "./proc.ts";
import { checkRegistry, checkRegistryUnchanged } from "./registry-checks.ts";
import { changesetReleases, makeIntegrationKeyOptional, pendingChangesets } from "./scratch.ts";

/** The line of the ESM consumer that reads `connection.integrationKey` as a string. */
export const BREAKING_MARKER = "rehearsal: breaks when integrationKey becomes optional";

/** Makes the spec change and runs `pnpm spec:diff`; the changeset it writes must release @x/common as major. */
export async function breakingSpecChange(ctx: Context): Promise<void> {
  const { repo } = ctx;
  const specLine = makeIntegrationKeyOptional(join(repo, "openapi", "common.yaml"));
  note(`openapi/common.yaml: removed line ${specLine} (- integrationKey) from Connection.required`);
  const before = new Set(pendingChangesets(repo));
  const diff = await runOk("pnpm", ["spec:diff"], ctx.opts("spec-diff"));
  note(tail(diff, 6).replace(/\n/g, "\n    "));
  const files = pendingChangesets(repo).filter((f) => !before.has(f));
  const text = files.map((f) => readFileSync(join(repo, ".changeset", f), "utf8")).join("\n");
  const releases = files.reduce<Record<string, string>>((all, f) => ({ ...all, ...changesetReleases(readFileSync(join(repo, ".changeset", f), "utf8")) }), {});
  ctx.report.breaking = { specLine, specDiffOutput: tail(diff, 12), changesetFiles: files, changesetText: text, releases };
  if (releases["@x/common"] !== "major") throw new Error(`the changeset does not release @x/common as major: ${JSON.stringify(releases)}\n${text}`);
  note(`${files.join(", ")}: ${Object.entries(releases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
}

/** `pnpm release` with the changeset not yet versioned: it must refuse, and the registry must not change. */
export async function pendingReleaseRefuses(ctx: Context): Promise<void> {
  const before = await checkRegistry(ctx, false);
  const result = await run("pnpm", ["release"], ctx.opts("release-pending", ctx.repo));
  const said = `${result.stdout}\n${result.stderr}`;
  const refused = result.code !== 0 && /pending changesets/.test(said) && /nothing was published/.test(said);
  ctx.report.pendingRelease = { exitCode: result.code, refused, output: tail(result, 12) };
  if (!refused) throw new Error(`\`pnpm release\` with a pending changeset did not refuse:\n${tail(result, 10)}`);
  checkRegistryUnchanged(before, await checkRegistry(ctx, false));
  note(`pnpm release exited ${result.code}: ${tail(result, 2).replace(/\n/g, " ")}`);
}

/**
 * A copy of the ESM consumer (`esmDir`) moved to `^<major of expectedCommon>`: every
 * type-check (each TypeScript under each resolution) must report exactly one error, TS18048
 * at the BREAKING_MARKER line.
 */
export async function upgradedConsumerFails(ctx: Context, esmDir: string, expectedCommon: string): Promise<void> {
  const dir = join(ctx.consumersDir, "esm-upgraded");
  cpSync(esmDir, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) && !src.endsWith("package-lock.json") });
  const manifestPath = join(dir, "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { dependencies: Record<string, string> };
  const ranges = { ...manifest.dependencies, "@x/common": `^${semver.major(expectedCommon)}` };
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, dependencies: ranges }, null, 2)}\n`);
  await npmInstall(dir, ctx.opts("upgraded-install", dir));
  const installed = { "@x/common": installedVersion(dir, "@x/common"), "@x/sync-commerce": installedVersion(dir, "@x/sync-commerce"), "@x/runtime": installedVersion(dir, "@x/runtime") };
  const expected = { file: "src/main.ts", line: markerLine(join(dir, "src", "main.ts"), BREAKING_MARKER), code: "TS18048" };
  const checks = await typecheckAll(ctx, dir, "upgraded");
  ctx.report.consumers.upgraded = { dir, ranges, installed, typecheck: checks, expected };
  if (installed["@x/common"] !== expectedCommon) throw new Error(`the upgraded consumer got @x/common ${installed["@x/common"]}, expected ${expectedCommon}`);
  for (const c of checks) {
    const found = c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`);
    note(`tsc ${c.typescript} -p ${c.tsconfig}: ${found.join("; ") || "no errors"}`);
    const d = c.diagnostics[0];
    if (c.diagnostics.length !== 1 || !d || d.file !== expected.file || d.line !== expected.line || d.code !== expected.code) {
      throw new Error(`TypeScript ${c.typescript} (${c.tsconfig}): expected exactly one error, ${expected.code} at ${expected.file}:${expected.line}; got ${found.length}: ${found.join("; ")}`);
    }
  }
}
