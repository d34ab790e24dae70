/** An operation's paged iterator (`<method>All`), in its reference entry when load/pagination.ts found it paged. */
import { sdkPath, type Operation, type Resource } from "../../load/model.js";
import { requestExample } from "./examples.js";
import { fragment } from "./template.js";
import { RUNTIME_README, type ReadmeWriter } from "./writer.js";

/** What the iterator does and an example of it, ending in a blank line; none for an operation that is not paged. */
export function pagedIterator(w: ReadmeWriter, res: Resource, op: Operation): string[] {
  // `paging` comes from load/pagination.ts; read loosely so this emitter does not depend on its shape.
  if (!(op as Operation & { paging?: unknown }).paging) return [];
  const request = requestExample(op, false);
  return [
    fragment("paged-iterator", { call: sdkPath(res, op), runtimeReadme: RUNTIME_README }),
    "",
    "```ts",
    ...w.prelude([]),
    "",
    ...`for await (const item of ${w.client}.${sdkPath(res, op)}All(${request})) {`.split("\n"),
    "  console.log(item);",
    "}",
    "```",
    "",
  ];
}
