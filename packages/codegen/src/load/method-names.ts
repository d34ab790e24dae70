/**
 * Method names for operations: `x-speakeasy-name-override` on the operation wins;
 * else the last top-level override whose `operationId` pattern matches (later
 * entries refine earlier ones, as the vendor's specs order them); else the
 * operationId itself. Whichever wins is camel-cased.
 */
import { pointer } from "../errors.js";
import { camelCase } from "./naming.js";
import { isRecord } from "./json.js";

export const NAME_OVERRIDE = "x-speakeasy-name-override";

export interface GlobalOverride {
  readonly pattern: RegExp;
  readonly name: string;
}

export function readGlobalOverrides(raw: unknown, problems: string[]): GlobalOverride[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(`${pointer(NAME_OVERRIDE)}: must be a list of { operationId, methodNameOverride }`);
    return [];
  }
  const overrides: GlobalOverride[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = pointer(NAME_OVERRIDE, i);
    if (!isRecord(entry) || typeof entry.operationId !== "string" || typeof entry.methodNameOverride !== "string") {
      problems.push(`${at}: needs string fields operationId and methodNameOverride`);
      return;
    }
    try {
      overrides.push({ pattern: new RegExp(entry.operationId), name: entry.methodNameOverride });
    } catch (error) {
      problems.push(`${at}/operationId: invalid pattern (${(error as Error).message})`);
    }
  });
  return overrides;
}

export function methodNameFor(
  operationId: string,
  operationOverride: unknown,
  overrides: readonly GlobalOverride[],
): string {
  if (typeof operationOverride === "string" && operationOverride.trim() !== "") {
    return camelCase(operationOverride);
  }
  const matching = overrides.filter((o) => o.pattern.test(operationId));
  return camelCase(matching.at(-1)?.name ?? operationId);
}
