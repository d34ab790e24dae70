/**
 * Servers of a path item or an operation: the generated client sends the operation to
 * the first of them, and their `{variables}` are fields of the exported `ServerVariables`
 * (a union of each enum's values). A variable or an enum value that goes away narrows
 * that type (a caller passing it no longer compiles): major. Anything else changes where
 * calls go, not the surface: minor.
 */
import { asArray, asRecord, isRecord } from "./json.js";

/** The variables (and enum values) of `before`'s servers that `after`'s lack, e.g. `region = "ap"`. */
export function narrowedServerVariables(before: unknown, after: unknown): string[] {
  const have = variablesOf(after);
  const lost: string[] = [];
  for (const [name, values] of variablesOf(before)) {
    const now = have.get(name);
    if (now === undefined) lost.push(name);
    // Any string before and an enum now narrows too; an enum before keeps what `now` lacks.
    else if (now !== null && values === null) lost.push(`${name} as any string`);
    else if (now !== null) for (const v of values!) if (!now.has(v)) lost.push(`${name} = ${JSON.stringify(v)}`);
  }
  return lost;
}

/** Each variable name → its enum values (`null`: any string). */
function variablesOf(servers: unknown): Map<string, Set<string> | null> {
  const result = new Map<string, Set<string> | null>();
  for (const server of asArray(servers)) {
    for (const [name, raw] of Object.entries(asRecord(asRecord(server).variables))) {
      const values = isRecord(raw) && Array.isArray(raw.enum) ? raw.enum.map(String) : null;
      const seen = result.get(name);
      if (seen === undefined) result.set(name, values && new Set(values));
      else if (seen === null || values === null) result.set(name, null);
      else values.forEach((v) => seen.add(v));
    }
  }
  return result;
}
