/**
 * A strict, in-memory type-check of generated code and code written against it: the
 * generator's fixture tests, the corpus and the README example tests all run this one.
 */
import ts from "typescript";

export interface TypecheckOptions {
  /** Module specifiers mapped to files, e.g. `{ "@x/runtime": [".../src/index.ts"] }`. */
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  /** Stripped from file names in the returned lines. */
  readonly root?: string;
}

/** Diagnostics of `roots` under the workspace's strict settings, as `file:line: message` lines. */
export function typecheckFiles(roots: readonly string[], options: TypecheckOptions = {}): string[] {
  const program = ts.createProgram([...roots], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    skipLibCheck: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    ...(options.paths ? { paths: Object.fromEntries(Object.entries(options.paths).map(([k, v]) => [k, [...v]])) } : {}),
  });
  const prefix = options.root === undefined ? undefined : options.root.endsWith("/") ? options.root : `${options.root}/`;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const name = d.file ? (prefix ? d.file.fileName.replace(prefix, "") : d.file.fileName) : undefined;
    const where = d.file ? `${name}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
