import { defineConfig } from "vitest/config";

// The team's suites: the app on MSW, the SDK's test kit, strict validation, tracing.
export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
