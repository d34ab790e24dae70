/**
 * What the `tracer` option costs per call: @x/common without a tracer, with a tracer that
 * records nothing (the api's no-op, no SDK registered), and with the real SDK recording every
 * span (BasicTracerProvider, a SimpleSpanProcessor into an exporter that drops them, the W3C
 * propagator and an AsyncLocalStorage context manager registered), beside bare openapi-fetch;
 * all interleaved in the same rounds against the keep-alive fixture server.
 *   BENCH_ROUNDS (default 2000)
 */
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResultCode, W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { Common } from "@x/common";
import { startFixtureServer } from "./fixture-server.ts";
import { authHeader, companyId, connectionId } from "./fixture.ts";
import { latency, table } from "./measure.ts";
import { makePeers } from "./peers.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);

let exported = 0;
const dropping: SpanExporter = { export: (spans, done) => ((exported += spans.length), done({ code: ExportResultCode.SUCCESS })), shutdown: async () => undefined };
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(dropping)] });
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

const server = await startFixtureServer();
try {
  const bare = makePeers(server.url)[0]!;
  const client = (options: ConstructorParameters<typeof Common>[0]) => new Common({ security: { authHeader }, serverURL: server.url, ...options });
  const get = (sdk: Common) => async () => {
    const connection = await sdk.connections.get({ companyId, connectionId });
    if (connection.id !== connectionId) throw new Error("unexpected answer");
  };
  const sides = [
    { name: "bare openapi-fetch", run: () => bare.ok() },
    { name: "@x/common, no tracer", run: get(client({})) },
    { name: "@x/common, tracer recording nothing (api no-op)", run: get(client({ tracer: trace.getTracer("bench") })) },
    { name: "@x/common, tracer of the SDK (2 spans a call)", run: get(client({ tracer: provider.getTracer("bench") })) },
  ];
  const results = await latency(sides, ROUNDS, 200);
  if (exported === 0) throw new Error("the SDK's tracer exported no span");
  const off = results.get(sides[1]!.name)!.p50;
  console.log(
    table(
      `Tracing, per call (${ROUNDS} sequential calls per side, interleaved in the same rounds, after 200 warm-up)`,
      ["p50 ms", "p99 ms", "p50 vs no tracer"],
      sides.map((s) => {
        const r = results.get(s.name)!;
        return [s.name, r.p50, r.p99, `${(r.p50 / off).toFixed(2)}×`] as const;
      }),
      [0],
    ),
  );
} finally {
  await server.close();
  await provider.shutdown();
}
