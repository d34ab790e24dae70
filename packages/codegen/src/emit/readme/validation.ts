/** "Validating responses": the `validateResponses` option, strict and reporting, with an example. */
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

export function validatingResponses(w: ReadmeWriter): string {
  const sample = w.sample();
  return [
    "## Validating responses",
    "",
    fragment("validating-responses"),
    "",
    "```ts",
    ...w.prelude(["ResponseValidationError"], ['  validateResponses: (issues, context) => console.warn(context.methodPath, "drift", issues),']),
    "",
    "try {",
    ...w.callLines(sample.resource, sample.op, "  ", '{ validateResponses: "strict" }'),
    "} catch (error) {",
    "  if (error instanceof ResponseValidationError) console.error(error.status, error.issues);",
    "  else throw error;",
    "}",
    "```",
  ].join("\n");
}
