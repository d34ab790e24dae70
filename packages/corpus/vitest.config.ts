import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.js";

// One spec after another in one worker: each generates an SDK and starts Prism (its tests state what they need).
export default mergeConfig(sharedConfig, defineConfig({ test: { fileParallelism: false } }));
