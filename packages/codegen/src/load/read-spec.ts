/**
 * Reads a spec file and checks its structure with Redocly's OpenAPI rules, so a
 * broken spec is reported with file, line and JSON pointer before anything is generated.
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { createConfig, getLineColLocation, lintFromString } from "@redocly/openapi-core";
import { parseDocument } from "yaml";
import { CodegenError } from "../errors.js";
import { isRecord } from "./retries.js";

/** The rules a spec must pass before we generate from it: structure and resolvable references. */
const STRUCTURE_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId": "error",
  "operation-operationId-unique": "error",
  "path-parameters-defined": "error",
} as const;

export async function readSpec(file: string, absolutePath: string): Promise<Record<string, unknown>> {
  let source: string;
  try {
    source = await readFile(absolutePath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodegenError(file, [code === "ENOENT" ? "file not found" : `cannot read: ${(error as Error).message}`]);
  }
  const yaml = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (yaml.errors.length > 0) {
    throw new CodegenError(file, yaml.errors.map((e) => `invalid YAML: ${e.message.split("\n")[0]}`));
  }
  const document: unknown = yaml.toJS({ maxAliasCount: 1000 });
  if (!isRecord(document) || typeof document.openapi !== "string" || !document.openapi.startsWith("3.")) {
    throw new CodegenError(file, ["not an OpenAPI 3.x document (missing or unsupported `openapi` version)"]);
  }
  const config = await createConfig({ rules: STRUCTURE_RULES });
  const problems = await lintFromString({ source, absoluteRef: pathToFileURL(absolutePath).href, config });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new CodegenError(
      file,
      errors.map((p) => {
        const where = p.location[0];
        const line = where ? `line ${getLineColLocation(where).start.line}: ` : "";
        return `${line}${p.message} (at ${where?.pointer ?? "#/"})`;
      }),
    );
  }
  return document;
}
