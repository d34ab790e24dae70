/**
 * The two forms an operation's call is printed in: a method (of a resource class or of the
 * client) and the standalone function taking the lean client. The operation printer
 * (operation.ts) and the paged iterators (pagination.ts) both print in these forms.
 */
import { sdkPath, type Operation, type Resource } from "../load/model.js";

/**
 * How a file prints an operation's call: as a method of a class (`this.#core`, or the client's
 * `this[CORE]`), or as the standalone function taking the lean client (`client[CORE]`). Both
 * forms read the same module constants, so they behave alike.
 */
export interface CallForm {
  /** The indentation of the signature; the body is indented one level more. */
  readonly indent: string;
  /** The runtime core, as an expression of the method or function body. */
  readonly core: string;
  /** The signature up to the request parameter: `  get(` or `export function connectionsGet(client: CommonCore, `. */
  head(name: string): string;
  /** The name of the call (`all`: the paged iterator's). */
  name(op: Operation, all: boolean): string;
  /** How the docs name the operation's call: `connections.list`, `connectionsList`. */
  ref(resource: Resource, op: Operation): string;
  /** How a user calls it, for the docs: `client.connections.listAll(request)`. */
  usage(resource: Resource, op: Operation, all: boolean): string;
}

/** The methods of a resource class or of the client, reaching the runtime core as `core`. */
export function methodForm(core: string): CallForm {
  return {
    indent: "  ",
    core,
    head: (name) => `  ${name}(`,
    name: (op, all) => (all ? op.names.methodPager ?? op.methodName : op.methodName),
    ref: (resource, op) => sdkPath(resource, op),
    usage: (resource, op, all) => `client.${sdkPath(resource, all ? { ...op, methodName: op.names.methodPager ?? op.methodName } : op)}(request)`,
  };
}

/** The standalone functions, each taking the lean client class `coreClass` first. */
export function functionForm(coreClass: string): CallForm {
  const name = (op: Operation, all: boolean) => {
    const names = functionNamesOf(op);
    return all ? names.all! : names.call;
  };
  return {
    indent: "",
    core: "client[CORE]",
    head: (fn) => `export function ${fn}(client: ${coreClass}, `,
    name,
    ref: (_resource, op) => name(op, false),
    usage: (_resource, op, all) => `${name(op, all)}(client, request)`,
  };
}

/** The names of an operation's standalone function and module constants. */
export function functionNamesOf(op: Operation): { readonly call: string; readonly spec: string; readonly all?: string; readonly paging?: string } {
  const { names } = op;
  return { call: names.function, spec: names.spec, ...(names.pager ? { all: names.pager } : {}), ...(names.paging ? { paging: names.paging } : {}) };
}
