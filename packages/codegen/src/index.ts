export { main } from "./cli.js";
export { CodegenError } from "./errors.js";
export { findDrift, generateFiles, writeFiles, type Drift } from "./generate.js";
export { loadSpec, type SpecModel } from "./load/index.js";
export { camelCase, pascalCase } from "./load/naming.js";
export { readTarget, type PackageTarget } from "./target.js";
export { renderCall, sampleCall, sampleCalls, scaffold, type SampleCall } from "./scaffold/index.js";
export { typecheckFiles, type TypecheckOptions } from "./typecheck.js";
export { readmeExamples } from "./emit/readme.js";
