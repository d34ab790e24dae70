/**
 * Our whole generator (load + structure check + openapi-typescript + every emitter)
 * against plain openapi-typescript (Node API, `openapiTS` + `astToString`) on the same spec.
 */
import { generateFiles, readTarget } from "@x/codegen";
import openapiTS, { astToString } from "openapi-typescript";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { compare, report } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const CASES = [
  { name: "openapi/common.yaml", path: resolve(ROOT, "openapi/common.yaml"), rounds: 30 },
  { name: "reference codat-sync-commerce-v1.yaml (59 operations)", path: resolve(ROOT, "../shared/reference-specs/codat-sync-commerce-v1.yaml"), rounds: 10 },
];

const common = await readTarget(resolve(ROOT, "packages/common"));
for (const c of CASES) {
  const target = { ...common, specPath: c.path, specFile: c.name };
  const figures = await compare(
    [
      { name: "openapi-typescript", run: async () => astToString(await openapiTS(pathToFileURL(c.path), { silent: true })) },
      { name: "x-codegen (in memory)", run: () => generateFiles(target) },
    ],
    c.rounds,
    2,
  );
  console.log(report(`Generate ${c.name} (${c.rounds} rounds, interleaved)`, figures));
}
