/**
 * The request path, side by side in one run (the `tracer` option's cost is tracing.ts, its own process): bare openapi-fetch (every ratio is against
 * it), raw fetch, @x/common and the vendor's own SDK (@codat/platform, its class and its
 * standalone function), each asking a keep-alive fixture server (another process) for one
 * Connection: sequential p50/p99 of the success and the error path (the documented 404),
 * then throughput at concurrency 1 and 64.
 *   BENCH_ROUNDS (default 2000), BENCH_WINDOW_MS (default 1000), BENCH_WINDOWS (default 5)
 */
import { startFixtureServer } from "./fixture-server.ts";
import { latency, table, throughput } from "./measure.ts";
import { makePeers } from "./peers.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 1_000);
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 5);

const server = await startFixtureServer();
try {
  const peers = makePeers(server.url);
  const ok = peers.map((p) => ({ name: p.name, run: () => p.ok() }));
  const notFound = peers.map((p) => ({ name: `${p.name} (404)`, run: () => p.notFound() }));

  // Both paths of every side in the same rounds, so "404 / success" compares calls made under
  // the same conditions rather than two phases of the run.
  const both = await latency([...ok, ...notFound], ROUNDS, 200);
  const success = new Map(peers.map((p) => [p.name, both.get(p.name)!]));
  const failure = new Map(peers.map((p) => [p.name, both.get(`${p.name} (404)`)!]));
  console.log(
    table(
      `Latency, sequential (${ROUNDS} calls per side and path, every side and path interleaved in the same rounds, after 200 warm-up)`,
      ["success p50 ms", "success p99 ms", "404 p50 ms", "404 p99 ms", "404 p50 / success p50"],
      peers.map((p) => {
        const [s, f] = [success.get(p.name)!, failure.get(p.name)!];
        return [p.name, s.p50, s.p99, f.p50, f.p99, `${(f.p50 / s.p50).toFixed(2)}×`] as const;
      }),
      [0, 2],
    ),
  );

  for (const concurrency of [1, 64]) {
    const rates = await throughput(ok, concurrency, WINDOW_MS, WINDOWS);
    console.log(
      table(
        `Throughput at concurrency ${concurrency} (calls/s; median of ${WINDOWS} windows of ${WINDOW_MS} ms per side, interleaved)`,
        ["calls/s"],
        peers.map((p) => [p.name, rates.get(p.name)!] as const),
        [0],
      ),
    );
  }
} finally {
  await server.close();
}
