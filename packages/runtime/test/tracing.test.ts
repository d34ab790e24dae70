/**
 * The `tracer` option against the real OpenTelemetry SDK: spans recorded in memory, a W3C
 * propagator and an AsyncLocalStorage context manager registered globally, so `traceparent`
 * is the one the SDK derives from the attempt span, and calls run against a local server.
 */
import { context, propagation, SpanKind, SpanStatusCode, type TextMapPropagator } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SDKValidationError } from "../src/errors.js";
import type { TracerLike } from "../src/tracing/api.js";
import { caught, core, HELD_MS, ids, serve } from "./support/core.js";
import { ErrorMessage, getConnection } from "./support/fixtures.js";
import { refusedURL, scripted, send } from "./support/server.js";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer("runtime-test");
const noRetries = { strategy: "none" } as const;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  context.disable();
  propagation.disable();
});
afterEach(() => exporter.reset());

/** The call's span and its attempts' spans, in the order they ended. */
function spans(): { call: ReadableSpan; attempts: ReadableSpan[] } {
  const finished = exporter.getFinishedSpans();
  const calls = finished.filter((s) => s.name === "connections.get");
  expect(calls).toHaveLength(1);
  return { call: calls[0]!, attempts: finished.filter((s) => s !== calls[0]) };
}

function expectChildOf(child: ReadableSpan, parent: ReadableSpan): void {
  expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
  expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
}

describe("tracing a call", () => {
  it("a retried call (503, then 200): two CLIENT attempt spans under the INTERNAL call span, resend_count on the second, traceparent of each sent", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 200, body: { id: "x1" } }));
    await expect(core(server, { tracer }).invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    const { call, attempts } = spans();
    expect(call.kind).toBe(SpanKind.INTERNAL);
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(call.attributes).toEqual({});
    expect(attempts.map((s) => [s.name, s.kind])).toEqual([["GET", SpanKind.CLIENT], ["GET", SpanKind.CLIENT]]);
    const port = Number(new URL(server.url).port);
    const url = `${server.url}/companies/c1/connections/x1`;
    expect(attempts[0]!.attributes).toEqual({
      "http.request.method": "GET", "url.full": url, "server.address": "127.0.0.1", "server.port": port,
      "http.response.status_code": 503, "error.type": "503",
    });
    expect(attempts[0]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(attempts[1]!.attributes).toEqual({
      "http.request.method": "GET", "url.full": url, "server.address": "127.0.0.1", "server.port": port,
      "http.request.resend_count": 1, "http.response.status_code": 200,
    });
    expect(attempts[1]!.status.code).toBe(SpanStatusCode.UNSET);
    for (const attempt of attempts) expectChildOf(attempt, call);
    // Each request carries its own attempt's context, as the W3C propagator writes it.
    expect(server.received.map((r) => r.headers.traceparent)).toEqual(
      attempts.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`),
    );
  });

  it("a documented error (404): the call span ends with status ERROR and error.type 404", async () => {
    const server = await serve(scripted({ status: 404, body: { error: "no such connection" } }));
    await expect(core(server, { tracer }).invoke(getConnection, ids)).rejects.toBeInstanceOf(ErrorMessage);
    const { call, attempts } = spans();
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(call.attributes).toEqual({ "error.type": "404" });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.attributes).toMatchObject({ "http.response.status_code": 404, "error.type": "404" });
    expect(attempts[0]!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("a timeout: the attempt and the call end with error.type RequestTimeoutError, and no status code", async () => {
    const server = await serve(() => undefined);
    const error = await caught(core(server, { tracer, timeoutMs: 100, retryConfig: noRetries }).invoke(getConnection, ids));
    expect((error as Error).name).toBe("RequestTimeoutError");
    const { call, attempts } = spans();
    expect(call.attributes).toEqual({ "error.type": "RequestTimeoutError" });
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.attributes["error.type"]).toBe("RequestTimeoutError");
    expect(attempts[0]!.attributes).not.toHaveProperty("http.response.status_code");
    expect(attempts[0]!.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("an abort by the caller: error.type RequestAbortedError on the attempt and the call", async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort());
    const error = await caught(core(server, { tracer, timeoutMs: HELD_MS }).invoke(getConnection, ids, { signal: controller.signal }));
    expect((error as Error).name).toBe("RequestAbortedError");
    const { call, attempts } = spans();
    expect(call.attributes).toEqual({ "error.type": "RequestAbortedError" });
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(attempts.map((s) => s.attributes["error.type"])).toEqual(["RequestAbortedError"]);
  });

  it("a refused connection: error.type ConnectionError", async () => {
    const url = await refusedURL();
    await expect(core({ url }, { tracer, retryConfig: noRetries }).invoke(getConnection, ids)).rejects.toMatchObject({ name: "ConnectionError" });
    const { call, attempts } = spans();
    expect(call.attributes).toEqual({ "error.type": "ConnectionError" });
    expect(attempts.map((s) => [s.attributes["error.type"], s.attributes["server.port"]])).toEqual([["ConnectionError", Number(new URL(url).port)]]);
  });

  it("a request the runtime refuses before sending: the call span alone, error.type SDKValidationError", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    await expect(core(server, { tracer }).invoke(getConnection, { companyId: "c1" })).rejects.toBeInstanceOf(SDKValidationError);
    const { call, attempts } = spans();
    expect(call.attributes).toEqual({ "error.type": "SDKValidationError" });
    expect(attempts).toEqual([]);
    expect(server.received).toHaveLength(0);
  });

  it("puts no credential in any span: apiKey in the query and in a header, url.full redacted", async () => {
    const secrets = { apiKey: "query-key-5f1e9a7c3b", authHeader: "Bearer header-token-8d2c4e6a0b" };
    const server = await serve(scripted({ status: 503 }, { status: 401, body: { error: "no" } }));
    await caught(core(server, { tracer, security: secrets }).invoke(getConnection, ids));
    // The credentials went out, so their absence below is redaction, not an unsent value.
    expect(server.received[0]!.url).toContain("query-key-5f1e9a7c3b");
    expect(server.received[0]!.headers.authorization).toBe(secrets.authHeader);
    const recorded = JSON.stringify(exporter.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links })));
    expect(recorded).not.toMatch(/query-key|header-token|5f1e9a7c3b|8d2c4e6a0b/);
    const { attempts } = spans();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.attributes["url.full"]).toBe(`${server.url}/companies/c1/connections/x1?api_key=%5BREDACTED%5D`);
  });

  it("parents the call span on the span active where the call was made", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const sdk = core(server, { tracer });
    await tracer.startActiveSpan("outer", async (outer) => {
      await sdk.invoke(getConnection, ids);
      outer.end();
    });
    const outer = exporter.getFinishedSpans().find((s) => s.name === "outer")!;
    const call = exporter.getFinishedSpans().find((s) => s.name === "connections.get")!;
    expectChildOf(call, outer);
  });
});

describe("tracing never fails a call", () => {
  it("a tracer whose startSpan throws: the call succeeds untraced", async () => {
    const server = await serve(scripted({ status: 200, body: { id: "x1" } }));
    const throwing: TracerLike = { startSpan: () => { throw new Error("tracer broken"); } };
    await expect(core(server, { tracer: throwing }).invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    expect(server.received[0]!.headers).not.toHaveProperty("traceparent");
  });

  it("spans whose every method throws: the call succeeds, and fails with its own error", async () => {
    const broken = () => { throw new Error("span broken"); };
    const started: string[] = [];
    const throwing: TracerLike = { startSpan: (name) => (started.push(name), { setAttribute: broken, setStatus: broken, end: broken }) };
    const ok = await serve(scripted({ status: 503 }, { status: 200, body: { id: "x1" } }));
    await expect(core(ok, { tracer: throwing }).invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
    const missing = await serve(scripted({ status: 404, body: { error: "gone" } }));
    await expect(core(missing, { tracer: throwing }).invoke(getConnection, ids)).rejects.toBeInstanceOf(ErrorMessage);
    expect(started).toEqual(["connections.get", "GET", "GET", "connections.get", "GET"]);
  });

  it("a propagator that throws: the call succeeds and its spans are still recorded", async () => {
    const throwing: TextMapPropagator = { inject: () => { throw new Error("propagator broken"); }, extract: (ctx) => ctx, fields: () => [] };
    propagation.disable();
    propagation.setGlobalPropagator(throwing);
    try {
      const server = await serve(scripted({ status: 200, body: { id: "x1" } }));
      await expect(core(server, { tracer }).invoke(getConnection, ids)).resolves.toEqual({ id: "x1" });
      expect(spans().attempts.map((s) => s.attributes["http.response.status_code"])).toEqual([200]);
    } finally {
      propagation.disable();
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    }
  });

  it("a tracer that is not one is refused when the client is built", () => {
    expect(() => core({ url: "http://127.0.0.1:9" }, { tracer: {} as TracerLike })).toThrow(SDKValidationError);
  });
});

describe("without a context manager or propagator", () => {
  it("still parents the attempts on the call span, and sends no traceparent", async () => {
    context.disable();
    propagation.disable();
    try {
      const server = await serve((_req, res) => send(res, { status: 200, body: {} }));
      await core(server, { tracer }).invoke(getConnection, ids);
      const { call, attempts } = spans();
      expect(attempts).toHaveLength(1);
      expectChildOf(attempts[0]!, call);
      expect(call.parentSpanContext).toBeUndefined();
      expect(server.received[0]!.headers).not.toHaveProperty("traceparent");
    } finally {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    }
  });
});


