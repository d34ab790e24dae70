/** "Timeouts and cancellation": `timeoutMs` per attempt, a call's `signal`, and per-call headers. */
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

export function timeouts(w: ReadmeWriter): string {
  const sample = w.sample();
  return [
    "## Timeouts and cancellation",
    "",
    fragment("timeouts"),
    "",
    "```ts",
    ...w.prelude([], ["  timeoutMs: 10_000,"]),
    "",
    "const controller = new AbortController();",
    ...w.callLines(sample.resource, sample.op, "", "{ timeoutMs: 5_000, signal: controller.signal }"),
    "```",
  ].join("\n");
}
