/**
 * Leaf: imports nothing. Type checks of values callers pass, shared by validation, options,
 * servers and the security schemes.
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `null`, `array`, `Date` (a class name) or the `typeof`, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object" && !isPlainObject(value)) return value.constructor?.name ?? "object";
  return typeof value;
}

/** Whether a value fetch would send in a header (no line breaks or NUL). */
export function isValidHeaderValue(value: string): boolean {
  return isValidHeader("x", value);
}

/**
 * Whether `name: value` is a header fetch would send (a valid name, a valid value). Headers#set
 * quotes the value in its own error, so it is only ever called here, on a throwaway.
 */
export function isValidHeader(name: string, value: string): boolean {
  try {
    new Headers().set(name, value);
    return true;
  } catch {
    return false;
  }
}
