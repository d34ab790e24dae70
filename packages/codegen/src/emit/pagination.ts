/**
 * The `<methodName>All` method of a paged list operation (see load/pagination.ts) and
 * the `paging` table its resource file passes to `SDKCoreBase.paginate`.
 */
import { sdkPath, type Operation, type Resource, type SpecModel } from "../load/model.js";
import { ALL_SUFFIX } from "../load/pagination.js";
import { requestTypeName, responseTypeName, typeNameOf } from "./requests.js";
import { jsdoc, literal } from "./source.js";

/** The component types a resource file imports for its iterators (the items' models). */
export function pagedItemModels(model: SpecModel, resource: Resource): string[] {
  return resource.operations.flatMap((op) => (op.paging?.itemSchemaName ? [typeNameOf(model, op.paging.itemSchemaName)] : []));
}

/** `const paging = {…}` for the resource's paged operations, or "" when it has none. */
export function pagingTable(resource: Resource): string {
  const paged = resource.operations.filter((op) => op.paging);
  if (paged.length === 0) return "";
  const rows = paged.map((op) => `  ${op.methodName}: ${literal({ request: op.paging!.request, response: op.paging!.response })},\n`);
  return `/** Where each paged list operation keeps its page number, page size and items. */\nconst paging = {\n${rows.join("")}} satisfies Record<string, PagingSpec>;\n\n`;
}

/**
 * The iterator method of one paged operation, or "" for any other.
 * @param local the name a model is imported under in the resource file
 * @param throws the operation's `@throws` lines
 */
export function pagedMethod(
  model: SpecModel, resource: Resource, op: Operation, local: (name: string) => string, throws: readonly (string | undefined)[],
): string {
  if (!op.paging) return "";
  const required = op.parameters.some((p) => p.required) || op.body?.required === true;
  const item = op.paging.itemSchemaName
    ? local(typeNameOf(model, op.paging.itemSchemaName))
    : `NonNullable<${local(responseTypeName(model, op))}[${JSON.stringify(op.paging.response.results)}]>[number]`;
  const call = sdkPath(resource, op);
  const doc = jsdoc(
    [
      `Every item of every page of \`${call}\`, fetched page by page as you iterate:`,
      `\`for await (const item of client.${call}${ALL_SUFFIX}(request))\`.`,
      "",
      `Starts at \`request.${op.paging.request.page}\` (default 1) and sends the rest of the request, \`${op.paging.request.pageSize}\``,
      "included, with every page. Nothing is sent before the first item is asked for, the next",
      "page is fetched only once the current one is used up, and `break` stops fetching. Stops",
      `after the last page (an empty or short page, or the one reaching \`${op.paging.response.totalResults}\`).`,
      `Each page is one \`${op.methodName}\` call with \`options\`: the same retries, timeouts and errors;`,
      "an error rejects `next()` after the items of the pages before it were yielded.",
      "",
      ...throws,
      op.deprecated ? "@deprecated" : undefined,
    ],
    "  ",
  );
  return `${doc}  ${op.methodName}${ALL_SUFFIX}(request: ${requestTypeName(op)}${required ? "" : " = {}"}, options?: RequestOptions<Security>): AsyncIterableIterator<${item}> {\n` +
    `    return this.#core.paginate(operations.${op.methodName}, request, options, paging.${op.methodName});\n  }\n`;
}
