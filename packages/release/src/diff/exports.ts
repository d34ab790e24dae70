/** The names the generated package exports (from the generator's own list), and what each is. */
import type { SpecModel } from "@x/codegen";
import { declaredTypes, exportedNames } from "@x/codegen";
import type { DiffContext } from "./context.js";
import { child } from "./json.js";

type Operation = SpecModel["resources"][number]["operations"][number];
/** The client's name comes from package.json, never from the spec, so one stand-in serves both sides. */
const CLIENT = "Client";
/** What each of an operation's declared types is (see `op.names`). */
const TYPE_KINDS = [["request", "request type"], ["requestBody", "request body type"], ["response", "response type"]] as const;

/** Names exported by one side only; those of methods added or removed are reported with the method. */
export function compareExports(ctx: DiffContext, gone: { removed: Operation[]; added: Operation[] }): void {
  const [before, after] = [new Set(exportedNames(ctx.before, CLIENT)), new Set(exportedNames(ctx.after, CLIENT))];
  const owned = new Set([...gone.removed, ...gone.added].flatMap(declaredTypes));
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
  return model.resources.flatMap((r) => r.operations).find((op) => typeKindOf(op, name) !== undefined)?.pointer ?? "#";
}

function kindOf(model: SpecModel, name: string): string {
  if (model.schemas.some((s) => s.errorClass?.className === name)) return "error class";
  if (model.schemas.some((s) => s.typeName === name)) return "model type";
  return model.resources.flatMap((r) => r.operations).map((op) => typeKindOf(op, name)).find((kind) => kind !== undefined) ?? "name";
}

/** `name`'s kind when it is one of the types declared for `op` (its request, inline body or inline response). */
function typeKindOf(op: Operation, name: string): string | undefined {
  return TYPE_KINDS.find(([key]) => op.names[key] === name)?.[1];
}
