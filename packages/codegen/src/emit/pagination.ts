/**
 * The `<methodName>All` method (and `<function>All` standalone function) of a paged list
 * operation (see load/pagination.ts) and the PagingSpec constant both pass to `SDKCoreBase.paginate`.
 */
import type { Operation, Resource, SpecModel } from "../load/model.js";
import { functionNamesOf } from "./call-form.js";
import { requestTypeName, responseTypeName, typeNameOf } from "./requests.js";
import type { CallForm } from "./call-form.js";
import { jsdoc, literal } from "./source.js";

/** The component types a resource file imports for its iterators (the items' models). */
export function pagedItemModels(model: SpecModel, resource: Resource): string[] {
  return resource.operations.flatMap((op) => (op.paging?.itemSchemaName ? [typeNameOf(model, op.paging.itemSchemaName)] : []));
}

/** `const <function>Paging = {…}` for a paged operation, or "" for any other. */
export function pagingConstant(op: Operation): string {
  if (!op.paging) return "";
  const name = op.names.paging!;
  return `/** Where \`${op.operationId}\` keeps its page number, page size and items. */\nconst ${name} = ${literal({ request: op.paging.request, response: op.paging.response })} satisfies PagingSpec;\n`;
}

/**
 * The iterator of one paged operation in the form `form` (a method, or a standalone function),
 * or "" for any other operation.
 * @param local the name a model is imported under in the file
 * @param throws the operation's `@throws` lines
 */
export function pagedCall(
  model: SpecModel, resource: Resource, op: Operation, local: (name: string) => string, throws: readonly (string | undefined)[], form: CallForm,
): string {
  if (!op.paging) return "";
  const names = functionNamesOf(op);
  const required = op.parameters.some((p) => p.required) || op.body?.required === true;
  const item = op.paging.itemSchemaName
    ? local(typeNameOf(model, op.paging.itemSchemaName))
    : `NonNullable<${local(responseTypeName(model, op))}[${JSON.stringify(op.paging.response.results)}]>[number]`;
  const doc = jsdoc(
    [
      `Every item of every page of \`${form.ref(resource, op)}\`, fetched page by page as you iterate:`,
      `\`for await (const item of ${form.usage(resource, op, true)})\`.`,
      "",
      `Starts at \`request.${op.paging.request.page}\` (default 1) and sends the rest of the request, \`${op.paging.request.pageSize}\``,
      "included, with every page. Nothing is sent before the first item is asked for, the next",
      "page is fetched only once the current one is used up, and `break` stops fetching. Stops",
      `after the last page (an empty or short page, or the one reaching \`${op.paging.response.totalResults}\`).`,
      `Each page is one \`${form.name(op, false)}\` call with \`options\`: the same retries, timeouts and errors;`,
      "an error rejects `next()` after the items of the pages before it were yielded.",
      "",
      ...throws,
      op.deprecated ? "@deprecated" : undefined,
    ],
    form.indent,
  );
  return `${doc}${form.head(form.name(op, true))}request: ${requestTypeName(op)}${required ? "" : " = {}"}, options?: RequestOptions<Security>): AsyncIterableIterator<${item}> {\n` +
    `${form.indent}  return ${form.core}.paginate(${names.spec}, request, options, ${names.paging});\n${form.indent}}\n`;
}
