import { defineConfig } from "vitest/config";

// test/ only: pending/ holds the suites of SDK features not released yet (not run, not compiled).
export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
