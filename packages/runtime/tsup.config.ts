import { defineConfig } from "tsup";

export default defineConfig({
  // `@x/runtime/core` (src/core-entry.ts) is what generated SDKs import: an application bundles
  // the files it reaches, so none of them may reach the standalone retry helpers or a lazy module
  // statically. The main entry re-exports it and adds the rest. `@x/runtime/validation` is an
  // entry of its own: the main entry never imports it, so an application that leaves response
  // validation off does not bundle it.
  entry: { index: "src/index.ts", core: "src/core-entry.ts", testing: "src/testing/index.ts", validation: "src/validation/index.ts" },
  format: ["esm", "cjs"],
  // Code splitting for CommonJS too (ESM splits by default): the modules the entries share (the
  // error classes, the core) are one chunk that each entry requires, so `require("@x/runtime")`
  // and an SDK's `require("@x/runtime/core")` see the same classes (`instanceof` holds across
  // them); without it each .cjs entry would hold a copy of its own (test/dist-entries.test.ts).
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
