/** Checks a parameter's value against the constraints its spec schema states. */
import type { ParameterConstraints } from "./operation.js";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Each type a constraint can state: whether a value has it, and its name in messages. */
const TYPES: Readonly<Record<NonNullable<ParameterConstraints["type"]>, readonly [has: (value: any) => boolean, name: string]>> = {
  // Neither coerces, and both refuse NaN and Infinity.
  integer: [Number.isInteger, "an integer"],
  number: [Number.isFinite, "a number"],
  boolean: [(value) => typeof value === "boolean", "true or false"],
  string: [(value) => typeof value === "string", "a string"],
};

/** `n` against the bounds `min` and `max` (either may be missing); `what` ends the message. */
const outOfRange = (n: number, min: number | undefined, max: number | undefined, what: string): string | undefined =>
  n < min! ? `must be at least ${min}${what}` : n > max! ? `must be at most ${max}${what}` : undefined;

/** The first constraint `value` breaks, in words, or `undefined` when it fits. */
export function constraintViolation(value: any, c: ParameterConstraints): string | undefined {
  const type = c.type && TYPES[c.type];
  if (c.enum && !c.enum.includes(value)) {
    return `must be one of ${c.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(value)}`;
  }
  // A string parameter's wrong value is named by its type only: an object could be long.
  if (type && !type[0](value)) return `must be ${type[1]}, got ${c.type === "string" ? typeof value : JSON.stringify(value)}`;
  if (c.type === "string") {
    // The value itself is not quoted: an identifier may be sensitive, and it is the caller's own.
    return outOfRange(value.length, c.minLength, c.maxLength, " characters long") ?? (c.format === "uuid" && !UUID_RE.test(value) ? "must be a UUID (8-4-4-4-12 hex digits)" : undefined);
  }
  return c.type === "integer" || c.type === "number" ? outOfRange(value, c.minimum, c.maximum, `, got ${value}`) : undefined;
}
