/**
 * `pnpm --filter @x/codegen snapshot <out-dir>`: writes what the generator makes of every spec
 * the suite and the corpora use (openapi/, the test fixtures and the multi-file one's root, ../shared/reference-specs,
 * @readme/oas-examples 3.0/3.1/2.0, GitHub's REST spec), one folder per spec: the generated
 * files, the README, the sample calls, the renderPackage input, the model's public view.
 * Run it before and after a refactor, then `diff -r before after`: any difference is a
 * change in output to name and justify. A spec that does not load writes its error instead.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CodegenError, exampleBody, generatePackage, loadSpec, sampleCalls } from "../src/index.js";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const root = resolve(here, "../..");
const out = process.argv[2];
if (!out) {
  console.error("usage: snapshot <out-dir>");
  process.exit(2);
}
const require = createRequire(join(root, "packages/corpus/package.json"));
const folder = (dir: string) => existsSync(dir) ? readdirSync(dir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort().map((f) => join(dir, f)) : [];
const examples = dirname(require.resolve("@readme/oas-examples/package.json"));
const specs = [
  ...folder(join(root, "openapi")).map((p) => ["ours", p]),
  ...folder(join(here, "test/fixtures")).map((p) => ["fixtures", p]),
  // A spec written as many files: its root.
  ["fixtures", join(here, "test/fixtures/multi-file/fleet.yaml")],
  ...folder(resolve(root, "../shared/reference-specs")).map((p) => ["reference", p]),
  ...["3.0", "3.1", "2.0"].flatMap((v) => folder(join(examples, v, "json")).map((p) => [`oas-${v}`, p])),
  ["github", join(dirname(require.resolve("@octokit/openapi/package.json")), "generated/api.github.com.json")],
] as const;

await rm(out, { recursive: true, force: true });
for (const [group, spec] of specs) {
  const dir = join(out, group, basename(spec, extname(spec)));
  await mkdir(dir, { recursive: true });
  const clientName = "Snapshot";
  try {
    const { files, packageFiles, warnings } = await generatePackage({
      packageName: "@x/snapshot", packageVersion: "1.2.3", packageDir: dir, specFile: `openapi/${basename(spec)}`, specPath: spec,
      clientName, runtimeImport: "@x/runtime", outDir: join(dir, "generated"), packageDescription: "Snapshot of a spec.",
      readme: { path: "README.md", specLink: `../openapi/${basename(spec)}` },
    });
    await mkdir(join(dir, "generated"), { recursive: true });
    for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
    for (const f of packageFiles) await writeFile(join(dir, f.path), f.contents);
    await writeFile(join(dir, "warnings.txt"), warnings.join("\n"));
    const model = await loadSpec(spec, spec, { clientName });
    const calls = ["get", "put", "post", "delete", "patch", "head", "options", "trace"].map((m) => sampleCalls(model, m));
    const bodies = model.resources.flatMap((r) => r.operations.map((op) => [op.operationId, exampleBody(op)]));
    await writeFile(join(dir, "samples.json"), JSON.stringify({ calls, bodies }, null, 1));
  } catch (error) {
    await writeFile(join(dir, "error.txt"), error instanceof CodegenError ? error.message : String((error as Error).stack));
  }
}
console.log(`snapshot: ${specs.length} specs in ${out}`);
