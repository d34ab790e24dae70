/**
 * OpenTelemetry spans of SDK calls, loaded by the core (a dynamic import) only for a client
 * given a `tracer`, so an application that sets none neither loads nor bundles this module.
 * It imports nothing at run time: what it needs of the call (the URL redaction) the attempt
 * loop hands it, and what it needs of `@opentelemetry/api` (the active context, the propagator)
 * it reads from the api's globals (see api.ts), so the runtime does not depend on the api.
 *
 * - One span per call, named by its method path (`connections.get`), kind INTERNAL; a call
 *   that throws ends it with status ERROR and `error.type`.
 * - One child span per HTTP attempt, kind CLIENT, per the HTTP client semantic conventions
 *   (name `GET`; `http.request.method`, `url.full` redacted, `server.address`, `server.port`,
 *   `http.response.status_code`, `http.request.resend_count` from the second attempt,
 *   `error.type`), its context injected into the attempt's headers (`traceparent`) through
 *   the global propagator.
 *
 * Tracing never fails a call: whatever the tracer, a span or the propagator throws is
 * swallowed, and the call goes on untraced from there.
 */
import type { AttributeValue, ContextLike, SpanLike, TracerLike } from "./api.js";

/** `SpanKind` and `SpanStatusCode` of @opentelemetry/api. */
const INTERNAL = 0;
const CLIENT = 2;
const ERROR = 2;

/** Where @opentelemetry/api 1.x keeps its globals, and the key of a context's span. */
const API_KEY = Symbol.for("opentelemetry.js.api.1");
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");

/** The HTTP methods the semantic conventions know; any other is `_OTHER` (named `HTTP`). */
const KNOWN_METHODS = ["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY", "TRACE"];

interface ApiGlobals {
  context?: { active(): ContextLike };
  propagation?: {
    inject(context: ContextLike, carrier: Headers, setter: { set(carrier: Headers, key: string, value: string): void }): void;
  };
}

/** Ends an attempt's span with its outcome: the response (its status), or the error that ended it. */
export type AttemptEnd = (outcome: Response | Error) => void;

/**
 * Starts an attempt's span and injects its context into `request`'s headers. `attempt`
 * counts from 1; `redact` turns the request's URL into what `url.full` may show.
 */
export type AttemptTracer = (request: Request, attempt: number, redact: (url: string) => string) => AttemptEnd | undefined;

const HEADER_SETTER = { set: (carrier: Headers, key: string, value: string) => carrier.set(key, value) };

/** A Context for when no context manager is registered: the api's ROOT_CONTEXT, as the api builds it. */
class RootContext implements ContextLike {
  constructor(private readonly values: ReadonlyMap<symbol, unknown> = new Map()) {}
  getValue(key: symbol): unknown {
    return this.values.get(key);
  }
  setValue(key: symbol, value: unknown): ContextLike {
    return new RootContext(new Map(this.values).set(key, value));
  }
  deleteValue(key: symbol): ContextLike {
    const values = new Map(this.values);
    values.delete(key);
    return new RootContext(values);
  }
}

function globals(): ApiGlobals | undefined {
  return (globalThis as Record<symbol, ApiGlobals | undefined>)[API_KEY];
}

/** What `error.type` says of an error: an HTTP status for an error response, else the error's class. */
export function errorType(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number") return String(status);
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && name !== "" ? name : "_OTHER";
}

function fail(span: SpanLike, type: string): void {
  span.setAttribute("error.type", type);
  span.setStatus({ code: ERROR });
}

/** Runs `fn`, swallowing what it throws: tracing must never fail a call. */
function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * Runs one call of `op` (`run`) inside a span named by its method path, handing `run` the
 * tracer of its HTTP attempts; resolves or rejects as `run` does.
 */
export async function traceCall<T>(tracer: TracerLike, op: { readonly methodPath: string }, run: (attempts: AttemptTracer | undefined) => Promise<T>): Promise<T> {
  const started = safely(() => {
    const parent = globals()?.context?.active() ?? new RootContext();
    const span = tracer.startSpan(op.methodPath, { kind: INTERNAL }, parent);
    return { span, context: parent.setValue(SPAN_KEY, span) };
  });
  if (!started) return run(undefined);
  const { span, context } = started;
  let result: T;
  try {
    result = await run(attemptTracer(tracer, context));
  } catch (error) {
    safely(() => {
      fail(span, errorType(error));
      span.end();
    });
    throw error;
  }
  safely(() => span.end());
  return result;
}

function attemptTracer(tracer: TracerLike, parent: ContextLike): AttemptTracer {
  return (request, attempt, redact) => {
    const span = safely(() => tracer.startSpan(...attemptSpan(request, attempt, redact), parent));
    if (!span) return undefined;
    // A propagator that throws (or headers that cannot change) leaves the span as it is.
    safely(() => globals()?.propagation?.inject(parent.setValue(SPAN_KEY, span), request.headers, HEADER_SETTER));
    let ended = false;
    return (outcome) => {
      if (ended) return;
      ended = true;
      safely(() => {
        if (outcome instanceof Response) {
          span.setAttribute("http.response.status_code", outcome.status);
          if (outcome.status >= 400) fail(span, String(outcome.status));
        } else fail(span, errorType(outcome));
        span.end();
      });
    };
  };
}

/** The name and options of an attempt's span, per the HTTP client semantic conventions. */
function attemptSpan(request: Request, attempt: number, redact: (url: string) => string): [string, { kind: number; attributes: Record<string, AttributeValue> }] {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const known = KNOWN_METHODS.includes(method);
  const attributes: Record<string, AttributeValue> = {
    "http.request.method": known ? method : "_OTHER",
    ...(known ? {} : { "http.request.method_original": request.method }),
    "url.full": redact(request.url),
    "server.address": url.hostname.replace(/^\[(.*)\]$/, "$1"),
    "server.port": url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80,
    ...(attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {}),
  };
  return [known ? method : "HTTP", { kind: CLIENT, attributes }];
}
