/**
 * The published declarations compile for a consumer without the DOM lib (ES2022 and Node's
 * types only, strict, declarations checked), as the rehearsal's npm consumers compile: a
 * DOM-only name such as `BodyInit` in dist/index.d.ts would break them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";

const DIST = resolve(import.meta.dirname, "../dist/index.js");
const CORE = resolve(import.meta.dirname, "../dist/core.js");

it("dist/index.d.ts and dist/core.d.ts type-check with lib ES2022 and @types/node alone, declaring the same classes", () => {
  const dir = mkdtempSync(join(tmpdir(), "x-runtime-types-"));
  try {
    const file = join(dir, "consumer.mts");
    writeFileSync(
      file,
      [
        `import * as runtime from ${JSON.stringify(DIST)};`,
        `import type { BodyEncoder, ClientOptions, RuntimeFeatures, SDKDefinition } from ${JSON.stringify(DIST)};`,
        "const features: RuntimeFeatures = { formBody: runtime.formBody, queryParameters: runtime.queryParameters };",
        "const encode: BodyEncoder = runtime.textBody;",
        "const definition: SDKDefinition = { sdkName: \"T\", servers: [{ url: \"https://api.example.com\" }], securitySchemes: [], features };",
        "const options: ClientOptions<object> = { timeoutMs: 1000 };",
        "export const core = new runtime.SDKCoreBase(definition, options);",
        // What generated SDKs import (@x/runtime/core) is what their callers annotate and catch with (@x/runtime).
        `import * as coreEntry from ${JSON.stringify(CORE)};`,
        "export const sdkCore: runtime.SDKCoreBase<object> = new coreEntry.SDKCoreBase(definition, options);",
        "export const errorClass: typeof runtime.SDKError = coreEntry.SDKError;",
        "export const coreOptions: coreEntry.ClientOptions<object> = options;",
        "export { encode };",
      ].join("\n"),
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      types: ["node"],
      typeRoots: [resolve(import.meta.dirname, "../../../node_modules/@types")],
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.replace(/.*\/dist\//, "dist/")}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : "";
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, needs(15_000)); // a whole-program type-check that checks the libs too
