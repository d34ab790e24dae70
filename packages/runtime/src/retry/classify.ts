/**
 * What a failed attempt becomes: the SDK's transport errors (fetch rejected, or reading a
 * body failed), and the limited read of a body the loop retries past. Part of the retry
 * tail (tail.ts), a lazy chunk: the error classes come in the TailKit.
 */
import type { RequestAbortedError, RequestTarget, SDKBaseError } from "../errors.js";
import type { Attempt, Call, TailKit } from "./types.js";

const ERROR_CODE_RE = /^[A-Z][A-Z0-9_]*$/;

/** Where the call went and how often, for its errors: the URL without its query (it may hold an apiKey). */
export function target(kit: TailKit, call: Call, attempts: number): RequestTarget {
  const { request } = call;
  return { method: request.method, url: kit.urlWithoutQuery(request.url), attempts };
}

/** `attempts` made so far: the attempt the abort cut short is counted, a sleep is not an attempt. */
export function abortedError(kit: TailKit, call: Call, attempts: number): RequestAbortedError {
  return new kit.RequestAbortedError(`${kit.label(call)}: aborted by the caller${tries(attempts)}`, { ...target(kit, call, attempts), cause: call.callerSignal!.reason });
}

function tries(attempts: number): string {
  return ` (${attempts} attempt${attempts === 1 ? "" : "s"})`;
}

/** A failure of attempt `a` (fetch's rejection, or its body's read) as the SDK's error. */
export function classify(kit: TailKit, call: Call, a: Attempt, error: unknown): SDKBaseError {
  if (call.callerSignal?.aborted) return abortedError(kit, call, a.n);
  const init = { ...target(kit, call, a.n), cause: error };
  const label = kit.label(call);
  const { timeoutMs } = call.o;
  if (a.abort.timedOut) return new kit.RequestTimeoutError(`${label}: no complete response within ${timeoutMs} ms${tries(a.n)}`, { ...init, timeoutMs });
  const code = errorCode(error);
  return new kit.ConnectionError(`${label}: connection failed${code ? ` (${code})` : ""}${tries(a.n)}`, { ...init, code });
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
export async function readUpTo(response: Response, maxBytes: number): Promise<ArrayBuffer | undefined> {
  if (response.body === null) return response.arrayBuffer();
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
