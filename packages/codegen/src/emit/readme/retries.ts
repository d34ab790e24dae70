/** "Retries": the spec's retry policy, the rule for POST and PATCH, and how to override the policy. */
import { sdkPath } from "../../load/model.js";
import { fragment } from "./template.js";
import { duration } from "./text.js";
import { nonIdempotent, RUNTIME_README, type ReadmeWriter } from "./writer.js";

export function retries(w: ReadmeWriter): string {
  const retry = w.model.retry;
  const { specPath } = w.ctx;
  const lines = ["## Retries", ""];
  if (retry && retry.strategy === "backoff") {
    const b = retry.backoff;
    lines.push(fragment("retries-backoff", {
      specPath,
      initialInterval: duration(b.initialInterval),
      exponent: String(b.exponent),
      maxInterval: duration(b.maxInterval),
      maxElapsedTime: duration(b.maxElapsedTime),
      statusCodes: retry.statusCodes.length > 0 ? retry.statusCodes.join(", ") : "none",
      connectionErrors: retry.retryConnectionErrors ? "retried" : "not retried",
    }));
  } else if (retry) {
    lines.push(fragment("retries-none", { specPath }));
  } else {
    lines.push(fragment("retries-unset"));
  }
  const idempotent = w.calls.filter((c) => nonIdempotent(c.op.method) && c.op.idempotent).map((c) => `\`${sdkPath(c.resource, c.op)}\``);
  const keyed = w.calls.filter((c) => c.op.idempotencyHeader).map((c) => `\`${sdkPath(c.resource, c.op)}\``);
  lines.push(
    "",
    fragment("retries-rule", {
      idempotentHere: idempotent.length > 0 ? ` (here: ${idempotent.join(", ")})` : "",
      keyedHere: keyed.length > 0 ? `, it takes an idempotency key (here: ${keyed.join(", ")}; the SDK sends a fresh UUID when you set none, the same on every attempt),` : "",
      runtimeReadme: RUNTIME_README,
    }),
    "",
  );
  const sample = w.sample();
  lines.push(
    "```ts",
    ...w.prelude([], [
      "  retryConfig: {",
      '    strategy: "backoff",',
      "    backoff: { initialInterval: 1_000, maxInterval: 30_000, exponent: 2, maxElapsedTime: 120_000 },",
      '    statusCodes: [429, "5XX"],',
      "    retryConnectionErrors: true,",
      "  },",
    ]),
    "",
    "// No retries for this call only:",
    ...w.callLines(sample.resource, sample.op, "", '{ retries: { strategy: "none" } }'),
    "```",
  );
  return lines.join("\n");
}
