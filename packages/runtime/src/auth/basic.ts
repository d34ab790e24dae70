/** HTTP basic: `{ username, password }` → `Authorization: Basic base64(username:password)`. */
import { SDKValidationError } from "../errors.js";
import { isPlainObject } from "../guards.js";

export interface BasicCredential {
  header: string;
  /** What to scrub from anything shown: the header value and the password. */
  secrets: string[];
}

/**
 * The `basicAuth` feature: a scheme's value (or what its function resolves to) applied, the
 * header and the password joining `applied`'s secrets; nothing when it is empty.
 */
export async function applyBasic(value: unknown, field: string, context: string, applied: { headers: Record<string, string>; secrets: string[] }): Promise<void> {
  const resolved = typeof value === "function" ? await (value as () => unknown)() : value;
  if (resolved === undefined || resolved === null || resolved === "") return;
  const basic = basicCredential(resolved, field, context);
  applied.headers.Authorization = basic.header;
  applied.secrets.push(...basic.secrets);
}

/** @throws SDKValidationError when `value` is not `{ username: string; password: string }`; never quotes it. */
export function basicCredential(value: unknown, field: string, context: string): BasicCredential {
  if (!isPlainObject(value) || typeof value.username !== "string" || typeof value.password !== "string") {
    throw new SDKValidationError(`${context}: ${field} must be { username: string; password: string }`, field);
  }
  const header = `Basic ${base64(`${value.username}:${value.password}`)}`;
  return { header, secrets: [header, value.password].filter((s) => s !== "") };
}

/** Base64 of the UTF-8 bytes, in Node and browsers alike. */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
