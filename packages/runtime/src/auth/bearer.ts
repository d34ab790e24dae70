/** Bearer tokens (HTTP bearer, OAuth2 and OpenID Connect tokens the caller provides). */
import { invalid } from "../checks.js";
import { isValidHeaderValue } from "../guards.js";

/** A string, or a function (sync or async) returning one, called on every attempt. */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * The string a field holds, its provider called. `undefined` when it gives nothing.
 * @throws SDKValidationError for a non-string or a value no header can carry; never quotes it.
 */
export async function resolveToken(value: unknown, field: string, context: string): Promise<string | undefined> {
  return checkToken(typeof value === "function" ? await (value as () => unknown)() : value, field, context);
}

/** The token a field holds (its provider already called); as resolveToken. */
export function checkToken(token: unknown, field: string, context: string): string | undefined {
  if (token === undefined || token === null || token === "") return undefined;
  if (typeof token !== "string") {
    throw invalid(context, field, "must be a string or a function returning one");
  }
  // Headers#set puts the value in its own error message; check first so it cannot leak.
  if (!isValidHeaderValue(token)) throw invalid(context, field, "is not a valid HTTP header value");
  return token;
}

/** `Bearer <token>`; a token already starting with `Bearer ` is sent as given. */
export function bearerHeader(token: string): string {
  return /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
}
