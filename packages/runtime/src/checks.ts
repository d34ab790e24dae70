/**
 * The one checker of the objects callers configure (client options, a call's options, retry
 * configs), and the one message template of SDKValidationError: `<at>: <field> <problem>`,
 * where `at` is the SDK or the method (`connections.get`) and `field` the path of the value.
 */
import { SDKValidationError } from "./errors.js";
import { isPlainObject, kindOf } from "./guards.js";

/** A field's check: whether a value given (not undefined) is good, and what it must be ("be a function"). */
export type Check = readonly [ok: (value: any) => boolean, want: string];
/** The fields of an object, in the order messages list them: each one's check, a table of its own fields, or 0 when checked elsewhere. */
export interface Table {
  readonly [field: string]: Check | Table | 0;
}

/** The error of a value at `field` (a path such as `retryConfig.backoff.exponent`). */
export const invalid = (at: string | undefined, field: string, problem: string) => new SDKValidationError(`${at ? `${at}: ` : ""}${field} ${problem}`, field);

/** A field no table or operation lists: `expected` are those it does. */
export const unknownField = (at: string | undefined, field: string, expected: readonly string[]) => invalid(at, field, `is unknown; expected: ${expected.join(", ") || "none"}`);

/**
 * Checks an object against its table: that it is one (any object but an array: a class
 * instance keeps its hooks on the prototype), a name of a plain object's own the table does
 * not list, then each field given, in the table's order. `name` names the object; its fields are `prefix` + their name.
 */
export function checkFields(at: string | undefined, value: unknown, table: Table, name: string, prefix = `${name}.`): asserts value is Record<string, any> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw invalid(at, name, `must be an object, got ${kindOf(value)}`);
  // A class instance's own fields are its state, not options: only a plain object's names are checked.
  for (const key of isPlainObject(value) ? Object.keys(value) : []) if (!Object.hasOwn(table, key)) throw unknownField(at, prefix + key, Object.keys(table));
  for (const key in table) {
    const check = table[key]!;
    const given = (value as Record<string, unknown>)[key];
    if (!check || given === undefined) continue;
    if (!Array.isArray(check)) checkFields(at, given, check as Table, prefix + key);
    else if (!check[0](given)) throw invalid(at, prefix + key, `must ${check[1]}`);
  }
}

export const isFunction = (value: unknown): boolean => typeof value === "function";

/** A number from `min` to `max` (NaN fails both comparisons); `what` is how messages say it. */
export const numberIn = (min: number, max: number, what: string): Check => [(value) => typeof value === "number" && value >= min && value <= max, `be ${what}`];
