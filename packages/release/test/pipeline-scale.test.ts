import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editOneLine, unexpectedRuns } from "../src/pipeline/scale.ts";
import type { TaskOutcome } from "../src/pipeline/remote-cache.ts";

const task = (taskId: string, status: string): TaskOutcome => ({ taskId, status, ms: 1 });

describe("unexpectedRuns", () => {
  it("names tasks that ran outside the allowed packages; replays and allowed packages pass", () => {
    const tasks = [task("@x/a#build", "MISS"), task("@x/a#test", "MISS"), task("@x/b#build", "HIT"), task("@x/c#generate", "MISS")];
    expect(unexpectedRuns(tasks, new Set(["@x/a"]))).toEqual(["@x/c#generate"]);
    expect(unexpectedRuns(tasks, new Set())).toEqual(["@x/a#build", "@x/a#test", "@x/c#generate"]);
  });
});

describe("editOneLine", () => {
  const dir = mkdtempSync(join(tmpdir(), "scale-edit-"));
  it("changes exactly one line of a YAML spec", () => {
    const file = join(dir, "a.yaml");
    writeFileSync(file, "openapi: 3.0.3\ninfo:\n  title: A\n  description: Things\npaths: {}\n");
    editOneLine(file);
    expect(readFileSync(file, "utf8")).toBe("openapi: 3.0.3\ninfo:\n  title: A\n  description: Things (edited by pipeline:scale)\npaths: {}\n");
  });
  it("keeps a JSON spec valid JSON", () => {
    const file = join(dir, "b.json");
    writeFileSync(file, JSON.stringify({ openapi: "3.1.0", info: { title: "B", summary: "Stuff" }, paths: {} }, null, 2));
    editOneLine(file);
    expect(JSON.parse(readFileSync(file, "utf8")).info.summary).toBe("Stuff (edited by pipeline:scale)");
  });
  it("refuses a spec with nothing to edit", () => {
    const file = join(dir, "c.yaml");
    writeFileSync(file, "openapi: 3.0.3\ninfo:\n  title: C\npaths: {}\n");
    expect(() => editOneLine(file)).toThrow(/no summary or description/);
  });
});
