/** "Errors": the spec's error classes and the runtime's, in a table, and an example branching on them. */
import { fragment } from "./template.js";
import { RUNTIME_README, type ReadmeWriter } from "./writer.js";

export function errors(w: ReadmeWriter): string {
  const classes = w.model.schemas.filter((s) => s.errorClass);
  const sample = w.sample();
  const lines = ["## Errors", "", fragment("errors-intro"), ""];
  lines.push("| class | thrown when |", "|---|---|");
  const statusesBySchema = new Map<string, Set<string>>();
  for (const { op } of w.calls) {
    for (const e of op.errors) {
      const statuses = statusesBySchema.get(e.schemaName) ?? new Set<string>();
      statusesBySchema.set(e.schemaName, statuses.add(e.status));
    }
  }
  for (const schema of classes) {
    const { className, fields } = schema.errorClass!;
    const statuses = [...(statusesBySchema.get(schema.name) ?? [])]
      .sort((a, b) => (a === "default" ? 1 : b === "default" ? -1 : a.localeCompare(b)))
      .map((s) => (s === "default" ? "any other error status" : s));
    const extra = fields.length > 0 ? `; fields ${fields.map((f) => `\`${f.name}\``).join(", ")}, and \`data\` (the whole body)` : "";
    lines.push(`| \`${className}\` | a documented error status (${statuses.join(", ")}) with its JSON body${extra} |`);
  }
  lines.push(fragment("errors-common", { runtimeReadme: RUNTIME_README }), "");
  const first = classes[0]?.errorClass;
  const imports = [...(first ? [first.className] : []), "SDKError", "SDKValidationError"];
  const call = w.callLines(sample.resource, sample.op, "  ");
  lines.push("```ts", ...w.prelude(imports), "", "try {", ...call, "} catch (error) {");
  if (first) {
    const others = first.fields.filter((f) => f.name !== first.messageField);
    const extra = others.find((f) => /correlation|request|trace/i.test(f.name)) ?? others[0];
    const shown = extra ? `, error.${extra.name}` : "";
    lines.push(`  if (error instanceof ${first.className}) {`, `    console.error(error.status${first.messageField ? `, error.${first.messageField}` : ""}${shown});`, "  } else if (error instanceof SDKError) {");
  } else lines.push("  if (error instanceof SDKError) {");
  lines.push(
    '    console.error("undocumented status", error.status, error.bodyText);',
    "  } else if (error instanceof SDKValidationError) {",
    '    console.error("invalid argument", error.field, error.message);',
    "  } else {",
    "    throw error;",
    "  }",
    "}",
    "```",
  );
  return lines.join("\n");
}
