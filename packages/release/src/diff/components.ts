/** Every component schema of the spec in both versions, judged once in the direction(s) it is used. */
import type { DiffContext } from "./context.js";
import { asRecord, child } from "./json.js";
import { compareSchema } from "./schema.js";
import { contextOf } from "./schema-scope.js";
import { directionOf, methodsUsing, schemaUsage } from "./usage.js";

export function compareComponents(ctx: DiffContext): void {
  const usage = [schemaUsage(ctx.after), schemaUsage(ctx.before)];
  const beforeSchemas = asRecord(asRecord(ctx.beforeDoc.components).schemas);
  const afterSchemas = asRecord(asRecord(ctx.afterDoc.components).schemas);
  for (const schema of ctx.after.schemas) {
    const at = child("#/components/schemas", schema.name);
    ctx.cover(at);
    if (!(schema.name in beforeSchemas)) continue; // a new exported type: see exports.ts
    compareSchema(
      ctx,
      { context: contextOf(methodsUsing(schema.name, ...usage)), dir: directionOf(schema.name, ...usage), noun: "type", label: schema.typeName },
      { node: beforeSchemas[schema.name], at },
      { node: afterSchemas[schema.name], at },
    );
  }
  for (const schema of ctx.before.schemas) ctx.cover(child("#/components/schemas", schema.name));
  // The loader's copies are judged as the inline schemas they stand for, where they are used (see componentOf).
  for (const model of [ctx.before, ctx.after]) for (const name of Object.keys(model.hoistedFrom ?? {})) ctx.cover(child("#/components/schemas", name));
}
