/**
 * Who reads the parsed spec: the loader (packages/codegen/src/load), which builds the model from
 * it; the types emitter, which hands it to openapi-typescript; and spec:diff's one seam
 * (diff/as-written.ts), for the comparisons that judge two specs as written (its schema walk and
 * its safety net, diff/leftovers.ts). Everything else reads the model. A match of `.document`
 * elsewhere fails, so a new reader must be argued for here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { handWrittenSources, ROOT } from "./helpers.js";

const READERS = [/^packages\/codegen\/src\/load\//, /^packages\/codegen\/src\/emit\/types\.ts$/, /^packages\/release\/src\/diff\/as-written\.ts$/];
/** `model.document`, `this.#model.document`, `before.document`…, and a destructured `{ document }` of a model. */
const READS_DOCUMENT = /\.\s*document\b(?!\s*[:(])|\{[^}]*\bdocument\b[^}]*\}\s*=\s*(?:await\s+)?(?:model|loadSpec)\b/;

it("only the loader, the types emitter and spec:diff's one seam read the parsed document", () => {
  const sources = handWrittenSources().filter((f) => /^packages\/[^/]+\/(src|bin|scripts)\//.test(f));
  expect(sources.length).toBeGreaterThan(150);
  const readers = sources.filter((f) => READS_DOCUMENT.test(readFileSync(join(ROOT, f), "utf8")));
  expect(readers.filter((f) => !READERS.some((r) => r.test(f)))).toEqual([]);
  // The pattern finds what it is for (so the check above can fail).
  expect(readers).toContain("packages/codegen/src/emit/types.ts");
  expect(readers.some((f) => f.startsWith("packages/codegen/src/load/"))).toBe(true);
});
