/**
 * What the rehearsal starts from: its command-line options, where the checkout is, and the
 * environment its children get (ours, cleaned of what `pnpm run`/vitest added).
 */
import { execFileSync } from "node:child_process";
import { delimiter, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/release. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface Options {
  report?: string;
  logs?: string;
  keep: boolean;
  verbose: boolean;
  skipFailingRelease: boolean;
  /** The one limit of the whole run, in minutes: a command still running then is stopped, and the run fails. */
  limitMinutes: number;
}

/** Generous: about five minutes on a quiet 2-core machine (after `pnpm test`), nine beside two CPU-bound processes. */
export const DEFAULT_LIMIT_MINUTES = 40;

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { keep: false, verbose: false, skipFailingRelease: false, limitMinutes: DEFAULT_LIMIT_MINUTES };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--report") options.report = resolve(argv[++i] ?? "");
    else if (arg === "--logs") options.logs = resolve(argv[++i] ?? "");
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--skip-failing-release") options.skipFailingRelease = true;
    else if (arg === "--limit") {
      const minutes = Number(argv[++i]);
      if (!(minutes > 0)) throw new Error(`--limit takes a number of minutes, got ${JSON.stringify(argv[i])}`);
      options.limitMinutes = minutes;
    }
    else if (arg === "--help" || arg === "-h") {
      console.log([
        "usage: pnpm release:rehearse [--report <file.json>] [--logs <dir>] [--limit <minutes>] [--verbose] [--keep]",
        "  --report <file>   write what every step saw as JSON",
        "  --logs <dir>      keep the commands' logs there (default: inside the temp root, removed)",
        `  --limit <minutes> the whole run's one time limit (default ${DEFAULT_LIMIT_MINUTES}); each step's time is printed and reported`,
        "  --verbose         echo every command's output",
        "  --keep            leave the temp root in place (Verdaccio and Prism are still stopped)",
        "  --skip-failing-release   skip showing that a release with a failing test publishes nothing",
      ].join("\n"));
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  return options;
}

export function repoRoot(): string {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: PACKAGE_DIR, encoding: "utf8" }).trim();
  } catch {
    return resolve(PACKAGE_DIR, "../..");
  }
}

/** The environment children start from: ours, minus what `pnpm run`/vitest put in it and the checkout's bins. */
export function cleanEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|VITEST|__VITEST|TEST$|INIT_CWD$|NODE_ENV$|TURBO_HASH$|TURBO_INVOCATION_DIR$)/i.test(key)) continue;
    env[key] = value;
  }
  // `pnpm run`/`exec` put the checkout's node_modules/.bin dirs first; the copy has its own.
  const checkoutBins = new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/((packages|examples)/[^/]+/)?node_modules/`);
  env.PATH = (process.env.PATH ?? "").split(delimiter).filter((p) => !checkoutBins.test(p)).join(delimiter);
  return env;
}

export function npmConfigGet(key: string, cwd: string): string | undefined {
  const value = execFileSync("npm", ["config", "get", key], { cwd, encoding: "utf8" }).trim();
  return value === "" || value === "undefined" || value === "null" ? undefined : value;
}
