/**
 * `pnpm release:rehearse`: the release, rehearsed against a real registry.
 *
 * 1. Copies the working tree into a temp root, commits it on `main`, installs offline.
 * 2. Starts Verdaccio (our scope served locally, everything else proxied to the registry
 *    npm names) and routes `@x` there through a throwaway npm user config; starts Prism
 *    for both specs.
 * 3. Commits a failing test on the versioned tree: `pnpm release` must fail at it and publish
 *    nothing. Then runs the real `pnpm release` in the copy and checks what the registry got.
 *    After a `pnpm test` of the checkout (as in .ci/run), both releases run only what the
 *    versions did not leave as it was tested: the failing test's package, then nothing.
 * 4. Consumers outside the workspace install the published SDKs with npm: ESM TypeScript
 *    (strict, node16 and bundler resolution), CommonJS, and a browser page (esbuild,
 *    headless Chromium); every one calls the API through them against Prism.
 * 5. Makes a breaking spec change, lets `pnpm spec:diff` write the changeset, shows that a
 *    release refuses while it is pending, versions, then releases the next major. A consumer
 *    pinned to the old major reinstalls and still works; one that upgrades fails to compile
 *    exactly at the changed usage.
 *
 * Verdaccio, Prism, the static server, Chromium and the temp root are removed at the end,
 * pass or fail (and on SIGINT/SIGTERM). The run has one time limit (`--limit`), not one per
 * command; each step's time is printed as it ends, in a table at the end, and in the report.
 * Exit code 0 only if every step passed.
 */
import { join } from "node:path";
import semver from "semver";
import { readPlanLines, summarizePlanLines } from "../replay/describe.ts";
import { findChromium } from "./browser.ts";
import { breakingSpecChange, pendingReleaseRefuses, upgradedConsumerFails } from "./breaking.ts";
import { cleanupChecked, cleanupOnSignals, writeReport } from "./cleanup.ts";
import { browserConsumer, cjsConsumer, esmConsumer } from "./consumer-checks.ts";
import { createContext, note, seconds, stepTimes } from "./context.ts";
import { failingReleasePublishesNothing } from "./failing-release.ts";
import { npmConfigGet, PACKAGE_DIR, parseArgs } from "./options.ts";
import { runOk } from "./proc.ts";
import { startVerdaccio, writeUserConfig } from "./registry.ts";
import { checkPrivatesUnpublished, checkRegistry } from "./registry-checks.ts";
import { commitAll, copyRunSummaries, copyWorkingTree, initRepo, install, linkShared, pendingChangesets } from "./scratch.ts";

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  const ctx = createContext(options);
  const { report, root, tmp, logs, repo, userconfig, env } = ctx;
  const removeSignalHandlers = cleanupOnSignals(ctx);

  let exitCode = 1;
  try {
    const chromium = await ctx.step("Check the tools", async () => {
      const path = findChromium();
      if (!path) throw new Error("Chromium not found (install Debian's `chromium` package, or set CHROMIUM_PATH)");
      // Read with the developer's own configuration, before ours replaces the user config.
      ctx.uplink = npmConfigGet("registry", root) ?? "https://registry.npmjs.org/";
      report.uplink = ctx.uplink;
      note(`checkout ${root}; temp root ${tmp}`);
      note(`chromium ${path}; npm registry (uplink) ${ctx.uplink}; turbo cache ${ctx.turboCache}`);
      return path;
    });

    await ctx.step("Copy the working tree into a scratch repository", async () => {
      const files = copyWorkingTree(root, repo);
      linkShared(root, tmp);
      await initRepo(repo, ctx.opts("git"));
      const how = await install(ctx.opts("install"));
      const summaries = copyRunSummaries(root, repo);
      report.copy = { files: files, install: how, summaries };
      note(`${files} files, committed on main; pnpm install ${how}`);
      note(summaries > 0
        ? `${summaries} turbo run summaries of the checkout: what passed there, versions aside, is not run again by the releases`
        : "no turbo run summary in the checkout (no `pnpm test` ran there): the first release runs the whole suite");
    });

    await ctx.step("Start Verdaccio and Prism", async () => {
      const registry = (ctx.registry = await startVerdaccio(join(tmp, "verdaccio"), ctx.uplink, PACKAGE_DIR, env, ctx.deadline));
      report.registry = registry.url;
      report.verdaccioPid = registry.pid;
      writeUserConfig(userconfig, registry, ctx.uplink);
      const { startMockServer } = await import("@x/mock-server");
      for (const spec of ["common", "sync-commerce"]) {
        ctx.mocks.push(await startMockServer(join(repo, "openapi", `${spec}.yaml`), { cors: true }));
      }
      report.prism = ctx.mockUrls();
      note(`Verdaccio ${registry.url} (pid ${registry.pid}); @x routed there by ${userconfig}`);
      note(`Prism ${ctx.mockUrls().join(", ")} (CORS on)`);
    });

    const pending = pendingChangesets(repo);
    if (pending.length > 0) {
      await ctx.step(`Version the pending changesets (${pending.join(", ")})`, async () => {
        await runOk("pnpm", ["version-packages"], ctx.opts("version-pending"));
        await commitAll("Version packages", ctx.opts("git"));
      });
    }

    report.versions.first = ctx.versionsOf();
    if (!options.skipFailingRelease) {
      await ctx.step("A release whose tests fail publishes nothing", () => failingReleasePublishesNothing(ctx));
    }

    await ctx.step("pnpm release (first version line)", async () => {
      note(Object.entries(report.versions.first!).map(([k, v]) => `${k}@${v}`).join(", "));
      const result = await runOk("pnpm", ["release"], ctx.opts("release-1", repo));
      report.releaseTests.first = readPlanLines(result.stdout);
      note(summarizePlanLines(report.releaseTests.first));
      report.published.first = await checkRegistry(ctx, true);
      await checkPrivatesUnpublished(ctx);
    });

    const first = report.versions.first;
    const major = (name: string) => semver.major(first[name]!);
    const pinnedRanges = { "@x/common": `^${major("@x/common")}`, "@x/sync-commerce": `^${major("@x/sync-commerce")}` };
    const esmDir = join(ctx.consumersDir, "esm");

    await ctx.step("ESM TypeScript consumer (npm install, tsc node16 + bundler, node)", () => esmConsumer(ctx, "esm", esmDir, pinnedRanges, true, first["@x/common"]!));

    await ctx.step("CommonJS consumer (npm install, require, node)", () => cjsConsumer(ctx, pinnedRanges));

    await ctx.step("Browser consumer (esbuild for the browser, headless Chromium, CORS)", () => browserConsumer(ctx, chromium, pinnedRanges["@x/common"]));

    const expectedCommon = semver.inc(first["@x/common"]!, "major")!;
    await ctx.step("Breaking spec change: integrationKey optional; pnpm spec:diff writes the changeset", () => breakingSpecChange(ctx));

    await ctx.step("pnpm release refuses while a changeset is pending, publishing nothing", () => pendingReleaseRefuses(ctx));

    await ctx.step("pnpm version-packages, commit", async () => {
      await runOk("pnpm", ["version-packages"], ctx.opts("version-packages"));
      const after = ctx.versionsOf();
      if (after["@x/common"] !== expectedCommon) throw new Error(`@x/common is ${after["@x/common"]} after versioning, expected ${expectedCommon}`);
      await commitAll(`Version packages: @x/common ${expectedCommon}`, ctx.opts("git"));
      report.versions.second = after;
      note(Object.entries(after).map(([k, v]) => `${k}@${v}`).join(", "));
    });

    await ctx.step(`pnpm release (@x/common ${expectedCommon})`, async () => {
      const result = await runOk("pnpm", ["release"], ctx.opts("release-2", repo));
      report.releaseTests.second = readPlanLines(result.stdout);
      note(summarizePlanLines(report.releaseTests.second));
      report.published.second = await checkRegistry(ctx, true);
      for (const [name, pub] of Object.entries(report.published.second)) note(`${name}: ${pub.versions.join(", ")} (latest ${pub.latest})`);
    });

    await ctx.step(`Consumer pinned to ${pinnedRanges["@x/common"]} reinstalls and keeps working`, async () => {
      await esmConsumer(ctx, "pinned", esmDir, pinnedRanges, false, first["@x/common"]!);
    });

    await ctx.step(`Consumer upgraded to ^${semver.major(expectedCommon)} fails to compile at the changed usage`, () => upgradedConsumerFails(ctx, esmDir, expectedCommon));

    report.ok = true;
    exitCode = 0;
  } catch {
    exitCode = 1;
  } finally {
    await ctx.step("Stop Verdaccio, Prism and Chromium; remove the temp root", () => cleanupChecked(ctx)).catch(() => {
      exitCode = 1;
      report.ok = false;
    });
    writeReport(ctx);
    removeSignalHandlers();
  }
  console.log(`\n${stepTimes(report.steps)}`);
  console.log(`\nrelease rehearsal ${exitCode === 0 ? "passed" : "FAILED"} in ${seconds(report.ms)}${options.logs ? ` (logs: ${logs})` : ""}`);
  return exitCode;
}
