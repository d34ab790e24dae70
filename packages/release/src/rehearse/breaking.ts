/**
 * The breaking change's steps: `integrationKey` becomes optional in openapi/common.yaml and
 * `pnpm spec:diff` must write a major changeset for @x/common; `pnpm release` must refuse
 * while it is pending; and a consumer upgraded to the new major must fail to compile exactly
 * at the line that reads `integrationKey`. And, before the first release: a release whose
 * tests fail publishes nothing.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import semver from "semver";
import { installedVersion, markerLine, npmInstall } from "./consumers.ts";
import { typecheckBoth } from "./consumer-checks.ts";
import { note, type Context } from "./context.ts";
import { run, runOk, tail } from "./proc.ts";
import { describeTestPhase, releaseTestPhase } from "./release-output.ts";
import { checkRegistry, checkRegistryUnchanged } from "./registry-checks.ts";
import { changesetReleases, commitAll, makeIntegrationKeyOptional, pendingChangesets, workspacePackages } from "./scratch.ts";

/** The line of the ESM consumer that reads `connection.integrationKey` as a string. */
export const BREAKING_MARKER = "rehearsal: breaks when integrationKey becomes optional";
const FAILING_TEST = "rehearsal-failing.test.ts";

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
 * Commits a failing test on a tree with versions not yet on the registry; `pnpm release` must
 * fail at it (and nothing else) and publish nothing. The test is removed again.
 */
export async function failingReleasePublishesNothing(ctx: Context): Promise<void> {
  const { repo, logs, report } = ctx;
  const pkg = workspacePackages(repo).find((p) => p.name === "@x/demo") ?? workspacePackages(repo).find((p) => (p.manifest.scripts as Record<string, string> | undefined)?.test);
  if (!pkg) throw new Error("no workspace package with tests to add a failing test to");
  const testFile = join(pkg.dir, "test", FAILING_TEST);
  mkdirSync(dirname(testFile), { recursive: true });
  const title = "the release rehearsal's deliberately failing test";
  writeFileSync(testFile, `import { expect, test } from "vitest";\n\ntest(${JSON.stringify(title)}, () => {\n  expect("a release with a failing test").toBe("published");\n});\n`);
  await commitAll("Rehearsal: a failing test", ctx.opts("git"));
  const publishedBefore = await checkRegistry(ctx, false);
  const unpublished = workspacePackages(repo).filter((p) => !p.private && !publishedBefore[p.name]?.versions.includes(p.version));
  if (unpublished.length === 0) throw new Error("every public package's version is on the registry already: a release would have nothing to publish");
  const result = await run("pnpm", ["release"], ctx.opts("release-failing", repo));
  report.releaseTests.failing = releaseTestPhase(result.stdout);
  note(describeTestPhase(report.releaseTests.failing));
  // vitest's "FAIL <file> > <test>" lines, without colours.
  const failures = [...new Set(`${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, "").split("\n")
    .map((l) => /\bFAIL\s+(\S.*)$/.exec(l)?.[1]?.trim()).filter((l): l is string => !!l))];
  const failedAtOurTest = failures.some((f) => f.includes(title));
  const others = failures.filter((f) => !f.includes(title));
  report.failingRelease = { testFile: relative(repo, testFile), exitCode: result.code, failedAtOurTest, otherFailures: others, output: tail(result, 15), publishedBefore };
  if (result.code === 0) throw new Error("`pnpm release` exited 0 with a failing test");
  if (!failedAtOurTest) throw new Error(`\`pnpm release\` failed, but not at the failing test (log: ${join(logs, "release-failing.log")}):\n${tail(result)}`);
  const published = await checkRegistry(ctx, false);
  report.published.afterFailedRelease = published;
  checkRegistryUnchanged(publishedBefore, published);
  note(`pnpm release exited ${result.code}; not published: ${unpublished.map((p) => `${p.name}@${p.version}`).join(", ")}`);
  // The next release would fail on these too: say so now, by name.
  if (others.length > 0) throw new Error(`besides the deliberate one, these tests failed (log: ${join(logs, "release-failing.log")}):\n${others.join("\n")}`);
  rmSync(testFile);
  await commitAll("Rehearsal: remove the failing test", ctx.opts("git"));
}

/**
 * A copy of the ESM consumer (`esmDir`) moved to `^<major of expectedCommon>`: both tsconfigs
 * must report exactly one error, TS18048 at the BREAKING_MARKER line.
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
  const checks = await typecheckBoth(ctx, dir, "upgraded");
  ctx.report.consumers.upgraded = { dir, ranges, installed, typecheck: checks, expected };
  if (installed["@x/common"] !== expectedCommon) throw new Error(`the upgraded consumer got @x/common ${installed["@x/common"]}, expected ${expectedCommon}`);
  for (const c of checks) {
    const found = c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`);
    note(`tsc -p ${c.tsconfig}: ${found.join("; ") || "no errors"}`);
    const d = c.diagnostics[0];
    if (c.diagnostics.length !== 1 || !d || d.file !== expected.file || d.line !== expected.line || d.code !== expected.code) {
      throw new Error(`${c.tsconfig}: expected exactly one error, ${expected.code} at ${expected.file}:${expected.line}; got ${found.length}: ${found.join("; ")}`);
    }
  }
}
