import { describe, expect, it } from "vitest";
import { constraintViolation } from "../src/constraints.js";

describe("constraintViolation", () => {
  it.each([
    { given: { value: 1, c: { type: "integer", minimum: 1, maximum: 5000 } }, want: undefined },
    { given: { value: 0, c: { type: "integer", minimum: 1 } }, want: "must be at least 1, got 0" },
    { given: { value: 5001, c: { type: "integer", maximum: 5000 } }, want: "must be at most 5000, got 5001" },
    { given: { value: 1.5, c: { type: "integer" } }, want: "must be an integer, got 1.5" },
    { given: { value: "2", c: { type: "integer" } }, want: 'must be an integer, got "2"' },
    { given: { value: Number.NaN, c: { type: "number" } }, want: "must be a number, got null" },
    { given: { value: "8a210b68-6988-11ed-a1eb-0242ac120002", c: { type: "string", format: "uuid" } }, want: undefined },
    { given: { value: "not-a-uuid", c: { type: "string", format: "uuid" } }, want: "must be a UUID (8-4-4-4-12 hex digits)" },
    { given: { value: "x", c: { type: "string", format: "date-time" } }, want: undefined },
    { given: { value: "ab", c: { type: "string", minLength: 3 } }, want: "must be at least 3 characters long" },
    { given: { value: "abcd", c: { type: "string", maxLength: 3 } }, want: "must be at most 3 characters long" },
    { given: { value: 3, c: { type: "string" } }, want: "must be a string, got number" },
    { given: { value: "Gone", c: { enum: ["Linked", "Unlinked"] } }, want: 'must be one of "Linked", "Unlinked", got "Gone"' },
    { given: { value: "yes", c: { type: "boolean" } }, want: 'must be true or false, got "yes"' },
    { given: { value: "anything", c: {} }, want: undefined },
    { given: { value: Number.POSITIVE_INFINITY, c: { type: "number" } }, want: "must be a number, got null" },
    { given: { value: 2.5, c: { type: "number", minimum: 0, maximum: 2 } }, want: "must be at most 2, got 2.5" },
    { given: { value: -0.5, c: { type: "number", minimum: 0 } }, want: "must be at least 0, got -0.5" },
    { given: { value: "abc", c: { type: "string", minLength: 3, maxLength: 3 } }, want: undefined },
    { given: { value: true, c: { type: "boolean" } }, want: undefined },
    { given: { value: 2, c: { type: "integer", enum: [1, 3] } }, want: "must be one of 1, 3, got 2" },
    { given: { value: 3, c: { type: "integer", enum: [1, 3], maximum: 2 } }, want: "must be at most 2, got 3" },
  ] as const)("$given.value against $given.c", ({ given, want }) => {
    expect(constraintViolation(given.value, given.c)).toBe(want);
  });
});
