/** "Raw responses": `.withResponse()` for the HTTP response beside the data. */
import { sdkPath } from "../../load/model.js";
import { requestExample } from "./examples.js";
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

export function rawResponses(w: ReadmeWriter): string {
  const sample = w.sample();
  const request = requestExample(sample.op, false);
  const call = `${w.client}.${sdkPath(sample.resource, sample.op)}(${request})`;
  return [
    "## Raw responses",
    "",
    fragment("raw-responses"),
    "",
    "```ts",
    ...w.prelude([]),
    "",
    ...`const { data, response } = await ${call}.withResponse();`.split("\n"),
    'console.log(response.status, response.headers.get("content-type"), data);',
    "```",
  ].join("\n");
}
