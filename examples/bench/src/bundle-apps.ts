/**
 * The connections-get app of each side (src/apps/*.ts: construct a client, get one
 * Connection), bundled by esbuild as an application would be: minified, tree-shaken, code
 * split at dynamic imports (as Vite, Rollup and webpack do by default), for the browser and
 * for Node. What the app loads up front is the entry and the chunks it imports statically;
 * a chunk reached only by a dynamic `import()` (the runtime's tracing, loaded only for a
 * client given a tracer) is counted apart, as `lazy`. Used by `pnpm bench` (bundle.ts) and
 * the budget test.
 */
import { build, type Metafile } from "esbuild";
import { gzipSync } from "node:zlib";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

export const APPS = [
  { name: "bare openapi-fetch", file: "openapi-fetch.ts" },
  { name: "raw fetch", file: "raw-fetch.ts" },
  { name: "@x/common", file: "x-common.ts" },
  { name: "@x/common (standalone function)", file: "x-common-funcs.ts" },
  { name: "@codat/platform (class)", file: "codat-class.ts" },
  { name: "@codat/platform (standalone function)", file: "codat-funcs.ts" },
] as const;

export interface AppBundle {
  /** What the app loads up front: its entry and the chunks the entry imports statically. */
  readonly code: string;
  readonly bytes: number;
  /** Each file of `code` gzipped on its own, summed: what a browser downloads up front. */
  readonly gzipBytes: number;
  /** The chunks only a dynamic `import()` reaches, loaded when the code path that imports them runs. */
  readonly lazy: { readonly code: string; readonly bytes: number; readonly gzipBytes: number };
  readonly metafile: Metafile;
  /** Node built-in modules the bundle imports (none may, for the browser). */
  readonly builtins: string[];
}

export async function bundleApp(file: string, platform: "browser" | "node"): Promise<AppBundle> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./apps/${file}`, import.meta.url))],
    bundle: true,
    minify: true,
    splitting: true,
    outdir: "out",
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  // The entry and what it imports statically, transitively.
  const initial = new Set([entry]);
  for (const path of initial) {
    for (const i of outputs[path]!.imports) if (i.kind === "import-statement" && !i.external) initial.add(i.path);
  }
  const files = result.outputFiles.map((file) => ({ path: relative(process.cwd(), file.path), contents: file.contents }));
  const sized = (chosen: typeof files) => ({
    code: chosen.map((file) => new TextDecoder().decode(file.contents)).join("\n"),
    bytes: chosen.reduce((sum, file) => sum + file.contents.byteLength, 0),
    gzipBytes: chosen.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0),
  });
  const builtins = Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.external || i.path.startsWith("node:")).map((i) => i.path));
  return { ...sized(files.filter((f) => initial.has(f.path))), lazy: sized(files.filter((f) => !initial.has(f.path))), metafile: result.metafile, builtins };
}

/** Bytes each package contributes to the bundle (minified, before gzip), largest first. */
export function breakdown(metafile: Metafile): [string, number][] {
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = m ? m[1]! : path.includes("/packages/") ? `@x/${path.split("/packages/")[1]!.split("/")[0]}` : path;
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]);
}
