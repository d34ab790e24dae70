/**
 * What a `pnpm release` printed of its test phase (packages/release/src/cli/release-tests.ts):
 * which test-phase tasks a passing run of the same code, versions aside, answered, and which ran.
 */

export interface ReleaseTestPhase {
  /** Tasks not run again: a past passing run of the same code, versions aside, answered them. */
  readonly passedBefore: string[];
  /** Tasks the release ran (with the reason it gave). */
  readonly ran: Array<{ readonly taskId: string; readonly why: string }>;
}

/** Reads the `  passed  <task> (…)` and `  run     <task>: <why>` lines of a release's output. */
export function releaseTestPhase(stdout: string): ReleaseTestPhase {
  const phase: ReleaseTestPhase = { passedBefore: [], ran: [] };
  for (const line of stdout.split("\n")) {
    const passed = /^ {2}passed {2}(\S+) \(/.exec(line);
    if (passed) phase.passedBefore.push(passed[1]!);
    const ran = /^ {2}run {5}(\S+): (.*)$/.exec(line);
    if (ran) phase.ran.push({ taskId: ran[1]!, why: ran[2]! });
  }
  return phase;
}

export function describeTestPhase(phase: ReleaseTestPhase): string {
  const ran = phase.ran.length === 0 ? "ran no test-phase task" : `ran ${phase.ran.map((r) => r.taskId).join(", ")}`;
  return `test phase: ${ran}; ${phase.passedBefore.length} passed before on this code, versions aside`;
}
