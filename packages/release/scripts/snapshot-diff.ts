/**
 * `pnpm --filter @x/release snapshot:diff <out-file>`: spec:diff's verdicts on pairs of real
 * specs (ours against the vendor's full ones, both ways; oas-examples' 3.0 and 3.1 versions of
 * one document), one JSON file. With the codegen snapshot, the before/after check of a
 * refactor: `diff` the files of two runs.
 */
import { existsSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { diffSpecFiles } from "../src/diff/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const out = process.argv[2];
if (!out) {
  console.error("usage: snapshot-diff <out-file>");
  process.exit(2);
}
const require = createRequire(join(root, "packages/corpus/package.json"));
const examples = dirname(require.resolve("@readme/oas-examples/package.json"));
const reference = resolve(root, "../shared/reference-specs");
const pairs: [string, string][] = [
  [join(root, "openapi/common.yaml"), join(reference, "codat-common.yaml")],
  [join(root, "openapi/sync-commerce.yaml"), join(reference, "codat-sync-commerce-v1.yaml")],
  [join(reference, "codat-common.yaml"), join(reference, "codat-sync-commerce-v1.yaml")],
].flatMap(([a, b]) => [[a, b], [b, a]] as [string, string][]);
for (const f of readdirSync(join(examples, "3.0/json")).sort()) {
  const next = join(examples, "3.1/json", f);
  if (existsSync(next)) pairs.push([join(examples, "3.0/json", f), next]);
}
const results: Record<string, unknown> = {};
for (const [a, b] of pairs) {
  const key = `${a.slice(a.lastIndexOf("/", a.lastIndexOf("/") - 1))} -> ${b.slice(b.lastIndexOf("/", b.lastIndexOf("/") - 1))}`;
  try {
    results[key] = await diffSpecFiles({ file: a, path: a }, { file: b, path: b });
  } catch (error) {
    results[key] = { error: (error as Error).message };
  }
}
await writeFile(out, JSON.stringify(results, null, 1));
console.log(`snapshot-diff: ${pairs.length} pairs in ${out}`);
