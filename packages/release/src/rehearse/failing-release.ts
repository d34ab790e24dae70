/**
 * A release whose tests fail publishes nothing: a failing test committed on a tree whose
 * versions are not on the registry yet, so a release that passed would have published them.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { readPlanLines, summarizePlanLines } from "../replay/describe.ts";
import { note, type Context } from "./context.ts";
import { run, tail } from "./proc.ts";
import { checkRegistry, checkRegistryUnchanged } from "./registry-checks.ts";
import { commitAll, workspacePackages } from "./scratch.ts";

const FAILING_TEST = "rehearsal-failing.test.ts";

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
  report.releaseTests.failing = readPlanLines(result.stdout);
  note(summarizePlanLines(report.releaseTests.failing));
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
