// The bins run the TypeScript sources: each entry is bundled once with esbuild (the
// compiler tsx uses) into node_modules/.cache/x-codegen/, named by a hash of every source
// file, so an edited source is rebuilt on the next run and never served stale. Running the
// bundle rather than `tsx` saves its module hooks thread: about a third of a small
// generation's time and 70 MiB of its memory. Should bundling fail, the sources are
// loaded through tsx as before. A source reading a file beside it (the README's Markdown
// fragments) reads it from src/ as under tsx: see sourceRelativeURLs.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, relative } from "node:path";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = join(PACKAGE, "src");
const CACHE = join(PACKAGE, "node_modules", ".cache", "x-codegen");

/** Imports `entry` (a path under src/, e.g. "cli.ts") and returns its module. */
export async function importSource(entry) {
  try {
    return await import(pathToFileURL(await bundled(entry)).href);
  } catch (error) {
    if (process.env.X_CODEGEN_DEBUG) console.error(`x-codegen: running through tsx (${error.message})`);
    const { register } = await import("tsx/esm/api");
    register();
    return import(pathToFileURL(join(SOURCES, entry)).href);
  }
}

/** The path of `entry`'s bundle, built if no bundle of the current sources exists yet. */
export async function bundled(entry, { sources = SOURCES, cache = CACHE, manifest = join(PACKAGE, "package.json") } = {}) {
  const hash = createHash("sha256").update(entry);
  for (const file of await sourceFiles(sources)) hash.update(relative(sources, file)).update("\0").update(await readFile(file)).update("\0");
  hash.update(await readFile(manifest));
  // And of how it is bundled: a change here rebuilds too.
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  const out = join(cache, `${entry.replace(/\W/g, "-")}-${hash.digest("hex").slice(0, 16)}.mjs`);
  if (existsSync(out)) return out;
  const { build } = await import("esbuild");
  await mkdir(cache, { recursive: true });
  // Written aside and renamed, so concurrent runs (turbo) never import a half-written file.
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await build({
      entryPoints: [join(sources, entry)],
      outfile: temp,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: "inline",
      logLevel: "silent",
      plugins: [sourceRelativeURLs],
    });
    await rename(temp, out);
  } finally {
    await rm(temp, { force: true });
  }
  return out;
}

/**
 * In a bundle, `import.meta.url` is the bundle's URL, in node_modules/.cache. So that a source
 * finds the files beside it as it does under tsx, `new URL(<path>, import.meta.url)` in a
 * source becomes `new URL(<path>, "<that source's file URL>")`; nothing else is changed (a
 * template printing such code for a generated file should spell it otherwise). The files
 * are read from src/ when the bundle runs, so editing one needs no rebuild.
 */
const sourceRelativeURLs = {
  name: "source-relative-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      const contents = source.replace(/(\bnew URL\([^()]*?,\s*)import\.meta\.url(\s*\))/g, (_, head, tail) => `${head}${JSON.stringify(pathToFileURL(path).href)}${tail}`);
      return contents === source ? undefined : { contents, loader: "ts" };
    });
  },
};

async function sourceFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith(".ts")) files.push(path);
  }
  return files.sort();
}
