import { defineConfig } from "tsup";

export default defineConfig({
  // `@x/runtime/validation` is an entry of its own: the main entry never imports it, so an
  // application that leaves response validation off does not bundle it.
  entry: { index: "src/index.ts", testing: "src/testing/index.ts", validation: "src/validation/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
