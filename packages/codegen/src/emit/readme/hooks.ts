/** "Hooks and debug log": the client's `hooks` and `debugLogger` options. */
import { fragment } from "./template.js";
import { RUNTIME_README, type ReadmeWriter } from "./writer.js";

export function hooksAndLogging(w: ReadmeWriter): string {
  return [
    "## Hooks and debug log",
    "",
    fragment("hooks", { runtimeReadme: RUNTIME_README }),
    "",
    "```ts",
    ...w.prelude([], [
      "  hooks: {",
      "    beforeRequest(ctx, request, { attempt }) {",
      '      request.headers.set("X-Attempt", String(attempt));',
      "    },",
      "    beforeRetry(ctx, { attempt, delayMs }) {",
      "      console.warn(`${ctx.methodPath}: retry ${attempt} in ${delayMs} ms`);",
      "    },",
      "  },",
      "  debugLogger: console,",
    ]),
    "```",
  ].join("\n");
}
