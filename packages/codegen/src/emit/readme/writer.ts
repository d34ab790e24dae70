/**
 * What every README section reads: the model and the README's context, the variable the
 * examples name the client, every call, and the lines each example starts with, so each
 * example runs on its own and type-checks against the generated package.
 */
import { sdkPath, type Operation, type Resource, type SecurityScheme, type SpecModel } from "../../load/model.js";
import { camelCase, isIdentifier, propertyKey } from "../../load/naming.js";
import { schemaNamed, typeNameOf } from "../requests.js";
import { str, type EmitContext } from "../source.js";
import { functionNamesOf } from "../call-form.js";
import { requestExample } from "./examples.js";
import { isIdempotentMethod } from "@x/runtime";

export interface ReadmeContext extends EmitContext {
  /** npm name of the SDK package, e.g. `@x/common`. */
  readonly packageName: string;
  /** package.json `description`. */
  readonly packageDescription?: string;
  /** The spec, relative to the README (for links). */
  readonly specLink: string;
  /** Where the README is written, relative to the package. */
  readonly path: string;
}

/** Where the runtime's README is, relative to an SDK package's root. */
export const RUNTIME_README = "../runtime/README.md";
/** Names the examples never give a variable (keywords, and names an example uses itself). */
const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
  "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
  "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "await",
  "implements", "interface", "package", "private", "protected", "public", "error", "response", "data",
]);
/** A method the runtime repeats only when the operation is marked `x-idempotent` (POST, PATCH, a custom method): the runtime's rule. */
export function nonIdempotent(method: string): boolean {
  return !isIdempotentMethod(method);
}

/** An operation reached through the client, as the README names it. */
export interface Call {
  readonly resource: Resource;
  readonly op: Operation;
}

export class ReadmeWriter {
  readonly model: SpecModel;
  readonly ctx: ReadmeContext;
  /** The variable the examples keep the client in. */
  readonly client: string;
  readonly calls: readonly Call[];
  /** The standalone functions' names, which no variable of an example may take. */
  readonly functions: ReadonlySet<string>;

  constructor(model: SpecModel, ctx: ReadmeContext) {
    this.model = model;
    this.ctx = ctx;
    this.calls = model.resources.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));
    // The examples import standalone functions: no variable may take one's name.
    this.functions = new Set(this.calls.map((c) => functionNamesOf(c.op).call));
    const name = camelCase(ctx.clientName);
    this.client = isIdentifier(name) && !RESERVED.has(name) && !this.functions.has(name) ? name : "client";
  }

  /** A resource's section title: its tag, or for the untagged operations the client's own methods. */
  heading(res: Resource): string {
    if (res.onClient) return "Client methods";
    // A nested resource is headed by its path, which no other heading repeats.
    return res.path.length === 1 && res.tag !== "" ? res.tag : res.path.join(".");
  }

  /** Import and construction lines every example starts with, so each block runs on its own. */
  prelude(extraImports: readonly string[], extraOptions: readonly string[] = [], name = this.ctx.clientName): string[] {
    const imports = [name, ...extraImports].join(", ");
    const security = this.#securityLiteral();
    // With no server in the spec, serverURL is required: the examples pass a placeholder.
    const server = this.model.servers.length === 0 ? [`  serverURL: "https://api.example.com",`] : [];
    const options = [...(security ? [`  security: ${security},`] : []), ...server, ...extraOptions];
    return [
      `import { ${imports} } from ${str(this.ctx.packageName)};`,
      "",
      options.length === 0 ? `const ${this.client} = new ${name}();` : `const ${this.client} = new ${name}({\n${options.join("\n")}\n});`,
    ].flatMap((l) => l.split("\n"));
  }

  #securityLiteral(): string | undefined {
    const [first] = this.model.securitySchemes;
    return first ? `{ ${propertyKey(first.field)}: ${credentialPlaceholder(first)} }` : undefined;
  }

  /**
   * `const x = await client.res.op({...});` plus a line using the result, indented; with
   * `standalone`, the call is of that function: `await resOp(client, {...});`.
   */
  callLines(res: Resource, op: Operation, indent: string, options?: string, standalone?: string): string[] {
    const request = requestExample(op, false, indent);
    const args = options ? `${request === "" ? "{}" : request}, ${options}` : request;
    const call = standalone
      ? `await ${standalone}(${[this.client, args].filter((a) => a !== "").join(", ")});`
      : `await ${this.client}.${sdkPath(res, op)}(${args});`;
    if (op.response.kind === "empty") return [`${indent}${call}`];
    const variable = this.#resultName(op);
    return [`${indent}const ${variable} = ${call}`, `${indent}console.log(${variable});`].flatMap((l) => l.split("\n"));
  }

  #resultName(op: Operation): string {
    const name = op.response.kind === "json" && op.response.schemaName ? camelCase(typeNameOf(this.model, op.response.schemaName)) : "result";
    return isIdentifier(name) && !RESERVED.has(name) && name !== this.client && !this.functions.has(name) ? name : "result";
  }

  errorClass(schemaName: string): string {
    return schemaNamed(this.model, schemaName)?.errorClass?.className ?? typeNameOf(this.model, schemaName);
  }

  /** The operation the general examples call: the first GET with a JSON response, else the first one. */
  sample(): Call {
    return (
      this.calls.find((c) => c.op.method === "get" && c.op.response.kind === "json" && !c.op.deprecated) ??
      this.calls.find((c) => c.op.method === "get") ??
      this.calls[0]!
    );
  }
}

/** A placeholder credential (TypeScript source) in the shape the scheme asks for. */
function credentialPlaceholder(scheme: SecurityScheme): string {
  if (scheme.kind === "basic") return `{ username: "<USERNAME>", password: "<PASSWORD>" }`;
  if (scheme.kind === "oauth2" && scheme.tokenUrl !== undefined) return `{ clientID: "<CLIENT_ID>", clientSecret: "<CLIENT_SECRET>" }`;
  if (scheme.kind !== "apiKey") return str("<YOUR_TOKEN>");
  const description = scheme.description ?? "";
  if (scheme.name.toLowerCase() === "authorization" && /\bBasic\b/.test(description)) return str("Basic BASE_64_ENCODED(API_KEY)");
  if (scheme.name.toLowerCase() === "authorization" && /\bBearer\b/.test(description)) return str("Bearer <YOUR_TOKEN>");
  return str(`<YOUR_${scheme.field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}>`);
}
