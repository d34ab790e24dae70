import { build, defineConfig, type Options } from "tsup";

/**
 * dist/core.cjs: the CommonJS core entry, built on its own, with every import of
 * src/core-entry.ts read from ./index.cjs (which re-exports all of it). `require("@x/runtime")`
 * and an SDK's `require("@x/runtime/core")` then share one copy of each class, so `instanceof`
 * holds across them (test/dist-entries.test.ts); the CommonJS build stays unsplit, as before.
 */
const coreCjs: Options = {
  entry: { core: "src/core-entry.ts" },
  format: ["cjs"],
  config: false,
  clean: false,
  dts: false,
  sourcemap: true,
  target: "node20",
  silent: true,
  esbuildPlugins: [
    {
      name: "core-from-index",
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) => (args.importer.endsWith("core-entry.ts") ? { path: "./index.cjs", external: true } : undefined));
      },
    },
  ],
};

export default defineConfig({
  // `@x/runtime/core` (src/core-entry.ts) is what generated SDKs import: an application bundles
  // the files it reaches, so none of them may reach the standalone retry helpers or a lazy module
  // statically. The main entry re-exports it and adds the rest; ESM output is split, so the two
  // entries share their chunks (and classes). `@x/runtime/validation` is an entry of its own: the
  // main entry never imports it, so an application that leaves response validation off does not
  // bundle it.
  entry: { index: "src/index.ts", core: "src/core-entry.ts", testing: "src/testing/index.ts", validation: "src/validation/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // The CommonJS core entry this build wrote (a copy of the whole core) is replaced by one that reads index.cjs.
  onSuccess: async () => {
    await build(coreCjs);
  },
});
