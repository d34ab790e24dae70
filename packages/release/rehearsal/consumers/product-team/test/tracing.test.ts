// Tracing in a product team's suite: the client's `tracer` option with the OpenTelemetry SDK's
// in-memory exporter; a span per SDK call and a child span per HTTP attempt, by the HTTP
// client semantic conventions, and never a credential.
import { ErrorMessage } from "@x/common";
import { handlers } from "@x/common/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { connectionSummary, createClient } from "../src/connections.js";
import { apiKey, authHeader, BASE, companyId, connectionId, connectionPath } from "./support.js";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const client = createClient({ apiKey, serverURL: BASE, client: { tracer: provider.getTracer("product-team") } });
const server = setupServer(...handlers({ baseUrl: BASE, seed: 3 }));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  exporter.reset();
});
afterAll(async () => {
  server.close();
  await provider.shutdown();
});

function parentId(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

function noCredential(spans: readonly ReadableSpan[]): void {
  const all = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
  expect(all).not.toContain(authHeader);
  expect(all).not.toContain(apiKey);
}

it("connections.get: a span named by the method path, its GET child with the HTTP attributes", async () => {
  await connectionSummary(client, companyId, connectionId);
  const spans = exporter.getFinishedSpans();
  const call = spans.find((s) => s.name === "connections.get");
  const attempt = spans.find((s) => s.name === "GET");
  expect(call).toBeDefined();
  expect(attempt).toBeDefined();
  expect(parentId(attempt!)).toBe(call!.spanContext().spanId);
  expect(attempt!.attributes).toMatchObject({
    "http.request.method": "GET",
    "url.full": `${BASE}/companies/${companyId}/connections/${connectionId}`,
    "server.address": "api.test",
    "server.port": 8080,
    "http.response.status_code": 200,
  });
  expect(call!.status.code).not.toBe(SpanStatusCode.ERROR);
  noCredential(spans);
});

it("a documented error ends the call's span with status ERROR and error.type", async () => {
  server.use(http.get(connectionPath, () => HttpResponse.json({ statusCode: 404, error: "Data connection not found" }, { status: 404 })));
  await expect(connectionSummary(client, companyId, connectionId)).rejects.toBeInstanceOf(ErrorMessage);
  const spans = exporter.getFinishedSpans();
  const call = spans.find((s) => s.name === "connections.get")!;
  expect(call.status.code).toBe(SpanStatusCode.ERROR);
  expect(call.attributes["error.type"]).toBeTruthy();
  expect(spans.find((s) => s.name === "GET")!.attributes["http.response.status_code"]).toBe(404);
  noCredential(spans);
});
