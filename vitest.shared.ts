/**
 * Vitest settings every package shares. Each package's vitest.config.ts merges
 * these, so every run also writes a JSON report that scripts/test-totals.mjs sums.
 *
 * Time limits are hang guards, never deadlines: a test or hook states what it needs on a
 * quiet machine, `needs(quietMs)`, and gets that times SLOWDOWN. Only type imports here,
 * so a test file importing `needs` loads nothing else.
 */
import type { ViteUserConfig } from "vitest/config";

/**
 * How many times slower than a quiet machine a test may run before it counts as hung.
 * A saturated 2-core machine (the suite beside other CPU-bound work) runs 3-4x slower;
 * 10 leaves room. `X_TEST_SLOWDOWN=30 pnpm test` raises it on a machine slower still (the
 * test task's `passThroughEnv` in turbo.json hands it to vitest without changing the task's
 * hash); it never goes below 10.
 */
export const SLOWDOWN = Math.max(10, slowdownFromEnv(process.env.X_TEST_SLOWDOWN));

/**
 * The time limit (ms) of a test or hook that takes `quietMs` on a quiet machine: a hang
 * guard a saturated machine cannot miss. Heavy work (type-checks, generate and build,
 * subprocesses, Prism) states it, rounded up generously:
 *
 *     it("type-checks", async () => { ... }, needs(15_000));
 *     beforeAll(async () => { prism = await startMockServer(spec); }, needs(5_000));
 */
export function needs(quietMs: number): number {
  return Math.ceil(quietMs * SLOWDOWN);
}

function slowdownFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`X_TEST_SLOWDOWN must be a positive number, not ${JSON.stringify(value)}`);
  return factor;
}

export const sharedConfig: ViteUserConfig = {
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    // Hang guards for light tests and hooks; heavy ones state what they need with needs().
    testTimeout: needs(2_000),
    hookTimeout: needs(6_000),
    restoreMocks: true,
  },
};
