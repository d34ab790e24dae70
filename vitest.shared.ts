/**
 * Vitest settings every package shares. Each package's vitest.config.ts merges
 * these, so every run also writes a JSON report that scripts/test-totals.mjs sums.
 */
import { defineConfig } from "vitest/config";

export const sharedConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    restoreMocks: true,
  },
});
