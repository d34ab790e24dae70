/**
 * Every exported name of the generated package, settled in one pass so no two artefacts
 * share one and no spec is refused for it. Precedence, each claiming names in turn:
 *
 * 1. The client's own surface keeps its names: the client class and `<Client>Options`,
 *    `Security`, `ServerList`, `SDK_VERSION`, the openapi-typescript roots (`components`,
 *    `operations`, `paths`, `webhooks`), and the runtime names generated files import.
 * 2. Component schemas: the API's own vocabulary. Names that are identifiers as written come
 *    before pascal-cased ones (`PetStatus` keeps its name over `pet-status`), then spec order.
 *    A taken type name gets the suffix `Model` (then `Model2`...); a taken error class name
 *    the suffix `Error` (then `Error2`...).
 * 3. Operation types (`<Stem>Request`, `<Stem>RequestBody`, `<Stem>Response`): an operation
 *    whose names are taken takes the stem `<Stem>Operation` (then `<Stem>Operation2`...).
 * 4. Webhook payload types: a taken `<Name>WebhookPayload` is numbered (`...Payload2`).
 * 5. Standalone functions (`connectionsGet`, from the method's sdkPath), with the module
 *    constants named after them (`connectionsGetSpec`...; see operationFunctionNames): an
 *    operation whose names are taken, or whose name is a reserved word (an untagged `delete`),
 *    takes the stem `<name>Operation` (then `<name>Operation2`...).
 *
 * Each rename is a warning naming both owners.
 */
import { warning, type Warning } from "./warnings.js";
import { pointer } from "../errors.js";
import { isTypeName, pascalCase } from "./naming.js";
import { coreClassName } from "./queries.js";
import { sdkPath, type Operation, type OperationNames, type Resource, type SchemaModel, type WebhookModel } from "./model.js";

/** Suffix of the iterating method's name: `list` → `listAll`. */
export const ALL_SUFFIX = "All";

/** Names of the generated package that are not per operation or per schema. */
const FIXED_NAMES = ["SDK_VERSION", "ServerList", "Security", "components", "operations", "paths", "webhooks"];
/**
 * Names generated files declare or import besides the exports: a model imported under one of
 * them would collide (`definition` is a constant of core.ts, `CORE` the symbol under which
 * core.ts's client class keeps the runtime core, imported by every file with operations).
 */
export const INTERNAL_NAMES = [
  "APIError", "APIErrorInit", "APIPromise", "ClientOptions", "OperationSpec", "PagingSpec", "RequestOptions", "SDKCore", "SDKCoreBase", "SDKDefinition",
  "definition", "CORE",
];

/**
 * The client class's name: the configured one, unless the package needs it for something
 * else (a package named `security` would make the client `Security`, the credentials' type);
 * then `<Name>Client`, with a warning.
 */
export function settleClientName(wanted: string, warnings: Warning[]): string {
  if (!FIXED_NAMES.includes(wanted) && !INTERNAL_NAMES.includes(wanted)) return wanted;
  warnings.push(warning("naming", `#: the client class cannot be named ${wanted}, which the generated package uses for its own ${wanted}; named ${wanted}Client instead (set x-codegen.clientName to choose)`));
  return `${wanted}Client`;
}

/** Who holds each name so far, as a warning describes them. */
export class NameRegistry {
  readonly #owners = new Map<string, string>();

  constructor(clientName?: string) {
    for (const name of [...FIXED_NAMES, ...INTERNAL_NAMES]) this.#owners.set(name, "the client");
    if (clientName !== undefined) {
      this.#owners.set(clientName, "the client class");
      this.#owners.set(`${clientName}Options`, "the client's options type");
      this.#owners.set(coreClassName(clientName), "the client's core class");
    }
  }

  ownerOf(name: string): string | undefined {
    return this.#owners.get(name);
  }

  claim(name: string, owner: string): void {
    this.#owners.set(name, owner);
  }

  /** `wanted` if free, else `wanted + suffix`, then `wanted + suffix + 2`...; claimed for `owner`. */
  claimFree(wanted: string, suffix: string, owner: string): string {
    let name = wanted;
    for (let n = 1; this.#owners.has(name); n++) name = `${wanted}${suffix}${n === 1 ? "" : n}`;
    this.#owners.set(name, owner);
    return name;
  }
}

/** Gives each schema its names: `typeName` and `errorClass.className` as read are the names it wants. */
export function settleSchemaNames(schemas: readonly SchemaModel[], registry: NameRegistry, warnings: Warning[]): SchemaModel[] {
  const settled = new Map<string, SchemaModel>();
  const asWritten = (s: SchemaModel) => isTypeName(s.name);
  for (const schema of [...schemas.filter(asWritten), ...schemas.filter((s) => !asWritten(s))]) {
    const at = pointer("components", "schemas", schema.name);
    const owner = `schema ${schema.name}`;
    let errorClass = schema.errorClass;
    if (errorClass) {
      const wanted = errorClass.className;
      const holder = registry.ownerOf(wanted);
      const className = registry.claimFree(wanted, "Error", `${owner}'s error class`);
      if (className !== wanted) warnings.push(warning("naming", `${at}: its error class ${wanted} would clash with ${holder}; named ${className} instead`));
      errorClass = { ...errorClass, className };
    }
    const holder = registry.ownerOf(schema.typeName);
    const typeName = registry.claimFree(schema.typeName, "Model", owner);
    if (typeName !== schema.typeName) warnings.push(warning("naming", `${at}: its type ${schema.typeName} would clash with ${holder}; named ${typeName} instead`));
    settled.set(schema.name, { ...schema, typeName, ...(errorClass ? { errorClass } : {}) });
  }
  return schemas.map((s) => settled.get(s.name)!);
}

/**
 * The names a component schema wants (settleSchemaNames decides the ones it gets): its type, as
 * written when that is a type name, else pascal-cased; an error body's type takes `Data`, since
 * its error class takes the name itself.
 */
export function wantedSchemaNames(name: string, isErrorBody: boolean): { typeName: string; className?: string } {
  const base = (isTypeName(name) ? name : pascalCase(name)) || "Schema";
  return isErrorBody ? { typeName: `${base}Data`, className: base } : { typeName: base };
}

/** The payload type a webhook wants: `NewPetWebhookPayload`, with the method when the webhook has several. */
export function wantedWebhookTypeName(name: string, method: string, severalMethods: boolean): string {
  return `${pascalCase(name) || "Webhook"}${severalMethods ? pascalCase(method) : ""}WebhookPayload`;
}

/** The generated files besides the resources' (without extension). */
const GENERATED_FILES = new Set(["core", "errors", "index", "models", "requests", "sdk", "shapes", "testing", "types", "validation"]);

/**
 * A resource's class and file (under src/generated, without extension), from the properties
 * that reach it: `["connections"]` → `Connections` in `connections`, `["accountsPayable", "bills"]`
 * → `AccountsPayableBills` in `accounts-payable-bills`.
 */
export function resourceNames(path: readonly string[]): { className: string; fileName: string } {
  const className = path.map((p) => pascalCase(p)).join("");
  const fileName = path.map((p) => p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join("-");
  return {
    // Resource classes are not exported (see emit/barrel.ts), so only the files that declare or import them must keep them apart.
    className: INTERNAL_NAMES.includes(className) || className === "Security" ? `${className}Resource` : className,
    fileName: GENERATED_FILES.has(fileName) ? `${fileName}-resource` : fileName,
  };
}

/**
 * The types requests.ts declares for one operation from the stem: the request, an inline body's
 * (not a component schema's, nor binary), an inline JSON response's. The suffixes live here only.
 */
function declaredTypeNames(op: Pick<Operation, "body" | "response">, stem: string): Pick<OperationNames, "request" | "requestBody" | "response"> {
  return {
    request: `${stem}Request`,
    ...(op.body && !op.body.schemaName && op.body.encoding !== "binary" ? { requestBody: `${stem}RequestBody` } : {}),
    ...(op.response.kind === "json" && !op.response.schemaName ? { response: `${stem}Response` } : {}),
  };
}

/** The names requests.ts exports for one operation. */
function operationTypeNames(op: Pick<Operation, "typeStem" | "body" | "response">, stem = op.typeStem): string[] {
  return Object.values(declaredTypeNames(op, stem));
}

/** Every name of a settled operation (see OperationNames). */
function operationNames(op: Operation): OperationNames {
  const functions = operationFunctionNames(op, op.functionName);
  return {
    method: op.methodName,
    ...(op.paging ? { methodPager: `${op.methodName}${ALL_SUFFIX}` } : {}),
    function: functions.call,
    spec: functions.spec,
    ...(functions.all ? { pager: functions.all } : {}),
    ...(functions.paging ? { paging: functions.paging } : {}),
    ...declaredTypeNames(op, op.typeStem),
  };
}

export function settleTypeNames(resources: readonly Resource[], registry: NameRegistry, warnings: Warning[]): Resource[] {
  return resources.map((resource) => ({
    ...resource,
    operations: resource.operations.map((op) => {
      const clash = operationTypeNames(op).find((name) => registry.ownerOf(name) !== undefined);
      const holder = clash === undefined ? undefined : registry.ownerOf(clash);
      let stem = op.typeStem;
      for (let n = 1; operationTypeNames(op, stem).some((name) => registry.ownerOf(name) !== undefined); n++) stem = `${op.typeStem}Operation${n === 1 ? "" : n}`;
      for (const name of operationTypeNames(op, stem)) registry.claim(name, `operation ${op.operationId}`);
      if (stem === op.typeStem) return op;
      warnings.push(warning("naming", `${pointer("paths", op.path, op.method)}: its type ${clash} would clash with ${holder}; its types are named ${stem}Request (and so on) instead`));
      return { ...op, typeStem: stem };
    }),
  }));
}

export function settleWebhookNames(webhooks: readonly WebhookModel[], registry: NameRegistry, warnings: Warning[]): WebhookModel[] {
  return webhooks.map((hook) => {
    const holder = registry.ownerOf(hook.typeName);
    const typeName = registry.claimFree(hook.typeName, "", `webhook ${hook.name}'s payload`);
    if (typeName === hook.typeName) return hook;
    warnings.push(warning("naming", `${pointer("webhooks", hook.name, hook.method)}: its payload type ${hook.typeName} would clash with ${holder}; named ${typeName} instead`));
    return { ...hook, typeName };
  });
}

/**
 * The names one operation's standalone form takes from the stem `name`: the exported function
 * (`call`) and, for a paged list, its iterator (`all`); the module constants both it and the
 * class methods read (`spec`, the OperationSpec; `paging`, the PagingSpec).
 */
export function operationFunctionNames(op: Pick<Operation, "paging">, name: string): {
  readonly call: string;
  readonly spec: string;
  readonly all?: string;
  readonly paging?: string;
} {
  return { call: name, spec: `${name}Spec`, ...(op.paging ? { all: `${name}${ALL_SUFFIX}`, paging: `${name}Paging` } : {}) };
}

/** The standalone function an operation wants: its sdkPath as one identifier, `connections.get` → `connectionsGet`, `accountsPayable.bills.get` → `accountsPayableBillsGet`. */
function wantedFunctionName(resource: Resource, op: Operation): string {
  const upper = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  const [first = "", ...rest] = [...resource.path, op.methodName];
  return first + rest.map(upper).join("");
}

export function settleFunctionNames(resources: readonly Resource[], registry: NameRegistry, warnings: Warning[]): Resource[] {
  return resources.map((resource) => ({
    ...resource,
    operations: resource.operations.map((op) => {
      const wanted = wantedFunctionName(resource, op);
      const names = (stem: string) => Object.values(operationFunctionNames(op, stem));
      const free = (stem: string) => isTypeName(stem) && names(stem).every((n) => registry.ownerOf(n) === undefined);
      const clash = names(wanted).find((n) => registry.ownerOf(n) !== undefined);
      const why = clash === undefined ? "is a reserved word" : `would clash with ${registry.ownerOf(clash)}`;
      const as = clash === undefined || clash === wanted ? "" : ` (its ${clash})`;
      let stem = wanted;
      for (let n = 1; !free(stem); n++) stem = `${wanted}Operation${n === 1 ? "" : n}`;
      for (const name of names(stem)) registry.claim(name, `the standalone function ${stem}`);
      if (stem !== wanted) {
        warnings.push(warning("naming", `${pointer("paths", op.path, op.method)}: the standalone function of ${sdkPath(resource, op)}, ${wanted}${as}, ${why}; named ${stem} instead`));
      }
      return { ...op, functionName: stem, names: operationNames({ ...op, functionName: stem }) };
    }),
  }));
}
