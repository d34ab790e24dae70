/**
 * Whether one corpus call passed: no request violation was reported, and the SDK's
 * outcome matches the documented response. A 2xx must resolve; a documented non-2xx
 * status must throw the SDK's typed error for it (the generated error class when the
 * spec gives that status an error schema, else an APIError/SDKError with that status).
 */
export interface CallRecord {
  /** The last HTTP status the server answered, 0 when none came. */
  readonly status: number;
  /** Request violations the server reported. */
  readonly violations: readonly string[];
  /** What the call threw, if it did. */
  readonly error?: unknown;
  /** The operation's documented response keys: `200`, `4XX`, `default`. */
  readonly documented: readonly string[];
  /** The generated error class per documented status (`404`, `4XX`, `default`), when it has one. */
  readonly errorClasses: Readonly<Record<string, string>>;
}

export interface Verdict {
  readonly ok: boolean;
  readonly text: string;
}

export function judge(call: CallRecord): Verdict {
  const { status, violations, error } = call;
  const violated = violations.length > 0 ? ` with request violations: ${violations.join("; ")}` : "";
  if (error === undefined) {
    if (violated) return { ok: false, text: `FAIL ${status}${violated}` };
    if (status >= 200 && status < 300) return { ok: true, text: `ok ${status}` };
    return { ok: false, text: `FAIL ${status}: resolved, but ${status} is not a success` };
  }
  const thrown = describeError(error);
  if (violated) return { ok: false, text: `FAIL ${thrown}${violated}` };
  const key = documentedKey(call.documented, status);
  if (status === 0 || status < 300 || key === undefined) return { ok: false, text: `FAIL ${thrown}` };
  const { name, status: errorStatus } = error as { name?: string; status?: unknown };
  if (errorStatus !== status) return { ok: false, text: `FAIL ${thrown}: not an APIError with status ${status}` };
  // The class the SDK picks: its own lookup over the statuses that have one.
  const classKey = documentedKey(Object.keys(call.errorClasses), status);
  const expected = classKey === undefined ? undefined : call.errorClasses[classKey];
  if (expected !== undefined && name !== expected) return { ok: false, text: `FAIL ${thrown}: expected ${expected} for ${status}` };
  return { ok: true, text: `ok ${status} (documented; threw ${name})` };
}

/** The response key that documents `status`: itself, its range (`4XX`), or `default`. */
export function documentedKey(documented: readonly string[], status: number): string | undefined {
  const exact = documented.find((k) => k === String(status));
  const range = documented.find((k) => k.toUpperCase() === `${String(status)[0]}XX`);
  return exact ?? range ?? (documented.includes("default") ? "default" : undefined);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { status, bodyText } = error as Error & { status?: number; bodyText?: string };
  const body = bodyText ? `: ${bodyText.replace(/\s+/g, " ").slice(0, 300)}` : "";
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message.split("\n")[0]})` : "";
  return `${error.name}${status ? ` ${status}` : ""}: ${error.message.split("\n")[0]}${body}${cause}`;
}
