/**
 * `testing.ts`: the SDK's test kit, the `./testing` subpath export. MSW handlers for every
 * operation (`handlers()`), a handler answering an operation's documented error
 * (`errorHandler()`), and typed data builders (`fake.<schema>(overrides)`), all on the
 * runtime's `@x/runtime/testing` and the generated `shapes.ts`. Never imported by the main entry.
 */
import { sdkPath, type SpecModel } from "../load/model.js";
import { camelCase, isIdentifier, propertyKey } from "../load/naming.js";
import { banner, jsdoc, str, type EmitContext, type GeneratedFile } from "./source.js";

/** The URL the client calls by default: the spec's first server, its variables at their defaults. */
export function defaultBaseUrl(model: Pick<SpecModel, "servers">): string | undefined {
  const [first] = model.servers;
  if (first === undefined) return undefined;
  return first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => first.variables?.[name]?.default ?? whole);
}

/** Each schema's builder name: its type's name in camelCase (the type name itself, then numbered, should two collide). */
export function builderNames(model: Pick<SpecModel, "schemas">): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const schema of model.schemas) {
    const wanted = camelCase(schema.typeName);
    let name = isIdentifier(wanted) && !taken.has(wanted) ? wanted : schema.typeName;
    for (let n = 2; taken.has(name); n++) name = `${schema.typeName}_${n}`;
    taken.add(name);
    names.set(schema.name, name);
  }
  return names;
}

export function emitTesting(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const baseUrl = defaultBaseUrl(model);
  const calls = model.resources.flatMap((resource) => resource.operations.map((op) => ({ name: sdkPath(resource, op), op })));
  const builders = builderNames(model);
  const types = model.schemas.map((s) => s.typeName);
  const operations = calls.map(({ name, op }) => `  ${str(name)}: ${str(op.operationId)},\n`).join("");
  const errorStatuses = calls.map(({ name, op }) => {
    const statuses = [...new Set(op.errors.map((e) => e.status))];
    return `  ${str(name)}: ${statuses.length === 0 ? "never" : statuses.map(str).join(" | ")};\n`;
  }).join("");
  const optionsArg = baseUrl === undefined ? "options: TestingOptions & { baseUrl: string }" : "options: TestingOptions = {}";
  const resolved = baseUrl === undefined ? "options.baseUrl" : `options.baseUrl ?? DEFAULT_BASE_URL`;
  const fakes = model.schemas.map((s) => [
    `    /** \`${s.typeName}\` data: the spec's example, else data valid against the schema. */\n`,
    `    ${propertyKey(builders.get(s.name)!)}: (overrides?: Overrides<${s.typeName}>): ${s.typeName} => fakeSchema(shapes.schemas, ${str(s.name)}, { seed, overrides }) as ${s.typeName},\n`,
  ].join("")).join("");
  const contents = [
    banner(ctx),
    "\n",
    `import { createErrorHandler, createHandlers, fakeSchema, type Overrides } from ${str(`${ctx.runtimeImport}/testing`)};\n`,
    `import type { HttpHandler } from "msw";\n`,
    types.length > 0 ? `import type { ${types.join(", ")} } from "./models.js";\n` : "",
    `import { shapes } from "./shapes.js";\n\n`,
    "/** Options of the kit's handlers. */\n",
    "export interface TestingOptions {\n",
    `  /** Where the client under test sends its calls${baseUrl === undefined ? "" : `; by default the client's own default, ${str(baseUrl)}`}. */\n`,
    "  readonly baseUrl?: string;\n",
    "  /** Picks the generated data: the same seed gives the same answers. Default 1. */\n",
    "  readonly seed?: number;\n",
    "  /** How many items each paged list holds. Default 12. */\n",
    "  readonly totalResults?: number;\n",
    "}\n\n",
    baseUrl === undefined ? "" : `const DEFAULT_BASE_URL = ${str(baseUrl)};\n\n`,
    "/** Each operation, by its method on the client, and its operationId. */\n",
    `const OPERATIONS = {\n${operations}} as const;\n\n`,
    `/** An operation of the client, named as it is called${calls[0] === undefined ? "" : ` (\`${calls[0].name}\`)`}. */\n`,
    "export type OperationName = keyof typeof OPERATIONS;\n\n",
    "/** The error statuses each operation documents with a JSON body. */\n",
    `export interface DocumentedErrors {\n${errorStatuses}}\n\n`,
    jsdoc([
      "MSW request handlers for every operation of the API. Each checks the request as Prism would",
      "(path, required query parameters and headers, the JSON body) and answers a bad one with the",
      "documented 4xx naming the problem (also in the `x-kit-problem` header); otherwise it answers the",
      "first documented 2xx: the spec's example, else data generated from the schema for the seed.",
      "Paged lists answer consistent pages of `totalResults` items.",
    ]),
    `export function handlers(${optionsArg}): HttpHandler[] {\n`,
    `  return createHandlers(shapes, { baseUrl: ${resolved}, seed: options.seed, totalResults: options.totalResults });\n`,
    "}\n\n",
    jsdoc(["A handler answering `operation` with its documented error `status` (the spec's example, else data", "from the error's schema): `server.use(errorHandler(\"connections.get\", \"404\"))`."]),
    `export function errorHandler<Name extends OperationName>(operation: Name, status: DocumentedErrors[Name], ${optionsArg}): HttpHandler {\n`,
    `  return createErrorHandler(shapes, OPERATIONS[operation], status, { baseUrl: ${resolved}, seed: options.seed });\n`,
    "}\n\n",
    "/** Typed data builders for the spec's schemas, deterministic for `seed`. */\n",
    `export function fakes(seed = 1) {\n  return {\n${fakes}  };\n}\n\n`,
    "/** The data builders for seed 1: `fake.<schema>(overrides)`. */\n",
    "export const fake = fakes();\n",
  ].join("");
  return { path: "testing.ts", contents };
}
