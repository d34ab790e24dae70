/** "Servers" (a subsection of "Construct a client"): the servers' variables, and the operations with servers of their own. */
import { sdkPath, type Operation, type Resource, type SpecModel } from "../../load/model.js";
import { propertyKey } from "../../load/naming.js";
import { allServers, serverVariableOptions } from "../../load/queries.js";
import { str } from "../source.js";
import { fragment } from "./template.js";
import { cell } from "./text.js";
import type { ReadmeWriter } from "./writer.js";

/** Every `{variable}` of the spec's servers, the client's and the operations' own. */
export function serverVariablesOf(model: SpecModel): ReturnType<typeof serverVariableOptions> {
  return serverVariableOptions(allServers(model));
}

/** Server variables and operations with servers of their own; empty when the spec has neither. */
export function servers(w: ReadmeWriter): string {
  const variables = serverVariablesOf(w.model);
  const own = ownServers(w.model);
  if (variables.size === 0 && own.length === 0) return "";
  const lines = ["### Servers", ""];
  if (variables.size > 0) {
    const [name, first] = [...variables][0]!;
    const example = first.enum?.find((v) => v !== first.default) ?? first.enum?.[0] ?? first.default ?? "...";
    lines.push(
      fragment("server-variables"),
      "",
      "```ts",
      `const ${w.client} = new ${w.ctx.clientName}({ serverVariables: { ${propertyKey(name)}: ${str(example)} } });`,
      "```",
      "",
      "| variable | default | values |",
      "|---|---|---|",
      ...[...variables].map(([v, spec]) => `| \`${v}\` | ${spec.default !== undefined ? `\`${spec.default}\`` : "none: **required**"} | ${spec.enum ? spec.enum.map((e) => `\`${e}\``).join(", ") : "any"}${spec.description ? `: ${cell(spec.description)}` : ""} |`),
      "",
    );
  }
  if (own.length > 0) {
    lines.push(
      fragment("operation-servers"),
      "",
      ...own.map(({ res, op }) => `* \`${w.client}.${sdkPath(res, op)}\`: \`${op.servers![0]!.url}\``),
      "",
    );
  }
  return lines.join("\n").trimEnd();
}

function ownServers(model: SpecModel): { res: Resource; op: Operation }[] {
  return model.resources.flatMap((res) => res.operations.filter((op) => op.servers).map((op) => ({ res, op })));
}
