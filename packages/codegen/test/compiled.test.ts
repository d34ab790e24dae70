/** bin/compiled.js: the bins run a bundle of the sources, rebuilt whenever a source changes. */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript, without declarations
import { bundled, importSource } from "../bin/compiled.js";
import { tempDir } from "./helpers.js";

describe("bin/compiled.js", () => {
  it("bundles an entry once, reuses it, and bundles again when any source changes", async () => {
    const dir = await tempDir();
    const sources = join(dir, "src");
    const cache = join(dir, "cache");
    const manifest = join(dir, "package.json");
    await writeFile(manifest, "{}");
    await mkdir(join(sources, "lib"), { recursive: true });
    await writeFile(join(sources, "entry.ts"), 'import { word } from "./lib/word.js";\nexport const greeting: string = `hello ${word}`;\n');
    await writeFile(join(sources, "lib/word.ts"), 'export const word: string = "one";\n');
    const options = { sources, cache, manifest };

    const first: string = await bundled("entry.ts", options);
    expect((await import(pathToFileURL(first).href)).greeting).toBe("hello one");
    expect(await bundled("entry.ts", options)).toBe(first);

    await writeFile(join(sources, "lib/word.ts"), 'export const word: string = "two";\n');
    const second: string = await bundled("entry.ts", options);
    expect(second).not.toBe(first);
    expect((await import(pathToFileURL(second).href)).greeting).toBe("hello two");
    expect((await readdir(cache)).sort()).toEqual([first, second].map((p) => p.slice(cache.length + 1)).sort());
  });

  it("lets a source read a file beside it through new URL(path, import.meta.url), as under tsx", async () => {
    const dir = await tempDir();
    const sources = join(dir, "src");
    await mkdir(join(sources, "lib"), { recursive: true });
    await writeFile(join(dir, "package.json"), "{}");
    await writeFile(join(sources, "lib/text.md"), "beside\n");
    await writeFile(join(sources, "lib/read.ts"), 'import { readFileSync } from "node:fs";\nexport const text: string = readFileSync(new URL("./text.md", import.meta.url), "utf8");\n');
    await writeFile(join(sources, "entry.ts"), 'import { text } from "./lib/read.js";\nexport const value: string = text;\n');

    const bundle: string = await bundled("entry.ts", { sources, cache: join(dir, "cache"), manifest: join(dir, "package.json") });
    expect((await import(pathToFileURL(bundle).href)).value).toBe("beside\n");
  });

  it("gives the bins the CLI of the current sources", async () => {
    const cli = await importSource("cli.ts");
    expect(typeof cli.main).toBe("function");
    expect(await readFile(await bundled("cli.ts"), "utf8")).toContain("generated files are stale");
  });
});
