/** Writing generated output: all or nothing, by a swap of folders. */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles } from "../src/generate.js";
import { tempDir } from "./helpers.js";

async function outputWith(files: Record<string, string>): Promise<string> {
  const out = join(await tempDir(), "generated");
  await mkdir(out);
  for (const [name, contents] of Object.entries(files)) await writeFile(join(out, name), contents);
  return out;
}

describe("writeFiles", () => {
  it("replaces the folder with exactly the new files, reporting each change", async () => {
    const out = await outputWith({ "a.ts": "old a", "b.ts": "same", "gone.ts": "stale" });
    const drift = await writeFiles(out, [{ path: "a.ts", contents: "new a" }, { path: "b.ts", contents: "same" }, { path: "c.ts", contents: "c" }]);
    expect(drift).toEqual([
      { path: "a.ts", reason: "changed" },
      { path: "c.ts", reason: "missing" },
      { path: "gone.ts", reason: "not generated" },
    ]);
    expect((await readdir(out)).sort()).toEqual(["a.ts", "b.ts", "c.ts"]);
    expect(await readFile(join(out, "a.ts"), "utf8")).toBe("new a");
    // No staging or backup folder is left beside it.
    expect(await readdir(join(out, ".."))).toEqual(["generated"]);
  });

  it("leaves every existing file untouched when writing fails part way", async () => {
    const before = { "a.ts": "old a", "b.ts": "old b" };
    const out = await outputWith(before);
    // The second file cannot be written (its folder does not exist in the staging area).
    const failing = writeFiles(out, [{ path: "a.ts", contents: "new a" }, { path: "missing-dir/b.ts", contents: "new b" }]);
    await expect(failing).rejects.toThrow(/ENOENT/);
    expect((await readdir(out)).sort()).toEqual(["a.ts", "b.ts"]);
    expect(await readFile(join(out, "a.ts"), "utf8")).toBe("old a");
    expect(await readdir(join(out, ".."))).toEqual(["generated"]);
  });

  it("writes nothing at all when nothing changed", async () => {
    const out = await outputWith({ "a.ts": "same" });
    expect(await writeFiles(out, [{ path: "a.ts", contents: "same" }])).toEqual([]);
  });
});
