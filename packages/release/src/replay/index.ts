/** A release's test phase, reusing the results of a passing run of the same code, versions aside. */
export { describePlan, readPlanLines, summarizePlanLines, type PlanLines } from "./describe.ts";
export { planReplay, type Files, type Replayed, type ReplayPlan } from "./plan.ts";
export { dryRun, readSummaries, summariesDir, type RunSummary, type TaskSummary } from "./summary.ts";
export { isVersionOnlyChange, type VersionChange } from "./version-only.ts";
export { blobHash, repositoryFiles } from "./git.ts";
