import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.js";

// One spec after another in one worker: each generates an SDK and starts Prism.
export default mergeConfig(sharedConfig, defineConfig({ test: { testTimeout: 30_000, hookTimeout: 300_000, fileParallelism: false } }));
