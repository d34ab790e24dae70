/**
 * A loop of one side's calls against the fast server, to profile the request path:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/overhead-profile.ts [a|b|c|d, or several alternating: a,c] [calls]
 * (default side a, the default @x/common client; 20,000 rounds after 1,000 warm-up).
 */
import { overheadSides, startFastServer } from "./overhead-sides.ts";

const which = (process.argv[2] ?? "a").split(",") as ("a" | "b" | "c" | "d")[];
const calls = Number(process.argv[3] ?? 20_000);
const server = await startFastServer();
try {
  const all = overheadSides(server.url);
  const sides = which.map((key) => all[key]);
  for (let i = 0; i < 1_000; i++) for (const side of sides) await side.run();
  const started = performance.now();
  for (let i = 0; i < calls; i++) for (const side of sides) await side.run();
  console.log(`${sides.map((s) => s.name).join(", ")}: ${(((performance.now() - started) / calls / sides.length) * 1000).toFixed(1)} µs per call (mean of ${calls} rounds)`);
} finally {
  await server.stop();
}
