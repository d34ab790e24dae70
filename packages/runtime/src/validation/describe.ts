/** How an issue names what was expected and what came: short, and never a whole value. */
import type { Shape } from "../shape.js";

/** How much of a received string an issue quotes. */
const QUOTE_MAX_CHARS = 40;

/** A JSON pointer's next segment (RFC 6901: `~` as `~0`, `/` as `~1`). */
export function pointerTo(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** What a value is, for `received`: its JSON type, with a short quote of a string or a number. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `array (${value.length} item${value.length === 1 ? "" : "s"})`;
  switch (typeof value) {
    case "string": {
      const quoted = value.length > QUOTE_MAX_CHARS ? `${value.slice(0, QUOTE_MAX_CHARS)}…` : value;
      return `string ${JSON.stringify(quoted)}`;
    }
    case "number":
      return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
    case "boolean":
      return `boolean ${value}`;
    case "object":
      return "object";
    default:
      return typeof value;
  }
}

/** The type a shape asks for, e.g. `string (date-time)`, `integer`, `Connection`, `string or null`. */
export function describeShape(shape: Shape): string {
  const base = describeType(shape);
  return shape.nullable && shape.type !== "null" ? `${base} or null` : base;
}

function describeType(shape: Shape): string {
  switch (shape.type) {
    case "string":
      return shape.format ? `string (${shape.format})` : "string";
    case "number":
    case "integer":
    case "boolean":
    case "null":
    case "array":
    case "object":
      return shape.type;
    case "ref":
      return shape.ref;
    case "oneOf":
    case "anyOf":
      return shape.of.map(describeShape).join(" or ");
    case "allOf":
      return shape.of.map(describeShape).join(" and ");
    case "any":
      return "any value";
  }
}
