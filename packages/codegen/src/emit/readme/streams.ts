/** An operation's streamed response (`EventStream`), in its reference entry: how to read it, with an example. */
import { sdkPath, type Operation, type Resource } from "../../load/model.js";
import { streamMedia } from "../operation.js";
import { requestExample } from "./examples.js";
import { fragment } from "./template.js";
import { RUNTIME_README, type ReadmeWriter } from "./writer.js";

const ITEMS: Readonly<Record<string, string>> = {
  events: "server-sent events (`event`, `data`, `id`, `retry`)",
  jsonEvents: "server-sent events (`event`, `data`, `id`, `retry`), each `data` parsed as JSON",
  eventData: "the JSON `data` of each server-sent event (a `data` that is not JSON, such as `[DONE]`, ends it)",
  jsonLines: "JSON values, one a line",
  jsonSeq: "JSON values of a JSON text sequence",
};

/** What reading the stream means and an example, ending in a blank line; none for an operation with no stream. */
export function streamedResponse(w: ReadmeWriter, res: Resource, op: Operation): string[] {
  const media = streamMedia(op)[0];
  if (!media) return [];
  const isDefault = op.response.kind === media.kind && (op.response as { mediaType: string }).mediaType === media.mediaType;
  const request = requestExample(op, false);
  const accept = isDefault ? "" : `{ accept: ${JSON.stringify(media.mediaType)} }`;
  const args = accept ? `${request === "" ? "{}" : request}, ${accept}` : request;
  const how = isDefault ? `\`${sdkPath(res, op)}\`` : `With \`accept: "${media.mediaType}"\`, \`${sdkPath(res, op)}\``;
  return [
    fragment("streamed-response", { how, items: ITEMS[media.kind]!, runtimeReadme: RUNTIME_README }),
    "",
    "```ts",
    ...w.prelude([]),
    "",
    ...`const stream = await ${w.client}.${sdkPath(res, op)}(${args});`.split("\n"),
    "for await (const item of stream) {",
    "  console.log(item);",
    "}",
    "```",
    "",
  ];
}
