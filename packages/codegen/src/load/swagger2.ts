/**
 * Swagger 2.0 documents are converted to OpenAPI 3.0 with swagger2openapi (the converter
 * the OpenAPI tooling world keeps), patching the small mistakes it knows how to fix, and
 * generated from the result with a warning saying so.
 */
import { warning, type Warning } from "./warnings.js";
import { createRequire } from "node:module";
import { CodegenError } from "../errors.js";

interface Converter {
  convertObj(document: unknown, options: Record<string, unknown>): Promise<{ openapi: Record<string, unknown>; patches?: number }>;
}

const require = createRequire(import.meta.url);

export function isSwagger2(document: unknown): boolean {
  return typeof document === "object" && document !== null && (document as { swagger?: unknown }).swagger === "2.0";
}

export async function convertSwagger2(document: Record<string, unknown>, file: string, warnings: Warning[]): Promise<Record<string, unknown>> {
  // Loaded on demand: only Swagger 2.0 inputs pay for the converter.
  const converter = require("swagger2openapi") as Converter;
  let result: Awaited<ReturnType<Converter["convertObj"]>>;
  try {
    result = await converter.convertObj(structuredClone(document), { patch: true, warnOnly: true, resolve: false, direct: false });
  } catch (error) {
    throw new CodegenError(file, [`a Swagger 2.0 document that swagger2openapi cannot convert to OpenAPI 3.0: ${(error as Error).message}`]);
  }
  const patched = result.patches ? ` (it patched ${result.patches} small mistake${result.patches === 1 ? "" : "s"} on the way)` : "";
  warnings.push(warning("swagger2", `#/swagger: a Swagger 2.0 document; generated from its OpenAPI 3.0 conversion by swagger2openapi${patched}`));
  return result.openapi;
}
