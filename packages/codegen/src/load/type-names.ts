/**
 * The exported type names of each operation (`<Stem>Request`, `<Stem>RequestBody`,
 * `<Stem>Response`), and the one pass that keeps them apart from the model types and from
 * each other: an operation whose names would clash takes the stem `<Stem>Operation` (then
 * `<Stem>Operation2`...), with a warning. The model types keep their names: they are the
 * API's own vocabulary.
 */
import { pointer } from "../errors.js";
import type { Operation, Resource, SchemaModel } from "./model.js";

/** Names of the generated package that are not per operation or per schema. */
const FIXED_NAMES = ["SDK_VERSION", "ServerList", "Security", "components", "operations", "paths", "webhooks"];

/** The names requests.ts exports for one operation. */
export function operationTypeNames(op: Pick<Operation, "typeStem" | "body" | "response">, stem = op.typeStem): string[] {
  return [
    `${stem}Request`,
    ...(op.body && !op.body.schemaName && op.body.encoding !== "binary" ? [`${stem}RequestBody`] : []),
    ...(op.response.kind === "json" && !op.response.schemaName ? [`${stem}Response`] : []),
  ];
}

export function settleTypeNames(resources: readonly Resource[], schemas: readonly SchemaModel[], warnings: string[]): Resource[] {
  const owner = new Map<string, string>();
  for (const name of FIXED_NAMES) owner.set(name, "the client");
  for (const s of schemas) {
    owner.set(s.typeName, `schema ${s.name}`);
    if (s.errorClass) owner.set(s.errorClass.className, `schema ${s.name}'s error class`);
  }
  return resources.map((resource) => ({
    ...resource,
    operations: resource.operations.map((op) => {
      const clash = operationTypeNames(op).find((name) => owner.has(name));
      const holder = clash === undefined ? undefined : owner.get(clash);
      let stem = op.typeStem;
      for (let n = 1; operationTypeNames(op, stem).some((name) => owner.has(name)); n++) stem = `${op.typeStem}Operation${n === 1 ? "" : n}`;
      for (const name of operationTypeNames(op, stem)) owner.set(name, `operation ${op.operationId}`);
      if (stem === op.typeStem) return op;
      warnings.push(`${pointer("paths", op.path, op.method)}: its type ${clash} would clash with ${holder}; its types are named ${stem}Request (and so on) instead`);
      return { ...op, typeStem: stem };
    }),
  }));
}
