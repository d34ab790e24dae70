/**
 * Cold start: import the package and construct a client, in a fresh Node process, beyond
 * what Node's own start takes (a process that imports nothing). Sides interleave, round by
 * round; each figure is the median of BENCH_COLD_ROUNDS (default 15) processes.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, table } from "./measure.ts";

const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 15);
const here = fileURLToPath(new URL("..", import.meta.url));

const SIDES = [
  { name: "bare openapi-fetch", code: `import createClient from "openapi-fetch"; createClient({ baseUrl: "https://api.codat.io" });` },
  { name: "@x/common", code: `import { Common } from "@x/common"; new Common({ security: { authHeader: "Basic YmVuY2g=" } });` },
  { name: "@codat/platform (class)", code: `import { CodatPlatform } from "@codat/platform"; new CodatPlatform({ authHeader: "Basic YmVuY2g=" });` },
  { name: "@codat/platform (standalone function)", code: `import { CodatPlatformCore } from "@codat/platform/core.js"; import { connectionsGet } from "@codat/platform/funcs/connectionsGet.js"; new CodatPlatformCore({ authHeader: "Basic YmVuY2g=" }); void connectionsGet;` },
];

/** Milliseconds from process start until the side's code has run, as the process itself measures it. */
function once(code: string): number {
  const script = `${code}\nprocess.stdout.write(String(performance.now()));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: here, encoding: "utf8" }));
}

const samples = new Map<string, number[]>([["node alone", []], ...SIDES.map((s) => [s.name, []] as [string, number[]])]);
for (let r = 0; r < ROUNDS; r++) {
  samples.get("node alone")!.push(once(""));
  for (const side of r % 2 === 0 ? SIDES : [...SIDES].reverse()) samples.get(side.name)!.push(once(side.code));
}
const nodeAlone = median(samples.get("node alone")!);
console.log(
  table(
    `Import + construct in a fresh process, beyond Node's own start (${nodeAlone.toFixed(1)} ms here; median of ${ROUNDS} processes per side, interleaved)`,
    ["ms"],
    SIDES.map((s) => [s.name, median(samples.get(s.name)!) - nodeAlone] as const),
    [0],
  ),
);
