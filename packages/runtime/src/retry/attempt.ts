/**
 * One attempt of a request: send a clone under the attempt's own signal, read the body
 * within the same limits, and map failures to the SDK's error classes.
 */
import { ConnectionError, RequestAbortedError, RequestTimeoutError, type SDKBaseError } from "../errors.js";

/** Statuses whose Response must be constructed with a null body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const ERROR_CODE_RE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Node 20's fetch links a Request's signal to the socket only through weak references,
 * and AbortSignal.timeout/any hold their signals weakly too: after a garbage collection
 * neither the timeout nor the caller's abort would reach a hung request. Attempts in
 * flight are held here, strongly, until released.
 */
const inFlight = new Set<object>();

export interface SentAttempt {
  /** The response, its body unread, or the mapped error. */
  outcome: Response | SDKBaseError;
  /** Reads `response`'s body into memory within this attempt's timeout and the caller's signal. */
  read(response: Response): Promise<Response | SDKBaseError>;
  /** Ends the attempt; call once its response has been read or discarded. */
  release(): void;
}

export async function sendAttempt(
  fetch: (request: Request) => Promise<Response>,
  request: Request,
  timeoutMs: number,
  label: string,
): Promise<SentAttempt> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([request.signal, timeout]);
  const attemptRequest = new Request(request.clone(), { signal });
  const held = { request, attemptRequest, signal, timeout };
  inFlight.add(held);
  const fail = (error: unknown): SDKBaseError => classify(error, request, timeout, label, timeoutMs);
  let outcome: Response | SDKBaseError;
  try {
    outcome = await fetch(attemptRequest);
  } catch (error) {
    outcome = fail(error);
  }
  return {
    outcome,
    read: (response) => readBody(response).catch(fail),
    release: () => void inFlight.delete(held),
  };
}

/** Method and URL path only: the query string may hold an apiKey. */
export function describe(request: Request, methodPath: string | undefined): string {
  const target = `${request.method} ${new URL(request.url).pathname}`;
  return methodPath ? `${methodPath}: ${target}` : target;
}

export function abortedError(request: Request, label: string): RequestAbortedError {
  return new RequestAbortedError(`${label}: aborted by the caller`, { cause: request.signal.reason });
}

function classify(error: unknown, request: Request, timeout: AbortSignal, label: string, timeoutMs: number): SDKBaseError {
  if (request.signal.aborted) return abortedError(request, label);
  if (timeout.aborted) {
    return new RequestTimeoutError(`${label}: no complete response within ${timeoutMs} ms`, { cause: error });
  }
  const code = errorCode(error);
  return new ConnectionError(`${label}: connection failed${code ? ` (${code})` : ""}`, { cause: error });
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

/** Buffers the body so later reads cannot fail, hang or outlive the attempt's timeout. */
async function readBody(response: Response): Promise<Response> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // A constructed Response has an empty url; users inspecting `rawResponse` expect the real one.
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  return copy;
}
