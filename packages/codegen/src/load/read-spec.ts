/**
 * Reads a spec file and checks its structure with Redocly's OpenAPI rules, so a
 * broken spec is reported with file, line and JSON pointer before anything is generated.
 *
 * The file is parsed once (see parse-source.ts) and Redocly lints that parsed document,
 * keeping the source text only to turn pointers into line numbers. The same lint stands
 * in for the one openapi-typescript would run (emit/types.ts calls its transform directly).
 */
import { warning, type Warning } from "./warnings.js";
import { readFile } from "node:fs/promises";
import { BaseResolver, createConfig, getLineColLocation, lintDocument, Source } from "@redocly/openapi-core";
import { CodegenError } from "../errors.js";
import { isRecord } from "./json.js";
import { bundleDocument, hasFileRefs } from "./bundle.js";
import { isOpenApi32Field, unsupportedOpenApi32 } from "./oas32.js";
import { parseSource } from "./parse-source.js";
import { convertSwagger2, isSwagger2 } from "./swagger2.js";

/**
 * The rules a spec must pass before we generate from it: structure and resolvable
 * references, plus the errors of the `minimal` ruleset openapi-typescript lints with (a
 * server URL ending in `/`, a server variable with an empty enum), which it would refuse.
 */
const STRUCTURE_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
} as const;

/** The document, as OpenAPI 3.x; `warnings` receives what was done to it (a Swagger 2.0 conversion). */
export async function readSpec(file: string, absolutePath: string, warnings: Warning[] = []): Promise<Record<string, unknown>> {
  let source: string;
  try {
    source = await readFile(absolutePath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodegenError(file, [code === "ENOENT" ? "file not found" : `cannot read: ${(error as Error).message}`]);
  }
  const document = parseSource(file, source);
  // Its conversion is checked by the model builder; the structure rules below are OpenAPI 3's.
  if (isSwagger2(document)) return convertSwagger2(document as Record<string, unknown>, file, warnings);
  if (!isRecord(document) || typeof document.openapi !== "string" || !document.openapi.startsWith("3.")) {
    throw new CodegenError(file, ["not an OpenAPI 3.x or Swagger 2.0 document (missing or unsupported `openapi` version)"]);
  }
  // A spec written as many files is linted and read as the one document they make.
  const bundled = hasFileRefs(document) ? bundleDocument(file, absolutePath, document).document : undefined;
  const linted = bundled ?? document;
  const text = bundled ? JSON.stringify(bundled, null, 2) : source;
  const config = await createConfig({ rules: STRUCTURE_RULES });
  const problems = await lintDocument({
    // Redocly resolves relative refs against this path (a file: URL would be joined onto the working directory).
    document: { source: new Source(absolutePath, text), parsed: linted },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  });
  const located = (p: (typeof problems)[number]): string => {
    const where = p.location[0];
    // A bundle's line numbers would be those of no file the user has.
    const line = where && !bundled ? `line ${getLineColLocation(where).start.line}: ` : "";
    return `${line}${p.message} (at ${where?.pointer ?? "#/"})`;
  };
  const findings = problems.filter((p) => p.severity === "error" && !isTolerated(p.ruleId, p.location[0]?.pointer)
    && !isOpenApi32Field(document, p.ruleId, p.location[0]?.pointer));
  for (const p of problems) {
    const unsupported = unsupportedOpenApi32(document, p.ruleId, p.location[0]?.pointer);
    if (unsupported) warnings.push(warning("oas32", `${p.location[0]!.pointer}: OpenAPI 3.2: ${unsupported}`));
  }
  // Structure findings (a misspelled keyword, an `examples` object, a field a vendor
  // extension does not expect) do not stop openapi-typescript, so they do not stop us; what
  // they leave out, the model builder decides is fatal or not.
  for (const p of findings.filter((p) => !isFatal(p.ruleId, p.location[0]?.pointer))) warnings.push(warning("lint", `lint: ${located(p)}`));
  const errors = findings.filter((p) => isFatal(p.ruleId, p.location[0]?.pointer));
  if (errors.length > 0) throw new CodegenError(file, errors.map(located));
  return linted;
}

/**
 * What makes a correct SDK impossible: a `$ref` the types need that leads nowhere (one
 * inside an extension or an example is only documentation), two operations with one
 * operationId (openapi-typescript keys its `operations` by it). (A path parameter that does
 * not match its path is settled by normalizePathParameters.)
 */
function isFatal(ruleId: string, at: string | undefined): boolean {
  if (ruleId === "struct") return false;
  if (ruleId === "no-unresolved-refs") return !(at ?? "").split("/").some((s) => s.startsWith("x-") || s === "example" || s === "examples");
  return true;
}

/**
 * Published 3.1 specs still carry the 3.0 keyword `nullable: true`; openapi-typescript
 * understands it, so it is not worth refusing a spec over.
 */
function isTolerated(ruleId: string, at: string | undefined): boolean {
  if (at === undefined) return false;
  // A bare schema name or a dead pointer in a discriminator's mapping: normalizeDiscriminators
  // rewrites or drops it, and says which.
  if (ruleId === "no-unresolved-refs") return /\/discriminator\/mapping\//.test(at);
  return ruleId === "struct" && at.endsWith("/nullable");
}
