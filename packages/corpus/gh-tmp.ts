import { mkdir, writeFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { generatePackage, typecheckFiles } from "@x/codegen";
const spec = join(import.meta.dirname, "node_modules/@octokit/openapi/generated/api.github.com.json");
const dir = "/work/main/packages/corpus/.work/gh";
await rm(dir, { recursive: true, force: true });
const t0 = Date.now();
const { files, warnings } = await generatePackage({ packageName: "@x/github", packageDir: dir, specFile: "api.github.com.json", specPath: spec, clientName: "GitHub", runtimeImport: "@x/runtime", outDir: join(dir, "generated") } as never);
console.log("generated", files.length, "files in", Date.now() - t0, "ms;", warnings.length, "warnings");
await mkdir(join(dir, "generated"), { recursive: true });
for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
const errors = typecheckFiles(files.map((f) => join(dir, "generated", f.path)), { root: dir });
console.log(errors.length, "type errors");
const kinds = new Map<string, number>();
for (const e of errors) { const k = e.replace(/^[^:]+:\d+: /, "").replace(/'[^']*'/g, "'X'").slice(0, 120); kinds.set(k, (kinds.get(k) ?? 0) + 1); }
for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(n, k);
for (const pat of ["Argument of type", "String literal", "reserved word", "has no exported", "Declaration or", "base type", "override", "Cannot find name", "Type alias name", "only refers", "Identifier expected"]) { const e = errors.find((x) => x.includes(pat)); if (e) console.log("\n##", e.slice(0, 700)); }
