/**
 * One attempt of a request: send it under the attempt's own signal, read the body
 * within the same limits, and map failures to the SDK's error classes.
 */
import {
  ConnectionError,
  RequestAbortedError,
  RequestTimeoutError,
  type RequestTarget,
  type SDKBaseError,
} from "../errors.js";
import type { AttemptAbort } from "./abort.js";

const ERROR_CODE_RE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Node 20's fetch links a Request's signal to the socket only through weak references:
 * after a garbage collection neither the timeout nor the caller's abort would reach a
 * hung request. Attempts in flight are held here, strongly, until released.
 */
const inFlight = new Set<object>();

export interface SentAttempt {
  /** The response, its body unread, or the mapped error. */
  outcome: Response | SDKBaseError;
  /**
   * Reads `response`'s body within this attempt's timeout and the caller's signal: its
   * bytes, or the error that cut it short. With `maxBytes`, a longer body is cancelled
   * and `undefined` returned.
   */
  read(response: Response, maxBytes?: number): Promise<ArrayBuffer | SDKBaseError | undefined>;
  /** Ends the attempt (its timer and caller listener); call once its response has been read or discarded. */
  release(): void;
  /** A failure of this attempt (reading its body) as the SDK's error. */
  fail(error: unknown): SDKBaseError;
}

export interface AttemptOptions {
  /** The caller's signal: when it fires the attempt ends as RequestAbortedError. */
  callerSignal: AbortSignal | undefined;
  timeoutMs: number;
  /** Prefixes messages, e.g. `connections.get: GET /companies/c1`; computed only for an error. */
  label: () => string;
  /** The attempt's method, URL and number, for the errors; computed only for an error. */
  target: () => RequestTarget;
  /** `fetch` takes the attempt's signal in its `init`, rather than on the Request. */
  signalInInit?: boolean;
}

/**
 * Sends `request` (a fresh Request per attempt: its body is consumed) under `abort`'s
 * signal: on the Request, or in fetch's `init` with `signalInInit`.
 */
export async function sendAttempt(
  fetch: (request: Request, init?: { signal: AbortSignal }) => Promise<Response>,
  request: Request,
  abort: AttemptAbort,
  options: AttemptOptions,
): Promise<SentAttempt> {
  const held = { request, abort };
  inFlight.add(held);
  const fail = (error: unknown): SDKBaseError => classify(error, abort, options);
  let outcome: Response | SDKBaseError;
  try {
    outcome = await (options.signalInInit ? fetch(request, { signal: abort.signal }) : fetch(request));
  } catch (error) {
    outcome = fail(error);
  }
  return {
    outcome,
    read: (response, maxBytes) => readAll(response, maxBytes).catch(fail),
    fail,
    release: () => {
      abort.release();
      inFlight.delete(held);
    },
  };
}

/** Method and URL path only: the query string may hold an apiKey. */
export function describe(request: Request, methodPath: string | undefined): string {
  const target = `${request.method} ${new URL(request.url).pathname}`;
  return methodPath ? `${methodPath}: ${target}` : target;
}

/** `attempts` made so far: the attempt the abort cut short is counted, a sleep is not an attempt. */
export function abortedError(signal: AbortSignal, label: string, target: RequestTarget): RequestAbortedError {
  return new RequestAbortedError(`${label}: aborted by the caller${tries(target.attempts)}`, { ...target, cause: signal.reason });
}

function tries(attempts: number): string {
  return ` (${attempts} attempt${attempts === 1 ? "" : "s"})`;
}

function classify(error: unknown, abort: AttemptAbort, options: AttemptOptions): SDKBaseError {
  const { timeoutMs } = options;
  const target = options.target();
  const label = options.label();
  if (options.callerSignal?.aborted) return abortedError(options.callerSignal, label, target);
  if (abort.timedOut) {
    const message = `${label}: no complete response within ${timeoutMs} ms${tries(target.attempts)}`;
    return new RequestTimeoutError(message, { ...target, timeoutMs, cause: error });
  }
  const code = errorCode(error);
  const message = `${label}: connection failed${code ? ` (${code})` : ""}${tries(target.attempts)}`;
  return new ConnectionError(message, { ...target, code, cause: error });
}

/** A system error code such as ECONNREFUSED, found on the error or its causes; never a message. */
function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && ERROR_CODE_RE.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The body's bytes, or `undefined` (the rest cancelled) once it passes `maxBytes`. */
async function readAll(response: Response, maxBytes = Infinity): Promise<ArrayBuffer | undefined> {
  if (maxBytes === Infinity || response.body === null) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let total = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return new Blob(chunks).arrayBuffer();
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}
