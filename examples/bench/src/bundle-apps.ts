/**
 * The connections-get app of each side (src/apps/*.ts: construct a client, get one
 * Connection), bundled by esbuild as an application would be: minified, tree-shaken,
 * for the browser and for Node. Used by `pnpm bench` (bundle.ts) and the budget test.
 */
import { build, type Metafile } from "esbuild";
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

export interface AppBundle {
  readonly code: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly metafile: Metafile;
  /** Node built-in modules the bundle imports (none may, for the browser). */
  readonly builtins: string[];
}

export async function bundleApp(file: string, platform: "browser" | "node"): Promise<AppBundle> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`./apps/${file}`, import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  const builtins = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external || i.path.startsWith("node:")).map((i) => i.path));
  return { code: new TextDecoder().decode(code), bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, metafile: result.metafile, builtins };
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
