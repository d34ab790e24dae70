/**
 * The plan as `pnpm release` prints it, one line per task, and the same lines read back (the
 * rehearsal reads a release's output with `readPlanLines`): the format lives here alone.
 */
import type { ReplayPlan } from "./plan.ts";

const PASSED = "  passed  ";
const RUN = "  run     ";

const short = (sha: string | undefined) => (sha ? sha.slice(0, 7) : "an uncommitted tree");

/** What the plan says: a header, then a line per task passed before and per task to run. */
export function describePlan(plan: ReplayPlan): string[] {
  const lines = [
    `release: test phase: ${plan.replayed.length} task(s) passed before on this code, versions aside; ${plan.run.length} to run; ${plan.cached.length} cached or without a script`,
  ];
  for (const r of plan.replayed) {
    const stamps = r.restamped.length > 0 ? `; only version stamps differ: ${r.restamped.join(", ")}` : "";
    lines.push(`${PASSED}${r.taskId} (turbo run ${r.run} at ${short(r.sha)}, hash ${r.hash}${stamps})`);
  }
  for (const r of plan.run) lines.push(`${RUN}${r.taskId}: ${r.why}`);
  return lines;
}

/** What a release's output said of its test phase. */
export interface PlanLines {
  /** Tasks not run again: a past passing run of the same code, versions aside, answered them. */
  readonly passedBefore: string[];
  /** Tasks the release ran, with the reason it gave. */
  readonly ran: Array<{ readonly taskId: string; readonly why: string }>;
}

/** Reads `describePlan`'s task lines back out of a release's output. */
export function readPlanLines(output: string): PlanLines {
  const lines: PlanLines = { passedBefore: [], ran: [] };
  for (const line of output.split("\n")) {
    if (line.startsWith(PASSED)) lines.passedBefore.push(line.slice(PASSED.length).split(" ")[0]!);
    if (line.startsWith(RUN)) {
      const [taskId, ...why] = line.slice(RUN.length).split(": ");
      lines.ran.push({ taskId: taskId!, why: why.join(": ") });
    }
  }
  return lines;
}

/** One line for a log: what ran and how much passed before. */
export function summarizePlanLines(lines: PlanLines): string {
  const ran = lines.ran.length === 0 ? "ran no test-phase task" : `ran ${lines.ran.map((r) => r.taskId).join(", ")}`;
  return `test phase: ${ran}; ${lines.passedBefore.length} passed before on this code, versions aside`;
}
