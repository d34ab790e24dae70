/** "Webhooks": the payload type of each webhook, for the code that receives them. */
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

export function webhooks(w: ReadmeWriter): string {
  const lines = [
    "## Webhooks",
    "",
    fragment("webhooks", { title: w.model.title }),
    "",
    "| webhook | method | payload type |",
    "|---|---|---|",
    ...w.model.webhooks.map((hook) => `| \`${hook.name}\` | ${hook.method.toUpperCase()} | \`${hook.typeName}\` |`),
  ];
  return lines.join("\n");
}
