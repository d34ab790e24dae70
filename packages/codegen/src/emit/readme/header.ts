/** The README's top: the generated-file notice, the title and description, and the contents. */
import { sdkPath } from "../../load/model.js";
import { fragment } from "./template.js";
import { anchor, sentence } from "./text.js";
import { RUNTIME_README, type ReadmeWriter } from "./writer.js";

export function header(w: ReadmeWriter): string {
  const { packageName, packageDescription, specPath, specLink } = w.ctx;
  const version = w.model.version === undefined ? "" : ` ${w.model.version}`;
  const lines = [
    fragment("header", {
      specPath,
      specLink,
      packageName,
      description: sentence(packageDescription ?? `TypeScript SDK for the ${w.model.title}`),
      title: w.model.title,
      version,
      runtimeReadme: RUNTIME_README,
    }),
  ];
  if (w.model.description) lines.push("", w.model.description.trim());
  lines.push("", "## Contents", "");
  lines.push("- [Install](#install)", "- [Construct a client](#construct-a-client)");
  for (const res of w.model.resources.filter((r) => r.operations.length > 0)) {
    const ops = res.operations.map((op) => `[\`${op.methodName}\`](#${anchor(sdkPath(res, op))})`);
    lines.push(`- [${w.heading(res)}](#${anchor(w.heading(res))}): ${ops.join(", ")}`);
  }
  if (w.calls.length > 0) {
    lines.push(
      "- [Standalone functions](#standalone-functions)",
      "- [Errors](#errors)",
      "- [Retries](#retries)",
      "- [Timeouts and cancellation](#timeouts-and-cancellation)",
      "- [Raw responses](#raw-responses)",
      "- [Hooks and debug log](#hooks-and-debug-log)",
      "- [Testing your code](#testing-your-code)",
    );
  }
  if (w.model.webhooks.length > 0) lines.push("- [Webhooks](#webhooks)");
  return lines.join("\n");
}
