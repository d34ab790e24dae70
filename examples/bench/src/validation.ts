/**
 * What response validation costs: @x/common with `validateResponses` off and strict, beside the
 * vendor's SDK (@codat/platform, which always validates with zod), each asking the keep-alive
 * fixture server (another process) for one Connection, interleaved round by round; then the
 * bytes of the lazy validation chunk an app loads the first time it validates.
 *   BENCH_ROUNDS (default 2000)
 */
import { CodatPlatform } from "@codat/platform";
import { Common } from "@x/common";
import { bundleApp } from "./bundle-apps.ts";
import { authHeader, companyId, connectionId } from "./fixture.ts";
import { startFixtureServer } from "./fixture-server.ts";
import { latency, table } from "./measure.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);

const expectId = (value: unknown): void => {
  if ((value as { id?: unknown } | undefined)?.id !== connectionId) throw new Error(`unexpected answer: ${JSON.stringify(value)}`);
};

const server = await startFixtureServer();
try {
  const base = server.url;
  const off = new Common({ security: { authHeader }, serverURL: base });
  const strict = new Common({ security: { authHeader }, serverURL: base, validateResponses: "strict" });
  const codat = new CodatPlatform({ authHeader, serverURL: base });
  const sides = [
    { name: "@x/common, validateResponses off", run: async () => expectId(await off.connections.get({ companyId, connectionId })) },
    { name: "@x/common, validateResponses strict", run: async () => expectId(await strict.connections.get({ companyId, connectionId })) },
    { name: "@codat/platform (class, zod, always)", run: async () => expectId(await codat.connections.get({ companyId, connectionId })) },
  ];
  const results = await latency(sides, ROUNDS, 200);
  console.log(
    table(
      `Validation per call (${ROUNDS} sequential calls per side, interleaved in the same rounds, after 200 warm-up; ms)`,
      ["p50 ms", "p99 ms"],
      sides.map((s) => [s.name, results.get(s.name)!.p50, results.get(s.name)!.p99] as const),
      [0, 1],
    ),
  );
} finally {
  await server.close();
}

const app = await bundleApp("x-common.ts", "browser");
console.log(
  table(
    "The connections-get app on @x/common (browser, esbuild with code splitting; bytes)",
    ["gzip", "minified"],
    [["eager (entry and its static imports)", app.gzipBytes, app.bytes], ...app.lazy.map((c) => [`lazy: ${c.path} (the validators and the SDK's shapes)`, c.gzipBytes, c.bytes] as const)],
  ),
);
