/**
 * @x/codegen's public API: what the CLI's callers, spec:diff, spec:update and the corpus use.
 * They read the loaded model (SpecModel) and nothing under load/ or emit/; the dependency rules
 * (.dependency-cruiser.cjs) hold them to this file. Test helpers are in `@x/codegen/testing`.
 */

// The pipeline: a spec in, a package's files out (written only when everything succeeded).
export { main } from "./cli.js";
export { CodegenError } from "./errors.js";
export { findDrift, generateFiles, generatePackage, writeFiles, type Drift } from "./generate.js";
export { findPackageDrift, writePackageFiles } from "./package-files.js";
export { readTarget, type PackageTarget } from "./target.js";
/** A spec written as many files, as the one document sdk:new and spec:update write to openapi/. */
export { bundleSpecFile } from "./load/bundle.js";

// The model, and what to ask of it.
export { loadSpec, type SpecModel } from "./load/index.js";
export type { ErrorResponse, Example, Operation, OperationNames, Parameter, Resource, SecurityScheme, SuccessResponse } from "./load/model.js";
export { sdkPath } from "./load/model.js";
export { pascalCase } from "./load/naming.js";
export { declaredTypes } from "./load/queries.js";
export { exportedNames } from "./emit/barrel.js";
/** The one `$ref` resolver, for tools that compare specs as written (spec:diff). */
export { resolvePointer } from "./load/refs.js";

// Wire rules the generator shares with the runtime (their home: @x/runtime's wire-rules.ts).
export { defaultExplode, defaultStyle, isJsonMediaType } from "@x/runtime";

// Example calls built from the model's examples.
export { exampleBody, sampleCalls, type SampleCall } from "./samples.js";
