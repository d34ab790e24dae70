/**
 * Whether a value fits a shape, as Prism checks a request body: response validation's one
 * validator (validation/validate.ts) in its `closed` mode, so missing required properties,
 * wrong types, formats, enums, bounds, lengths and patterns are problems, and unknown properties
 * only where the schema closes the object. Messages name what was expected and the type that
 * came, never the value itself (a request may carry a secret).
 */
import type { Shape } from "../shape.js";
import { validate } from "../validation/validate.js";
import type { Schemas } from "./resolve.js";

export interface Problem {
  /** A JSON pointer into the checked value (`""` is the value itself). */
  readonly pointer: string;
  readonly message: string;
}

export function checkValue(value: unknown, shape: Shape, schemas: Schemas, pointer = ""): Problem[] {
  return validate(shape, value, { schemas }, { closed: true }).map((issue) => ({
    pointer: `${pointer}${issue.pointer}`,
    message: issue.expected === "required property" ? "a required property is missing"
      : issue.expected === "no such property" ? "an unknown property"
      : `expected ${issue.expected}${issue.received === undefined ? "" : `, got ${issue.received.split(" ")[0]}`}`,
  }));
}
