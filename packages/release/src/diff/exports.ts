/** The names the generated package exports (from the generator's own list), and what each is. */
import type { SpecModel } from "@x/codegen";
import { exportedNames, operationTypeNames } from "@x/codegen";
import { operationPointer, type DiffContext } from "./context.js";
import { child } from "./json.js";

type Operation = SpecModel["resources"][number]["operations"][number];
/** The client's name comes from package.json, never from the spec, so one stand-in serves both sides. */
const CLIENT = "Client";

/** Names exported by one side only; those of methods added or removed are reported with the method. */
export function compareExports(ctx: DiffContext, gone: { removed: Operation[]; added: Operation[] }): void {
  const [before, after] = [new Set(exportedNames(ctx.before, CLIENT)), new Set(exportedNames(ctx.after, CLIENT))];
  const owned = new Set([...gone.removed, ...gone.added].flatMap((op) => operationTypeNames(op)));
  for (const name of before) {
    if (after.has(name) || owned.has(name)) continue;
    ctx.add("major", ownerOf(ctx.before, name), `exported ${kindOf(ctx.before, name)} ${name} removed or renamed; callers importing it no longer compile`);
  }
  for (const name of after) {
    if (before.has(name) || owned.has(name)) continue;
    ctx.add("minor", ownerOf(ctx.after, name), `new exported ${kindOf(ctx.after, name)} ${name}`);
  }
  for (const b of ctx.before.schemas) {
    const a = ctx.after.schemas.find((s) => s.name === b.name);
    if (!a || Boolean(a.errorClass) === Boolean(b.errorClass)) continue;
    const at = child("#/components/schemas", b.name);
    if (a.errorClass) ctx.add("major", at, `${a.errorClass.className} is now an error class (a documented error body); its model type is now ${a.typeName}`);
    else ctx.add("major", at, `${b.errorClass!.className} is no longer an error class (no longer a documented error body); the model type is ${a.typeName} again`);
  }
}

function ownerOf(model: SpecModel, name: string): string {
  const schema = model.schemas.find((s) => s.typeName === name || s.errorClass?.className === name);
  if (schema) return child("#/components/schemas", schema.name);
  for (const op of model.resources.flatMap((r) => r.operations)) {
    if (operationTypeNames(op).includes(name)) return operationPointer(op.path, op.method);
  }
  return "#";
}

function kindOf(model: SpecModel, name: string): string {
  if (model.schemas.some((s) => s.errorClass?.className === name)) return "error class";
  if (model.schemas.some((s) => s.typeName === name)) return "model type";
  if (!model.resources.some((r) => r.operations.some((op) => operationTypeNames(op).includes(name)))) return "name";
  return name.endsWith("Response") ? "response type" : name.endsWith("RequestBody") ? "request body type" : "request type";
}
