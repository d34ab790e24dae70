/** "Testing your code": the `./testing` subpath's MSW handlers and data builders, in a vitest + msw/node example. */
import { isIdentifier } from "../../load/naming.js";
import { sdkPath } from "../../load/model.js";
import { str } from "../source.js";
import { builderNames, defaultBaseUrl } from "../testing.js";
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

/** The methods MSW's `http` has a function for. */
const MSW_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options"]);

export function testing(w: ReadmeWriter): string {
  const { resource, op } = w.sample();
  const name = sdkPath(resource, op);
  const error = op.errors.find((e) => e.status === "404") ?? op.errors[0];
  const errorClass = error === undefined ? undefined : w.errorClass(error.schemaName);
  const response = op.response;
  const schema = response.kind === "json" && response.schemaName !== undefined ? w.model.schemas.find((s) => s.name === response.schemaName) : undefined;
  const builder = schema === undefined ? undefined : builderNames(w.model).get(schema.name);
  const override = builder !== undefined && isIdentifier(builder) && MSW_METHODS.has(op.method) && op.response.kind === "json";
  const noServer = w.model.servers.length === 0;
  const kitImports = ["handlers", ...(error ? ["errorHandler"] : []), ...(override ? ["fake"] : [])];
  const [clientImport, ...construct] = w.prelude(errorClass === undefined ? [] : [errorClass]);
  const call = w.callLines(resource, op, "  ").filter((l) => !l.includes("console.log("));
  const result = call[0]!.match(/^\s*const (\w+) =/)?.[1];
  const lines = [
    "## Testing your code",
    "",
    fragment("testing", { packageName: w.ctx.packageName }),
    "",
    "```ts",
    clientImport!,
    `import { ${kitImports.join(", ")} } from ${str(`${w.ctx.packageName}/testing`)};`,
    ...(override ? ['import { http, HttpResponse } from "msw";'] : []),
    'import { setupServer } from "msw/node";',
    'import { afterAll, afterEach, beforeAll, expect, it } from "vitest";',
    "",
    `const server = setupServer(...handlers(${noServer ? '{ baseUrl: "https://api.example.com" }' : ""}));`,
    'beforeAll(() => server.listen({ onUnhandledRequest: "error" }));',
    "afterEach(() => server.resetHandlers());",
    "afterAll(() => server.close());",
    ...construct,
    "",
    `it(${str(`calls ${name}`)}, async () => {`,
    ...call,
    ...(result ? [`  expect(${result}).toBeDefined();`] : []),
    "});",
  ];
  if (error !== undefined && errorClass !== undefined) {
    const rejected = call.join("\n").replace(/^(\s*)(const \w+ = )?await /, "$1await expect(").replace(/;$/, ").rejects.toBeInstanceOf(" + errorClass + ");");
    lines.push(
      "",
      `it(${str(`handles ${name} answering ${error.status}`)}, async () => {`,
      `  server.use(errorHandler(${str(name)}, ${str(error.status)}${noServer ? ', { baseUrl: "https://api.example.com" }' : ""}));`,
      ...rejected.split("\n"),
      "});",
    );
  }
  if (override) {
    const base = defaultBaseUrl(w.model) ?? "https://api.example.com";
    const url = `${base.replace(/\/+$/, "")}${op.path.replace(/\{([^}]+)\}/g, (_, p: string) => `:${p.replace(/\W/g, "_")}`)}`;
    lines.push(
      "",
      `it(${str("uses data of its own")}, async () => {`,
      `  server.use(http.${op.method}(${str(url)}, () => HttpResponse.json(fake.${builder}())));`,
      ...call,
      ...(result ? [`  expect(${result}).toEqual(fake.${builder}());`] : []),
      "});",
    );
  }
  lines.push("```");
  return lines.join("\n");
}
