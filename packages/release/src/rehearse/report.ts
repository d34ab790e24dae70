/** What `pnpm release:rehearse --report <file>` writes: the steps, and what each one saw. */
import type { ConsumerReport, TypecheckResult } from "./consumers.ts";
import type { PageResult } from "./browser.ts";
import type { PlanLines } from "../replay/describe.ts";

export interface StepRecord {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

export interface PublishedPackage {
  /** Every version the registry has. */
  readonly versions: string[];
  readonly latest: string | undefined;
  /** `dependencies` (and peer/optional ones) of each published version, as the registry serves them. */
  readonly dependencies: Record<string, Record<string, string>>;
}

export interface ConsumerRun {
  readonly dir: string;
  readonly ranges: Record<string, string>;
  readonly installed: Record<string, string | undefined>;
  readonly typecheck?: TypecheckResult[];
  readonly exitCode?: number | null;
  readonly report?: ConsumerReport;
}

export interface ProductTeamTest {
  /** `test/kit.test.ts` */
  readonly file: string;
  readonly name: string;
  /** vitest's status: passed, failed, skipped, pending, todo. */
  readonly status: string;
}

/** What the product-team project (product-team.ts) saw. */
export interface ProductTeamRun {
  readonly dir: string;
  readonly installed: Record<string, string | undefined>;
  /** Whether node_modules/@x/common is a folder npm unpacked (not a link into the workspace). */
  readonly fromRegistry: boolean;
  readonly typecheck?: TypecheckResult;
  readonly testFiles?: string[];
  readonly tests?: ProductTeamTest[];
  readonly exitCode?: number | null;
}

export interface RehearsalReport {
  ok: boolean;
  ms: number;
  /** The run's one time limit. */
  limitMinutes: number;
  tmpRoot: string;
  logs: string;
  /** The registry Verdaccio proxies to (`npm config get registry`). */
  uplink?: string;
  registry?: string;
  /** Prism's URLs (common, sync-commerce). */
  prism?: string[];
  /** PIDs the rehearsal started (Verdaccio, every command); none may outlive it. */
  pids: number[];
  verdaccioPid?: number;
  /** `summaries`: turbo run summaries copied from the checkout (what its `pnpm test` ran). */
  copy?: { files: number; install: "offline" | "online"; summaries: number };
  /** Versions of the workspace's public packages before and after the breaking change. */
  versions: { first?: Record<string, string>; second?: Record<string, string> };
  /** Private workspace packages, and whether the registry knows them (it must not). */
  privatePackages?: Record<string, boolean>;
  /** What each release's test phase ran, and what a passing run of the same code (versions aside) answered. */
  releaseTests: { failing?: PlanLines; first?: PlanLines; second?: PlanLines };
  published: {
    first?: Record<string, PublishedPackage>;
    afterFailedRelease?: Record<string, PublishedPackage>;
    second?: Record<string, PublishedPackage>;
  };
  consumers: {
    esm?: ConsumerRun;
    cjs?: ConsumerRun;
    browser?: { dir: string; installed: Record<string, string | undefined>; bundleBytes: number; pageUrl: string; page: PageResult };
    pinned?: ConsumerRun;
    upgraded?: ConsumerRun & { expected: { file: string; line: number; code: string } };
    /** The product-team project: TypeScript 7 compiles it, its vitest suite passes. */
    productTeam?: ProductTeamRun;
  };
  breaking?: {
    specLine: number;
    /** The end of what `pnpm spec:diff` printed (its table and the file it wrote). */
    specDiffOutput: string;
    changesetFiles: string[];
    changesetText: string;
    releases: Record<string, string>;
  };
  /**
   * `output` is the tail of what `pnpm release` printed; `failedAtOurTest` says vitest reported
   * the deliberate test failing, `otherFailures` any other test that failed (there must be none).
   */
  /** `pnpm release` run with the breaking change's changeset not yet versioned: it must refuse. */
  pendingRelease?: { exitCode: number | null; refused: boolean; output: string };
  failingRelease?: { testFile: string; exitCode: number | null; failedAtOurTest: boolean; otherFailures: string[]; output: string; publishedBefore: Record<string, PublishedPackage> };
  cleanup?: { tmpRootRemoved: boolean; stillRunning: number[] };
  steps: StepRecord[];
}
