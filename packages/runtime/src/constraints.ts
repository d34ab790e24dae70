/** Checks a parameter's value against the constraints its spec schema states. */
import { SDKValidationError } from "./errors.js";
import type { ParameterConstraints, ParameterSpec } from "./operation.js";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first constraint `value` breaks, in words, or `undefined` when it fits. */
export function constraintViolation(value: unknown, c: ParameterConstraints): string | undefined {
  if (c.enum && !c.enum.includes(value as string | number | boolean)) {
    return `must be one of ${c.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(value)}`;
  }
  if (c.type === "integer" || c.type === "number") {
    const kind = c.type === "integer" ? "an integer" : "a number";
    if (typeof value !== "number" || !Number.isFinite(value)) return `must be ${kind}, got ${JSON.stringify(value)}`;
    if (c.type === "integer" && !Number.isInteger(value)) return `must be an integer, got ${value}`;
    if (c.minimum !== undefined && value < c.minimum) return `must be at least ${c.minimum}, got ${value}`;
    if (c.maximum !== undefined && value > c.maximum) return `must be at most ${c.maximum}, got ${value}`;
  }
  if (c.type === "boolean" && typeof value !== "boolean") return `must be true or false, got ${JSON.stringify(value)}`;
  if (c.type === "string") {
    if (typeof value !== "string") return `must be a string, got ${typeof value}`;
    if (c.minLength !== undefined && value.length < c.minLength) return `must be at least ${c.minLength} characters long`;
    if (c.maxLength !== undefined && value.length > c.maxLength) return `must be at most ${c.maxLength} characters long`;
    // The value itself is not quoted: an identifier may be sensitive, and it is the caller's own.
    if (c.format === "uuid" && !UUID_RE.test(value)) return "must be a UUID (8-4-4-4-12 hex digits)";
  }
  return undefined;
}

export function checkConstraints(at: string, param: ParameterSpec, value: unknown): void {
  if (!param.constraints) return;
  const problem = constraintViolation(value, param.constraints);
  if (problem) throw new SDKValidationError(`${at}: ${param.in} parameter "${param.field}" ${problem}`, param.field);
}
