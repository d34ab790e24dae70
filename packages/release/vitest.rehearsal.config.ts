/**
 * The rehearsals' tests (rehearsal/*.test.ts): `pnpm release:rehearse` end to end and
 * `pnpm cache:proof` (two clean clones and a turbo remote cache). Kept out of the package's
 * `vitest run` (test/**), hence out of `pnpm test`, which the rehearsal itself runs through
 * `pnpm release`. `.ci/run` runs it after `pnpm test`:
 *   pnpm --filter @x/release exec vitest run --config vitest.rehearsal.config.ts
 * and adds reports/rehearsal.json to the totals.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Not rehearsal/**: the product-team consumer's own tests (rehearsal/consumers/product-team/test)
    // run inside the rehearsal, with their own vitest, against the published packages.
    include: ["rehearsal/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/rehearsal.json" },
    // Each rehearsal runs once, in a beforeAll that outlasts the rehearsal's own one limit for
    // its whole run (rehearsal.test.ts, remote-cache.test.ts); the tests only read what it reported.
    testTimeout: 10_000,
    fileParallelism: false,
  },
});
