/**
 * @x/release: the release tooling, as a library. The root scripts are its CLIs:
 * `pnpm spec:diff` (src/cli/spec-diff.ts), `pnpm spec:update` (src/cli/spec-update.ts) and
 * `pnpm release:rehearse` (src/rehearse/main.ts).
 */
export { diffModels, diffSpecFiles, highestBump, maxBump, type Bump, type Change, type ChangeBump, type SpecFile } from "./diff/index.js";
export { pendingBumps, renderChangeset, renderTable, shortfalls, writeChangesets, type Shortfall } from "./changesets.js";
export { diffWorkspace, sdkPackages, SpecDiffError, type PackageDiff, type SdkPackage } from "./workspace.js";
export { specUpdate, UpdateError, type UpdateOptions, type UpdateOutcome } from "./update/index.js";
