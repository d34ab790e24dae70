/**
 * Client overhead against a fast server: what the SDK's request path costs per call, which
 * the fixture server of client.ts (slower answers, a bigger body) hides. A keep-alive server
 * in a process of its own answers in microseconds; one call in flight at a time.
 *   blocks: OVERHEAD_ROUNDS (default 30) rounds of OVERHEAD_BLOCK (default 300) calls per
 *   side, the sides' order rotating, after 3 warm-up rounds: p50 per side, ratios A/B, A/C, B/C
 *   (and the median and range of the same ratio taken round by round);
 *   interleaved: OVERHEAD_CALLS (default 6000) calls of A and C alternating, after 500 warm-up.
 * Figures only; the targets (A/B ≤ 1.05, A/C ≤ 1.25 in blocks, ≤ 1.10 interleaved) are read, not asserted.
 */
import { blocks, interleaved, overheadSides, p50, roundRatios, startFastServer } from "./overhead-sides.ts";

const ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? 30);
const BLOCK = Number(process.env.OVERHEAD_BLOCK ?? 300);
const CALLS = Number(process.env.OVERHEAD_CALLS ?? 6_000);

const fmt = (ms: number) => `${(ms * 1000).toFixed(1)}`;
const ratio = (x: number) => `${x.toFixed(3)}×`;
const spread = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return `${ratio(p50(sorted))} (${ratio(sorted[0]!)}–${ratio(sorted.at(-1)!)})`;
};

const server = await startFastServer();
try {
  const { a, b, c, d } = overheadSides(server.url);
  const sides = [a, b, c, d];
  const figures = await blocks(sides, ROUNDS, BLOCK, 3);
  const mid = new Map([...figures.samples].map(([name, values]) => [name, p50(values)]));
  console.log(`### Client overhead against a fast server: blocks (${ROUNDS} rounds of ${BLOCK} sequential calls per side, order rotating, after 3 warm-up rounds)\n`);
  console.log("| side | p50 µs | vs C |\n|---|---|---|");
  for (const side of sides) console.log(`| ${side.name} | ${fmt(mid.get(side.name)!)} | ${ratio(mid.get(side.name)! / mid.get(c.name)!)} |`);
  console.log("\n| ratio | of all calls' p50 | per round: median (min–max) |\n|---|---|---|");
  for (const [x, y] of [[a, b], [a, c], [b, c]] as const) {
    console.log(`| ${x.name.slice(0, 1)}/${y.name.slice(0, 1)} | ${ratio(mid.get(x.name)! / mid.get(y.name)!)} | ${spread(roundRatios(figures, x.name, y.name, BLOCK))} |`);
  }
  const calls = await interleaved([a, c], CALLS, 500);
  const [pa, pc] = [p50(calls.get(a.name)!), p50(calls.get(c.name)!)];
  console.log(`\n### Client overhead against a fast server: interleaved (${CALLS} calls per side, A and C alternating, after 500 warm-up)\n`);
  console.log(`| side | p50 µs |\n|---|---|\n| ${a.name} | ${fmt(pa)} |\n| ${c.name} | ${fmt(pc)} |\n\nA/C: ${ratio(pa / pc)}\n`);
} finally {
  await server.stop();
}
