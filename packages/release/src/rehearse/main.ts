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
 * 4. Consumers outside the workspace install the published SDKs with npm, all four at once:
 *    ESM TypeScript (strict; type-checked by TypeScript 5.0, 5.9 and 7.0, each under node16
 *    and bundler resolution, one step per check), CommonJS, and a browser page (esbuild,
 *    headless Chromium); every one calls the API through them against Prism. The
 *    product-team project (an app module and its vitest suite: MSW and the SDK's test kit,
 *    strict response validation, tracing) is compiled by TypeScript 7.0 and its tests run.
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
import {
  browserConsumer, cjsConsumer, createBrowserConsumer, createCjsConsumer, createEsmConsumer, esmPlans, esmRun, esmTypecheck, installEsm, pinnedConsumer,
} from "./consumer-checks.ts";
import { npmInstall } from "./consumers.ts";
import { createContext, note, seconds, stepTimes } from "./context.ts";
import { failingReleasePublishesNothing } from "./failing-release.ts";
import { npmConfigGet, PACKAGE_DIR, parseArgs } from "./options.ts";
import { runOk } from "./proc.ts";
import { checkProductTeamInstall, createProductTeam, productTeamTests, productTeamTypecheck } from "./product-team.ts";
import { startVerdaccio, writeUserConfig } from "./registry.ts";
import { checkPrivatesUnpublished, checkRegistry } from "./registry-checks.ts";
import { commitAll, copyRunSummaries, copyWorkingTree, initRepo, install, linkShared, pendingChangesets } from "./scratch.ts";
import { planName, TYPESCRIPT_LATEST } from "./typescripts.ts";

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
    const dirs = { esm: join(ctx.consumersDir, "esm"), cjs: join(ctx.consumersDir, "cjs"), browser: join(ctx.consumersDir, "browser"), productTeam: join(ctx.consumersDir, "product-team") };
    const esmDir = dirs.esm;

    await ctx.step("npm install the consumers from the registry, at once (ESM, CommonJS, browser, product team)", async () => {
      createEsmConsumer(ctx, dirs.esm, pinnedRanges);
      createCjsConsumer(dirs.cjs, pinnedRanges);
      createBrowserConsumer(dirs.browser, pinnedRanges["@x/common"]);
      createProductTeam(ctx, dirs.productTeam, pinnedRanges["@x/common"]);
      const started = Date.now();
      await Promise.all([
        installEsm(ctx, "esm", dirs.esm, pinnedRanges, first["@x/common"]!),
        ...(["cjs", "browser", "productTeam"] as const).map((k) => npmInstall(dirs[k], ctx.opts(`${k}-install`, dirs[k]))),
      ]);
      checkProductTeamInstall(ctx, dirs.productTeam, first["@x/common"]!);
      note(`four npm installs in ${seconds(Date.now() - started)}`);
    });

    for (const plan of esmPlans(ctx)) {
      await ctx.step(`ESM consumer type-checks: ${planName(plan)}`, () => esmTypecheck(ctx, "esm", esmDir, plan));
    }

    await ctx.step("ESM consumer runs (node dist/main.js, every operation of both SDKs)", () => esmRun(ctx, "esm", esmDir));

    await ctx.step("CommonJS consumer (require, node)", () => cjsConsumer(ctx, dirs.cjs, pinnedRanges));

    await ctx.step("Browser consumer (esbuild for the browser, headless Chromium, CORS)", () => browserConsumer(ctx, dirs.browser, chromium));

    await ctx.step(`Product-team project: TypeScript ${TYPESCRIPT_LATEST} compiles its app and tests`, () => productTeamTypecheck(ctx, dirs.productTeam));

    await ctx.step("Product-team project: its vitest suite passes on the published @x/common", () => productTeamTests(ctx, dirs.productTeam));

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

    await ctx.step(`Consumer pinned to ${pinnedRanges["@x/common"]} reinstalls and keeps working`, () => pinnedConsumer(ctx, esmDir, pinnedRanges, first["@x/common"]!));

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
