/**
 * The import rules of the hand-written code, checked by `pnpm test` (packages/codegen/test/layers.test.ts
 * runs dependency-cruiser with this file). Generated code (src/generated) is left out.
 */
const codegen = "^packages/codegen/src";
const runtime = "^packages/runtime/src";
/** The runtime's leaves: guards, errors, redaction, wire rules. They import nothing above them. */
const runtimeLeaves = `${runtime}/(guards|errors|redact|wire-rules)\\.ts$`;

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import circle in any package's hand-written code.",
      severity: "error",
      from: { path: "^packages/[^/]+/(src|bin|scripts)" },
      to: { circular: true },
    },
    {
      name: "emit-reads-the-model",
      comment: "Emitters print the model: of load/, they import only the model, its queries and naming helpers. The types emitter hands the document to openapi-typescript (refs.ts's normalisation), by name.",
      severity: "error",
      from: { path: `${codegen}/(emit/|samples\\.ts|scaffold/templates\\.ts)`, pathNot: `${codegen}/emit/types\\.ts$` },
      to: { path: `${codegen}/load/`, pathNot: `${codegen}/load/(model|queries|naming|examples/index)\\.ts$` },
    },
    {
      name: "load-does-not-emit",
      comment: "The loader builds the model and knows nothing of what is printed from it.",
      severity: "error",
      from: { path: `${codegen}/load/` },
      to: { path: `${codegen}/(emit|scaffold|samples|generate|cli)` },
    },
    {
      name: "tools-use-the-public-api",
      comment: "@x/release and @x/corpus use @x/codegen through its public entries only: src/index.ts, and src/testing.ts for tests.",
      severity: "error",
      from: { path: "^packages/(release|corpus)/" },
      to: { path: `${codegen}/`, pathNot: `${codegen}/(index|testing)\\.ts$` },
    },
    {
      name: "runtime-leaves-stay-leaves",
      comment: "The runtime's leaves import only other leaves.",
      severity: "error",
      from: { path: runtimeLeaves },
      to: { path: `${runtime}/`, pathNot: runtimeLeaves },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|/generated/|/dist/" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
