/**
 * What the `tracer` option costs per call: @x/common without a tracer, with a recording one
 * (the OpenTelemetry SDK: every span kept and handed to an exporter), and with one whose
 * sampler keeps nothing (what production sampling does to most calls), beside bare
 * openapi-fetch, all asking the keep-alive fixture server (another process) for one
 * Connection, interleaved round by round. A W3C propagator and an AsyncLocalStorage context
 * manager are registered globally, as an instrumented app has them, so `traceparent` goes out
 * on every traced call. Its own process: the globals it registers would touch the other runs.
 *   BENCH_ROUNDS (default 2000)
 */
import { context, propagation } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResultCode, W3CTraceContextPropagator } from "@opentelemetry/core";
import { AlwaysOffSampler, BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { Common } from "@x/common";
import createClient from "openapi-fetch";
import { authHeader, companyId, connectionId } from "./fixture.ts";
import { startFixtureServer } from "./fixture-server.ts";
import { latency, table } from "./measure.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2_000);

/** Counts the spans it is handed and drops them: the SDK's work without an exporter's I/O. */
class CountingExporter implements SpanExporter {
  exported = 0;
  export(spans: ReadableSpan[], done: (result: { code: ExportResultCode }) => void): void {
    this.exported += spans.length;
    done({ code: ExportResultCode.SUCCESS });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
const exporter = new CountingExporter();
const recording = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("bench");
const sampledOut = new BasicTracerProvider({ sampler: new AlwaysOffSampler() }).getTracer("bench");

const server = await startFixtureServer();
try {
  const base = server.url;
  const bare = createClient<{ "/companies/{companyId}/connections/{connectionId}": { get: { parameters: { path: { companyId: string; connectionId: string } }; responses: { 200: { content: { "application/json": { id: string } } } } } } }>({ baseUrl: base, headers: { Authorization: authHeader } });
  const expectId = (value: { id?: string } | undefined) => {
    if (value?.id !== connectionId) throw new Error(`unexpected answer: ${JSON.stringify(value)}`);
  };
  const sdk = (tracer?: typeof recording) => new Common({ security: { authHeader }, serverURL: base, ...(tracer ? { tracer } : {}) });
  const [off, on, sampled] = [sdk(), sdk(recording), sdk(sampledOut)];
  const sides = [
    { name: "bare openapi-fetch", run: async () => expectId((await bare.GET("/companies/{companyId}/connections/{connectionId}", { params: { path: { companyId, connectionId } } })).data) },
    { name: "@x/common, no tracer", run: async () => expectId(await off.connections.get({ companyId, connectionId })) },
    { name: "@x/common + tracer (recording)", run: async () => expectId(await on.connections.get({ companyId, connectionId })) },
    { name: "@x/common + tracer (sampled out)", run: async () => expectId(await sampled.connections.get({ companyId, connectionId })) },
  ];
  const result = await latency(sides, ROUNDS, 200);
  // Two spans per recorded call (the call and its one attempt): the recording side really traced.
  const recorded = (ROUNDS + 200) * 2;
  if (exporter.exported !== recorded) throw new Error(`expected ${recorded} spans exported, got ${exporter.exported}`);
  const untraced = result.get("@x/common, no tracer")!.p50;
  console.log(
    table(
      `Tracing, per call (${ROUNDS} calls per side, interleaved in the same rounds, after 200 warm-up; ${exporter.exported} spans exported)`,
      ["p50 ms", "p99 ms", "p50 vs no tracer"],
      sides.map((s) => {
        const { p50, p99 } = result.get(s.name)!;
        return [s.name, p50, p99, `${(p50 / untraced).toFixed(2)}×`] as const;
      }),
      [0],
    ),
  );
} finally {
  await server.close();
}
