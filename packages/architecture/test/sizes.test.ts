/** No hand-written source file over 400 lines: past that, a file holds more than one thing. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { handWrittenSources, ROOT } from "./helpers.js";

const LIMIT = 400;

it(`no hand-written source file is over ${LIMIT} lines`, () => {
  const files = handWrittenSources();
  expect(files.length).toBeGreaterThan(200);
  const long = files
    .map((f) => ({ f, lines: readFileSync(join(ROOT, f), "utf8").split("\n").length - 1 }))
    .filter(({ lines }) => lines > LIMIT)
    .map(({ f, lines }) => `${f}: ${lines} lines`);
  expect(long).toEqual([]);
});
