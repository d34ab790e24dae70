/**
 * The connections-get app of each side (src/apps/*.ts: construct a client, get one
 * Connection), bundled by esbuild as an application bundler does: minified, tree-shaken, ESM
 * with code splitting (a dynamic `import()` becomes a chunk of its own, loaded when called),
 * for the browser and for Node. What the app loads at start-up (its eager bytes: the entry
 * chunk and the chunks it imports statically) is measured apart from its lazy chunks. Used by
 * `pnpm bench` (bundle.ts) and the budget test.
 */
import { build, type Metafile } from "esbuild";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const APPS = [
  { name: "bare openapi-fetch", file: "openapi-fetch.ts" },
  { name: "raw fetch", file: "raw-fetch.ts" },
  { name: "@x/common", file: "x-common.ts" },
  { name: "@x/common (standalone function)", file: "x-common-funcs.ts" },
  { name: "@codat/platform (class)", file: "codat-class.ts" },
  { name: "@codat/platform (standalone function)", file: "codat-funcs.ts" },
] as const;

/** One output file of a bundle. */
export interface Chunk {
  /** Its path in the output folder, e.g. `validation-ABC123.js`. */
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The metafile inputs (source files) whose code is in it. */
  readonly inputs: readonly string[];
}

export interface AppBundle {
  /** The eager code: the entry chunk and the chunks it imports statically. */
  readonly code: string;
  /** Minified bytes of the eager chunks. */
  readonly bytes: number;
  /** Gzip bytes of the eager chunks, each compressed apart (as each is fetched). */
  readonly gzipBytes: number;
  readonly eager: readonly Chunk[];
  /** Chunks reached only through a dynamic `import()`: loaded when the app calls it, if ever. */
  readonly lazy: readonly Chunk[];
  readonly metafile: Metafile;
  /** Node built-in modules the bundle imports (none may, for the browser). */
  readonly builtins: string[];
}

export async function bundleApp(file: string, platform: "browser" | "node"): Promise<AppBundle> {
  // Nothing is written: the folder only names the chunks.
  const outdir = join(tmpdir(), "x-bench-bundle");
  const entry = fileURLToPath(new URL(`./apps/${file}`, import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    splitting: true,
    outdir,
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const contents = new Map(result.outputFiles.filter((f) => f.path.endsWith(".js")).map((f) => [relative(process.cwd(), f.path), f.contents]));
  const outputs = result.metafile.outputs;
  const chunk = (path: string): Chunk => {
    const code = contents.get(path)!;
    return { path: relative(outdir, path), bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, inputs: Object.keys(outputs[path]!.inputs) };
  };
  // The app's entry (a dynamic import's chunk has an `entryPoint` too), then whatever it (and those) import statically.
  const eagerPaths = Object.keys(outputs).filter((path) => outputs[path]!.entryPoint === relative(process.cwd(), entry));
  for (let i = 0; i < eagerPaths.length; i++) {
    for (const imported of outputs[eagerPaths[i]!]!.imports) {
      if (imported.kind === "import-statement" && !imported.external && !eagerPaths.includes(imported.path)) eagerPaths.push(imported.path);
    }
  }
  const eager = eagerPaths.map(chunk);
  const lazy = Object.keys(outputs).filter((path) => path.endsWith(".js") && !eagerPaths.includes(path)).map(chunk);
  const code = eagerPaths.map((path) => new TextDecoder().decode(contents.get(path)!)).join("\n");
  const builtins = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.external || i.path.startsWith("node:")).map((i) => i.path));
  const sum = (key: "bytes" | "gzipBytes") => eager.reduce((total, c) => total + c[key], 0);
  return { code, bytes: sum("bytes"), gzipBytes: sum("gzipBytes"), eager, lazy, metafile: result.metafile, builtins };
}

/** Bytes each package contributes to the given chunks (minified, before gzip), largest first. */
export function breakdown(metafile: Metafile, chunks?: readonly Chunk[]): [string, number][] {
  const byPackage = new Map<string, number>();
  const wanted = chunks === undefined ? undefined : new Set(chunks.map((c) => c.path));
  for (const [outPath, output] of Object.entries(metafile.outputs)) {
    if (wanted !== undefined && ![...wanted].some((path) => outPath.endsWith(`/${path}`))) continue;
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = m ? m[1]! : path.includes("/packages/") ? `@x/${path.split("/packages/")[1]!.split("/")[0]}` : path;
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]);
}
