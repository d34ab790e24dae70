/**
 * Applies the spec's apiKey security schemes from the caller's `security` value.
 * A missing credential sends nothing: the server's 401 then becomes the typed error,
 * which says more than a guess made here could.
 */
import { SDKValidationError } from "./errors.js";
import { isSensitiveName } from "./redact.js";
import type { SecuritySchemeSpec } from "./operation.js";
import { isPlainObject, isValidHeaderValue } from "./validate.js";

/** A security object, or a function returning one, called on every call so tokens can rotate. */
export type SecuritySource<S> = S | (() => S | Promise<S>);

export interface AppliedSecurity {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Every credential sent, so error messages can be scrubbed of them. */
  secrets: string[];
}

export async function resolveSecurity<S>(source: SecuritySource<S> | undefined): Promise<unknown> {
  return typeof source === "function" ? await (source as () => S | Promise<S>)() : source;
}

/**
 * @param security the resolved security value; `undefined` or `null` means none.
 * @param context prefixes messages, e.g. the SDK name.
 * @throws SDKValidationError for a non-object, an unknown field or a non-string value;
 *   messages never include a credential.
 */
export function applySecurity(
  schemes: readonly SecuritySchemeSpec[],
  security: unknown,
  context: string,
): AppliedSecurity {
  const applied: AppliedSecurity = { headers: {}, query: {}, secrets: [] };
  if (security === undefined || security === null) return applied;
  const expected = schemes.map((scheme) => scheme.field);
  if (!isPlainObject(security)) {
    throw new SDKValidationError(`${context}: security must be an object like { ${expected.join(", ")} }`, "security");
  }
  for (const key of Object.keys(security)) {
    if (!expected.includes(key)) {
      const want = expected.length ? `expected: ${expected.join(", ")}` : "this API has no security schemes";
      throw new SDKValidationError(`${context}: unknown security field "${key}"; ${want}`, `security.${key}`);
    }
  }
  for (const scheme of schemes) {
    const value = security[scheme.field];
    if (value === undefined || value === null || value === "") continue;
    const field = `security.${scheme.field}`;
    if (typeof value !== "string") throw new SDKValidationError(`${context}: ${field} must be a string`, field);
    if (scheme.in === "header") {
      // Headers#set puts the value in its own error message; check first so it cannot leak.
      if (!isValidHeaderValue(value)) {
        throw new SDKValidationError(`${context}: ${field} is not a valid HTTP header value`, field);
      }
      applied.headers[scheme.name] = value;
    } else {
      applied.query[scheme.name] = value;
    }
    applied.secrets.push(value);
  }
  return applied;
}

/** Values of per-call headers that look like credentials, for scrubbing error messages. */
export function sensitiveHeaderValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => isSensitiveName(name))
    .map(([, value]) => value);
}
