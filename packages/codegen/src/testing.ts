/** `@x/codegen/testing`: helpers for the tests of generated packages. */
export { readmeExamples } from "./emit/readme/index.js";
export { typecheckFiles, type TypecheckOptions } from "./typecheck.js";
