/**
 * The README's example values, as TypeScript: a request's parameters and body, from the examples
 * the loader resolved (load/examples: the spec's own, else built from the schema), and the
 * response's description. Nothing here reads the spec.
 */
import { BINARY_EXAMPLE, type Operation } from "../../load/model.js";
import { propertyKey } from "../../load/naming.js";
import { literal } from "../source.js";
import { sentence } from "./text.js";

/** How a file's contents are shown in an example. */
const BLOB = 'new Blob(["file contents"])';

/** The request argument as TypeScript, multi-line when long; `""` when the request can be left out. */
export function requestExample(op: Operation, requiredOnly: boolean, indent = ""): string {
  const entries: [string, unknown][] = [];
  for (const p of op.parameters) {
    // An optional parameter is shown only when the spec gives an example of it.
    if (!p.required && (requiredOnly || !p.exampleFromSpec)) continue;
    entries.push([p.field, p.example]);
  }
  if (op.body && (op.body.required || !requiredOnly)) entries.push([op.body.field, op.body.example?.value]);
  const required = op.parameters.some((p) => p.required) || op.body?.required === true;
  if (entries.length === 0) return required ? "{}" : "";
  return pretty(Object.fromEntries(entries), indent);
}

/** The spec's description of the operation's response, as a sentence; `undefined` when it has none. */
export function responseDescription(op: Operation): string | undefined {
  return op.response.description === undefined ? undefined : sentence(op.response.description);
}

/** A value as TypeScript: like `literal`, but also prints a file's contents (BINARY_EXAMPLE) as a Blob. */
function tsLiteral(value: unknown): string {
  if (value === BINARY_EXAMPLE) return BLOB;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${tsLiteral(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return literal(value);
}

/** A value as TypeScript, one property per line when it does not fit on one. */
function pretty(value: unknown, indent: string): string {
  const flat = tsLiteral(value);
  if (flat.length + indent.length <= 72 || typeof value !== "object" || value === null) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${pretty(v, inner)},\n`).join("")}${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${propertyKey(k)}: ${pretty(v, inner)},\n`);
  return `{\n${entries.join("")}${indent}}`;
}
