/**
 * The rehearsals' tests (rehearsal/*.test.ts): `pnpm release:rehearse` end to end, about
 * four minutes, and `pnpm cache:proof` (two clean clones and a turbo remote cache), under a minute. Kept out of the package's `vitest run` (test/**), hence out of
 * `pnpm test`, which the rehearsal itself runs through `pnpm release`. `.ci/run` runs it:
 *   pnpm --filter @x/release exec vitest run --config vitest.rehearsal.config.ts
 * and adds reports/rehearsal.json to the totals.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["rehearsal/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/rehearsal.json" },
    // The rehearsal runs once, in beforeAll; the tests only read what it reported.
    hookTimeout: 600_000,
    testTimeout: 10_000,
    fileParallelism: false,
  },
});
