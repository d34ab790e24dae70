/**
 * What every reader of `load/` shares: the document, `$ref` resolution that says where an
 * object really lives, and the warnings and problems found so far. The readers take one of
 * these instead of threading `(document, …, problems, warnings)` through every function.
 */
import { pointer } from "../errors.js";
import { componentSchemaName, deref, resolvePointer } from "./refs.js";
import { warning, type Warning, type WarningKind } from "./warnings.js";

/** A spec object with the pointer of where it is written (past any `$ref`). */
export interface Located<T = Record<string, unknown>> {
  readonly node: T;
  readonly at: string;
}

export class LoadContext {
  constructor(
    readonly document: Record<string, unknown>,
    readonly warnings: Warning[] = [],
    readonly problems: string[] = [],
    /** Names under `components/schemas` that the loader copied there (see hoistNestedSchemaRefs), not the spec. */
    readonly hoisted: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * The component schema a `$ref` names (`#/components/schemas/Pet` → `Pet`). A copy the loader
   * hoisted out of another object is no component of the spec: its value reads as an inline
   * schema, so no exported name depends on where the spec happens to define it.
   */
  schemaName(value: unknown): string | undefined {
    const name = componentSchemaName(value);
    return name === undefined || this.hoisted.has(name) ? undefined : name;
  }

  /** Follows `$ref` chains until a real object; `undefined` for a dead end or a cycle. */
  deref<T = Record<string, unknown>>(value: unknown): T | undefined {
    return deref<T>(this.document, value);
  }

  /** Like deref, and the pointer of the object found: `at` itself when `value` is no `$ref`. */
  locate(value: unknown, at: string): Located | undefined {
    const seen = new Set<string>();
    let node = value;
    let where = at;
    while (isObject(node) && typeof node.$ref === "string") {
      if (seen.has(node.$ref)) return undefined;
      seen.add(node.$ref);
      where = node.$ref;
      node = resolvePointer(this.document, node.$ref);
    }
    return isObject(node) ? { node, at: where } : undefined;
  }

  /** The object at a pointer of the document. */
  at(ref: string): unknown {
    return resolvePointer(this.document, ref);
  }

  warn(kind: WarningKind, text: string): void {
    this.warnings.push(warning(kind, text));
  }

  problem(text: string): void {
    this.problems.push(text);
  }
}

/** `#/a` + `b/c` → `#/a/b~1c` (segments escaped as JSON pointers). */
export function childPointer(at: string, ...segments: (string | number)[]): string {
  return `${at}${pointer(...segments).slice(1)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
