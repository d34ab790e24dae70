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

/**
 * The paths, plus `<specifier>/core` and `<specifier>/validation` for each specifier mapped to a
 * package's `src/index.ts`: the runtime's other entries, at their sources beside the main one:
 * `@x/runtime/core` (`src/core-entry.ts`), which the generated code imports, and
 * `@x/runtime/validation` (`src/validation/index.ts`), which generated `validation.ts` imports.
 */
function withSubpaths(paths: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, files] of Object.entries(paths)) {
    out[key] = [...files];
    for (const [entry, source] of [["core", "core-entry.ts"], ["validation", "validation/index.ts"]] as const) {
      const sub = files.filter((file) => /\/src\/index\.ts$/.test(file)).map((file) => file.replace(/index\.ts$/, source));
      if (sub.length > 0 && !(`${key}/${entry}` in paths)) out[`${key}/${entry}`] = sub;
    }
  }
  return out;
}

/** Diagnostics of `roots` under the workspace's strict settings, as `file:line: message` lines. */
export function typecheckFiles(roots: readonly string[], options: TypecheckOptions = {}): string[] {
  const compilerOptions: ts.CompilerOptions = {
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
    ...(options.paths ? { paths: withSubpaths(options.paths) } : {}),
  };
  const program = ts.createProgram({ rootNames: [...roots], options: compilerOptions, host: reusingHost(compilerOptions, roots) });
  const prefix = options.root === undefined ? undefined : options.root.endsWith("/") ? options.root : `${options.root}/`;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const name = d.file ? (prefix ? d.file.fileName.replace(prefix, "") : d.file.fileName) : undefined;
    const where = d.file ? `${name}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/**
 * Files parsed by earlier calls in this process, by name: the libs (lib.dom.d.ts alone is
 * 2 MB), @types/node and the runtime's sources are the same in every call, and parsing them
 * was much of each call's time. An entry is reused only for the same text and the same
 * parse options, so a changed file is parsed again; the roots, fresh each call, are never
 * kept. Sharing parsed (and bound) files between programs is what TypeScript's own language
 * service does; the binding depends only on compiler options, which are the same in every
 * call but for `paths`, which only module resolution reads.
 */
const parsed = new Map<string, { readonly parseOptions: string; readonly file: ts.SourceFile }>();

/** The default compiler host, its getSourceFile answering from `parsed` when it can. */
function reusingHost(compilerOptions: ts.CompilerOptions, roots: readonly string[]): ts.CompilerHost {
  const host = ts.createCompilerHost(compilerOptions);
  const parse = host.getSourceFile;
  const fresh = new Set(roots.map((root) => ts.sys.resolvePath(root)));
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (shouldCreateNewSourceFile || fresh.has(ts.sys.resolvePath(fileName))) return parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    let text: string | undefined;
    try {
      text = host.readFile(fileName);
    } catch {
      text = undefined;
    }
    const parseOptions = parseOptionsKey(languageVersionOrOptions);
    const known = parsed.get(fileName);
    if (text !== undefined && known && known.parseOptions === parseOptions && known.file.text === text) return known.file;
    // Parsed as before (a missing or unreadable file reported as before); kept when its text is the one read above.
    const file = parse(fileName, languageVersionOrOptions, onError);
    if (file && text !== undefined && file.text === text) parsed.set(fileName, { parseOptions, file });
    return file;
  };
  return host;
}

/**
 * What a parse depends on besides the text. `setExternalModuleIndicator` is left out: it
 * follows from compiler options (module, moduleDetection) that are the same in every call.
 */
function parseOptionsKey(options: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof options !== "object") return String(options);
  return [options.languageVersion, options.impliedNodeFormat, options.jsDocParsingMode].join(",");
}
