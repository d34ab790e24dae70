/**
 * Where the connections-get app's eager bytes go, per source file: the app bundled as
 * bundle-apps.ts does (esbuild, minified, ESM split at dynamic imports, for the browser), but
 * with @x/runtime and @x/common taken from their TypeScript sources rather than their dist
 * builds, so that the metafile names each source file. For each file: its minified bytes in the
 * entry chunk (the metafile's `bytesInOutput`) and its gzip bytes, counted as what the chunk's
 * gzip size would lose without that file's code (its characters found through the source map).
 *
 *   pnpm --filter @x/bench exec tsx src/bundle-profile.ts [x-common.ts|x-common-funcs.ts] [repository root]
 *
 * The root defaults to this repository; another checkout of it (an older commit, with this
 * repository's node_modules linked in) gives the "before" figures.
 */
import { build, type Plugin } from "esbuild";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const app = process.argv[2] ?? "x-common.ts";
const root = resolve(process.argv[3] ?? fileURLToPath(new URL("../../..", import.meta.url)));

/** `@x/runtime`, `@x/runtime/core` (what the generated code imports), `@x/runtime/validation` and `@x/common` from their sources. */
const SOURCES: Record<string, string> = { "": "index.ts", "/core": "core-entry.ts", "/validation": "validation/index.ts" };
const fromSources: Plugin = {
  name: "sources",
  setup(b) {
    b.onResolve({ filter: /^@x\/(runtime|common)(\/core|\/validation)?$/ }, (args) => {
      const [, pkg, sub] = /^@x\/(\w+)(\/core|\/validation)?$/.exec(args.path)!;
      return { path: join(root, "packages", pkg!, "src", SOURCES[sub ?? ""]!) };
    });
  },
};

const outdir = join(root, ".profile-out");
const result = await build({
  entryPoints: [join(root, "examples/bench/src/apps", app)],
  bundle: true,
  minify: true,
  format: "esm",
  splitting: true,
  outdir, // nothing is written: it only places the source map's paths
  platform: "browser",
  target: "es2022",
  write: false,
  metafile: true,
  sourcemap: "external",
  logLevel: "silent",
  absWorkingDir: root,
  plugins: [fromSources],
});

const [entryPath, entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined)!;
if (entry.imports.some((i) => i.kind === "import-statement")) throw new Error("the entry imports a chunk statically: its bytes would be missed");
const output = result.outputFiles.find((f) => f.path.endsWith(entryPath.split("/").pop()!))!;
const code = output.text;
const map = JSON.parse(result.outputFiles.find((f) => f.path === `${output.path}.map`)!.text) as { sources: string[]; mappings: string };

/** The source (index into `map.sources`) of each character of `code`, -1 for none. */
function owners(): Int32Array {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const decode = (segment: string): number[] => {
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = B64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >> 1) : value >> 1);
        value = 0;
        shift = 0;
      }
    }
    return values;
  };
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split("\n");
  let source = 0;
  let offset = 0;
  map.mappings.split(";").forEach((line, index) => {
    let column = 0;
    const starts: [number, number][] = [];
    for (const segment of line ? line.split(",") : []) {
      const fields = decode(segment);
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      starts.push([column, fields.length > 1 ? source : -1]);
    }
    starts.forEach(([start, from], k) => owner.fill(from, offset + start, offset + (starts[k + 1]?.[0] ?? lines[index]!.length)));
    offset += lines[index]!.length + 1;
  });
  return owner;
}

const gzip = (text: string): number => gzipSync(text, { level: 9 }).byteLength;
const owner = owners();
const total = gzip(code);
const short = (path: string): string => path.replace(/.*node_modules\//, "").replace(/^(\.\.\/)*/, "").replace(/.*?packages\//, "");
const rows = Object.entries(entry.inputs)
  .filter(([, input]) => input.bytesInOutput > 0)
  .map(([path, input]) => {
    // A package's map may name its own sources (openapi-fetch's src/ for its dist/): any file of the package counts.
    const pkg = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+\/)/.exec(resolve(root, path))?.[1];
    const mine = new Set(map.sources.flatMap((source, i) => {
      const file = resolve(outdir, source);
      return file === resolve(root, path) || (pkg !== undefined && file.startsWith(pkg)) ? [i] : [];
    }));
    let rest = "";
    for (let i = 0; i < code.length; i++) if (!mine.has(owner[i]!)) rest += code[i];
    return { file: short(path), minified: input.bytesInOutput, gzip: mine.size === 0 ? Number.NaN : total - gzip(rest) };
  })
  .sort((a, b) => b.gzip - a.gzip);

console.log(`${app}: ${code.length} B minified, ${total} B gzip (entry chunk; sources, not dist builds)\n`);
console.log("| source file | minified | gzip (what leaving it out saves) |\n|---|---|---|");
for (const row of rows) console.log(`| ${row.file} | ${row.minified} | ${row.gzip} |`);
