/**
 * The retry loop's debug lines (the `debugLogger` option): one per attempt, its outcome and the
 * retry decision. Loaded by a dynamic `import()` only for a client given a debugLogger (an
 * application's bundler makes it a lazy chunk), so it imports nothing at run time: what
 * redacts URLs and headers comes in as arguments.
 */
import type { AttemptLog } from "./types.js";

/**
 * The log writing each line to `line`: URLs redacted by `redactUrl`, and the value of each
 * header `sensitive` names (`redact.ts`'s rule, and the spec's apiKey names) by `[REDACTED]`.
 */
export function attemptLog(line: (text: string) => void, redactUrl: (url: string) => string, sensitive: (name: string) => boolean, names: readonly string[]): AttemptLog {
  const lower = names.map((name) => name.toLowerCase());
  const redactHeaders = (headers: Headers): Record<string, string> => {
    const out: Record<string, string> = {};
    headers.forEach((value, name) => {
      out[name] = sensitive(name) || lower.includes(name) ? "[REDACTED]" : value;
    });
    return out;
  };
  return {
    outOfTime: (label, maxElapsedTime) => line(`${label}: no retry: maxElapsedTime ${maxElapsedTime} ms passed during the backoff sleep`),
    attempt: (label, attempt, request) => line(`${label}: attempt ${attempt}: ${request.method} ${redactUrl(request.url)} ${JSON.stringify(redactHeaders(request.headers))}`),
    outcome(label, attempt, outcome, tookMs, decision) {
      const result = outcome instanceof Response
        ? `HTTP ${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ""}`
        : `${outcome.name}${"code" in outcome && outcome.code ? ` (${String(outcome.code)})` : ""}`;
      line(`${label}: attempt ${attempt}: ${result} in ${tookMs} ms`);
      const failed = !(outcome instanceof Response) || !outcome.ok;
      if (decision?.retry) line(`${label}: retry: ${decision.reason}`);
      else if (failed && decision) line(`${label}: no retry: ${decision.reason}`);
    },
    renewed: (label) => line(`${label}: HTTP 401: credentials renewed, retrying once`),
  };
}
