/**
 * Leaf: imports nothing.
 *
 * The parts of `@opentelemetry/api` (1.x) the `tracer` option uses, declared structurally so
 * that @x/runtime needs neither the package nor its types: a `Tracer` from
 * `trace.getTracer(name)` fits `TracerLike`. The api keeps its globals (the context manager
 * and the propagator) on `globalThis[Symbol.for("opentelemetry.js.api.1")]` and a context's
 * span under `Symbol.for("OpenTelemetry Context Key SPAN")`; tracing/index.ts reads them there.
 */

export type AttributeValue = string | number | boolean;

/** An OpenTelemetry `Context`: immutable, keyed by symbols. */
export interface ContextLike {
  getValue(key: symbol): unknown;
  setValue(key: symbol, value: unknown): ContextLike;
  deleteValue(key: symbol): ContextLike;
}

/** The part of an OpenTelemetry `Span` the runtime calls. */
export interface SpanLike {
  setAttribute(key: string, value: AttributeValue): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

export interface SpanOptionsLike {
  kind?: number;
  attributes?: Record<string, AttributeValue>;
}

/** An OpenTelemetry `Tracer` (`trace.getTracer("my-app")` of `@opentelemetry/api` 1.x). */
export interface TracerLike {
  // A method (not a property), so that the api's Tracer, whose `context` parameter is its own Context type, fits.
  startSpan(name: string, options?: SpanOptionsLike, context?: ContextLike): SpanLike;
}
