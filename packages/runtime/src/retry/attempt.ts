/**
 * One attempt of a call: prepared (credentials, hooks), counted, logged and sent under its
 * own signal. What a failed attempt becomes (the SDK's error classes) is the retry tail's
 * (classify.ts, lazy): fetch's rejection is handed over as it came.
 */
import { redactUrl } from "../redact.js";
import type { AttemptAbort } from "./abort.js";
import type { Attempt, Call } from "./types.js";

/**
 * Node 20's fetch links a Request's signal to the socket only through weak references:
 * after a garbage collection neither the timeout nor the caller's abort would reach a
 * hung request. Attempts in flight are held here, strongly, until released.
 */
const inFlight = new Set<Attempt>();

/** Method and URL path only (the query string may hold an apiKey), after the operation's name. */
export function label(call: Call): string {
  const { request } = call;
  const methodPath = call.o.methodPath;
  return (call.label ??= `${methodPath ? `${methodPath}: ` : ""}${request.method} ${new URL(request.url).pathname}`);
}

/** The attempt's Request as `prepare` (credentials, the beforeRequest hook) makes it. */
export async function prepare(call: Call, n: number, abort: AttemptAbort, base: Request): Promise<Request> {
  const { o } = call;
  const prepared = o.prepare ? await o.prepare(base, n) : base;
  // A hook's own Request does not carry the attempt's signal yet.
  return prepared === base || o.signalInInit ? prepared : new Request(prepared, { signal: abort.signal });
}

/** Counts, logs and sends `request` under `abort`'s signal: on the Request, or in fetch's `init` with `signalInInit`. */
export async function dispatch(call: Call, n: number, abort: AttemptAbort, request: Request): Promise<Attempt> {
  const { o } = call;
  // Counted here, once the attempt is really going to be sent.
  if (o.trace) o.trace.attempts = n;
  o.attemptLog?.attempt(label(call), n, request);
  // An attempt's span (tracing) covers sending it up to the response's headers.
  const ended = o.onAttempt?.(request, n, (url) => shownUrl(call, url));
  const sent: { -readonly [K in keyof Attempt]: Attempt[K] } = { n, abort, request, startMs: (o.now ?? Date.now)(), ended };
  inFlight.add(sent);
  try {
    sent.response = await (o.signalInInit ? o.fetch(request, { signal: abort.signal }) : o.fetch(request));
  } catch (error) {
    // The tail ends the span with the SDK's error (classify.ts) this becomes.
    sent.error = error;
  }
  if (sent.response) ended?.(sent.response);
  return sent;
}

/** Ends an attempt (its timer and caller listener) once its response has been read or discarded. */
export function release(attempt: Attempt): void {
  attempt.abort.release();
  inFlight.delete(attempt);
}

/** A URL as a log line, span or response may show it: credential query parameters redacted. */
export function shownUrl(call: Call, url: string): string {
  return redactUrl(url, call.o.sensitiveNames ?? []);
}
