/** One error class per schema the spec documents as an error body; each extends the runtime's APIError. */
import type { SchemaModel, SpecModel } from "../load/model.js";
import { banner, coreImport, jsdoc, type EmitContext, type GeneratedFile } from "./source.js";

export function emitErrors(model: SpecModel, ctx: EmitContext): GeneratedFile {
  const schemas = model.schemas.filter((s) => s.errorClass);
  const imports = schemas.length === 0 ? "" : [
    `import { APIError, type APIErrorInit } from ${JSON.stringify(coreImport(ctx))};`,
    `import type { ${schemas.map((s) => s.typeName).join(", ")} } from "./models.js";`,
    "",
  ].join("\n");
  return {
    path: "errors.ts",
    contents: `${banner(ctx)}\n${imports}\n${schemas.map(errorClass).join("\n")}`.trimEnd() + "\n",
  };
}

function errorClass(schema: SchemaModel): string {
  const { className, fields, messageField } = schema.errorClass!;
  const declarations = fields.map(
    (f) => `${jsdoc([f.description], "  ")}  declare readonly ${f.name}?: ${schema.typeName}[${JSON.stringify(f.name)}];\n`,
  );
  // Declared, not class fields, and copied in one loop: each name is printed once in the bundle.
  const copy = fields.length === 0 ? "" : `    for (const key of [${fields.map((f) => JSON.stringify(f.name)).join(", ")}] as const) (this as Record<string, unknown>)[key] = data[key];\n`;
  // APIError checks it is a string: it comes from the parsed body as it is.
  const detail = messageField ? `, data.${messageField}` : "";
  return [
    jsdoc([schema.description, "", "Thrown when the API answers a documented error status with this body.", "The HTTP status, headers and raw response are on the APIError base class."]),
    `export class ${className} extends APIError {\n`,
    declarations.join(""),
    "  /** The error body as the server sent it. */\n",
    `  declare readonly data: ${schema.typeName};\n\n`,
    "  constructor(init: APIErrorInit) {\n",
    `    const data = (typeof init.body === "object" && init.body !== null ? init.body : {}) as ${schema.typeName};\n`,
    `    super(init${detail});\n`,
    `    this.name = ${JSON.stringify(className)};\n`,
    copy,
    "    this.data = data;\n",
    "  }\n}\n",
  ].join("");
}
