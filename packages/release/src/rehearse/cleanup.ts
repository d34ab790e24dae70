/**
 * The end of a rehearsal, pass or fail or interrupted: Chromium, the static server, Prism,
 * Verdaccio and every command still running are stopped, the temp root removed (unless
 * `--keep`), and the report written.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { note, type Context } from "./context.ts";
import { stillRunning, stopAll, stopChild } from "./proc.ts";

/** Stops everything and removes the temp root, once (later calls wait on the first); never throws. */
export function cleanup(ctx: Context): Promise<void> {
  return (ctx.cleaned ??= (async () => {
    const quietly = async (what: string, fn: () => Promise<unknown> | unknown) => {
      try {
        await fn();
      } catch (error) {
        console.error(`rehearsal: cleanup of ${what}: ${(error as Error).message}`);
      }
    };
    await quietly("Chromium", () => ctx.browserContext?.close());
    await quietly("the static server", () => new Promise<void>((r) => (ctx.staticServer ? ctx.staticServer.close(() => r()) : r())));
    await quietly("Prism", () => Promise.all(ctx.mocks.map((m) => m.close())));
    await quietly("Verdaccio", () => ctx.registry && stopChild(ctx.registry.child));
    await quietly("running commands", stopAll);
    if (!ctx.options.keep) await quietly("the temp root", () => rmSync(ctx.tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
    ctx.report.cleanup = { tmpRootRemoved: !existsSync(ctx.tmp), stillRunning: stillRunning() };
  })());
}

/** The last step's body: cleans up, then fails if anything is still running or the temp root is still there. */
export async function cleanupChecked(ctx: Context): Promise<void> {
  const { report, options, tmp } = ctx;
  await cleanup(ctx);
  if (report.cleanup!.stillRunning.length > 0) throw new Error(`still running: ${report.cleanup!.stillRunning.join(", ")}`);
  if (!options.keep && !report.cleanup!.tmpRootRemoved) throw new Error(`${tmp} is still there`);
  note(options.keep ? `kept ${tmp}` : `removed ${tmp}`);
}

/** Writes the report to `--report` (if given), with the time so far. */
export function writeReport(ctx: Context): void {
  const { report, options } = ctx;
  report.ms = Date.now() - ctx.started;
  if (!options.report) return;
  mkdirSync(dirname(options.report), { recursive: true });
  writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
}

/** On SIGINT/SIGTERM: records the interruption, cleans up, writes the report and exits. Returns what removes the handlers. */
export function cleanupOnSignals(ctx: Context): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nrehearsal: ${signal}: stopping Verdaccio, Prism, Chromium and removing ${ctx.tmp}`);
    ctx.report.steps.push({ name: `interrupted by ${signal}`, ok: false, ms: 0 });
    void cleanup(ctx).finally(() => {
      writeReport(ctx);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return () => {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  };
}
