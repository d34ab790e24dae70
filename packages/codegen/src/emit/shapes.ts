/**
 * `shapes.ts`: the model's schemas as data (the runtime's `Shapes`), read at run time by response
 * validation and the test kit, never by the SDK's main entry. Annotated rather than inferred, so
 * the literal types of a large spec cost the type-checker nothing.
 */
import type { SpecModel } from "../load/model.js";
import { banner, coreImport, type EmitContext, type GeneratedFile } from "./source.js";

export function emitShapes(model: SpecModel, ctx: EmitContext): GeneratedFile {
  return {
    path: "shapes.ts",
    contents: [
      banner(ctx),
      `import type { Shapes } from ${JSON.stringify(coreImport(ctx))};`,
      "",
      "/** Every component schema by name, and every operation by operationId: what it sends and answers. */",
      "export const shapes: Shapes = {",
      `  schemas: {${entries(model.shapes.schemas)}},`,
      `  operations: {${entries(model.shapes.operations)}},`,
      "};",
      "",
    ].join("\n"),
  };
}

/** One entry a line: `\n    Name: {...},` each, readable in a diff without a line per keyword. */
function entries(record: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(record).map(([key, value]) => `\n    ${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return lines.length > 0 ? `${lines.join("")}\n  ` : "";
}
