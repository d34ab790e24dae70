/** "Standalone functions": the tree-shakeable form, one operation as a function of the lean client class. */
import { sdkPath } from "../../load/model.js";
import { coreClassName } from "../../load/queries.js";
import { functionNamesOf } from "../call-form.js";
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

export function standaloneFunctions(w: ReadmeWriter): string {
  const { resource, op } = w.sample();
  const name = w.ctx.clientName;
  const core = coreClassName(name);
  const fn = functionNamesOf(op).call;
  const paged = w.calls.find((c) => c.op.paging);
  return [
    "## Standalone functions",
    "",
    fragment("standalone", {
      client: w.client,
      path: sdkPath(resource, op),
      function: fn,
      pagedNote: paged ? ` (a paged list's iterator too: \`${functionNamesOf(paged.op).all}\`)` : "",
      core,
      name,
    }),
    "",
    "```ts",
    ...w.prelude([fn], [], core),
    "",
    ...w.callLines(resource, op, "", undefined, fn),
    "```",
  ].join("\n");
}
