/**
 * "Construct a client": the constructor call, the credentials (`security`) and the other
 * options, followed by the Servers subsection when the spec has server variables or
 * operations with servers of their own.
 */
import type { SecurityScheme, ServerModel } from "../../load/model.js";
import { serverVariablesOf, servers } from "./servers.js";
import { fragment } from "./template.js";
import { cell } from "./text.js";
import type { ReadmeWriter } from "./writer.js";

export function construct(w: ReadmeWriter): string {
  const schemes = w.model.securitySchemes;
  const [defaultServer] = w.model.servers;
  const lines = ["## Construct a client", "", "```ts", ...w.prelude([]), "```", ""];
  if (schemes.length > 0) {
    lines.push(
      `\`security\` holds the credentials${schemes.every((s) => s.required) ? "" : " (each field is optional; set the ones the API asks for)"}:`,
      "",
      "| field | sent as | description |",
      "|---|---|---|",
      ...schemes.map((s) => `| \`${s.field}\` | ${sentAs(s)} | ${cell(s.description ?? "")} |`),
      "",
      ...(schemes.length > 1 ? [fragment("security-alternatives"), ""] : []),
      fragment("security-function"),
      "",
    );
  } else {
    lines.push(fragment("no-security"), "");
  }
  lines.push(
    "| option | default | |",
    "|---|---|---|",
    ...(defaultServer
      ? [
        `| \`serverURL\` | \`${withDefaults(defaultServer)}\` | base URL of the API; overrides \`serverIdx\` |`,
        `| \`serverIdx\` | \`0\` | which of the spec's servers to use: ${w.model.servers.map((s, i) => `\`${i}\` = \`${s.url}\`${s.description ? ` (${cell(s.description)})` : ""}`).join(", ")} |`,
      ]
      : ["| `serverURL` | none: **required**, as the spec names no server | base URL of the API |"]),
    ...(serverVariablesOf(w.model).size > 0 ? ["| `serverVariables` | the spec's defaults | values of the servers' `{variables}`; see [Servers](#servers) |"] : []),
    fragment("options-common"),
  );
  return [lines.join("\n"), servers(w)].filter((part) => part !== "").join("\n\n");
}

/** A server's URL with each variable's default filled in. */
function withDefaults(server: ServerModel): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

/** How a scheme's credential goes on the wire, for the README's table. */
function sentAs(scheme: SecurityScheme): string {
  const how = scheme.kind === "apiKey" ? `\`${scheme.name}\` ${scheme.in === "query" ? "query parameter" : scheme.in}` : scheme.summary;
  const metadata = scheme.kind === "oauth2" && scheme.metadataUrl ? ` (authorization server metadata: <${scheme.metadataUrl}>)` : "";
  return `${how}${metadata}${scheme.deprecated ? "; **deprecated** by the API" : ""}`;
}
