/**
 * One request field per input. A parameter's field is its camel-cased wire name, so inputs
 * can collapse onto one field: a range filter (`StartTime`, `StartTime<`, `StartTime>`), or one
 * name in two locations (`id` in the path and in the query). The rule that keeps them apart:
 *
 * 1. Who keeps the field: the body; else the first parameter without comparison operators in
 *    its wire name, by location (path, query, header, cookie), then spec order. Among clashing
 *    inputs, one whose wire name has operators never keeps it (`Price<=` and `Price>=` are
 *    `priceLte` and `priceGte`); a parameter that clashes with nothing keeps its field.
 * 2. Each other input spells its operators as words: `<` Lt, `<=` Lte, `>` Gt, `>=` Gte,
 *    `!=` Ne, `=` Eq (`StartTime<` → `startTimeLt`); one without operators takes its location
 *    (`id` in the query → `idQuery`).
 * 3. A name still taken, by another input or another parameter's own field, gets a number
 *    (`idQuery2`).
 *
 * The wire name never changes; each renamed input is warned about with its pointer.
 */
import type { LoadContext } from "./context.js";
import type { Parameter } from "./model.js";
import { camelCase } from "./naming.js";

/** Longest first, so `<=` is read before `<`. */
const OPERATORS: ReadonlyArray<readonly [string, string]> = [["<=", "Lte"], [">=", "Gte"], ["!=", "Ne"], ["<", "Lt"], [">", "Gt"], ["=", "Eq"]];
const RANK: Record<Parameter["in"], number> = { path: 0, query: 1, querystring: 1, header: 2, cookie: 3 };

const hasOperator = (name: string) => OPERATORS.some(([op]) => name.includes(op));
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The field an input takes when its own is taken: its operators spelled, else its location added. */
function distinctField(p: Parameter): string {
  if (!hasOperator(p.name)) return `${p.field}${capitalized(p.in)}`;
  let spelled = p.name;
  for (const [op, word] of OPERATORS) spelled = spelled.split(op).join(` ${word} `);
  const field = camelCase(spelled);
  return field === p.field ? `${p.field}${capitalized(p.in)}` : field;
}

const describe = (p: Parameter) => `${p.in} parameter ${JSON.stringify(p.name)}`;

/**
 * The parameters with a field each that no other input of the operation has (`body`: the
 * body's field, which is never renamed), in their order.
 */
export function settleFields(ctx: LoadContext, at: string, parameters: readonly Parameter[], body: { field: string } | undefined): Parameter[] {
  const ranked = parameters
    .map((p, i) => ({ p, i }))
    .sort((a, b) => RANK[a.p.in] - RANK[b.p.in] || Number(hasOperator(a.p.name)) - Number(hasOperator(b.p.name)) || a.i - b.i)
    .map(({ p }) => p);
  const groups = new Map<string, Parameter[]>();
  for (const p of ranked) groups.set(p.field, [...(groups.get(p.field) ?? []), p]);
  // Who keeps each field: the body, else the first input without operators; in a clash, an input with operators spells them.
  const taken = new Set<string>(body ? [body.field] : []);
  const renamed: Parameter[] = [];
  for (const [field, group] of groups) {
    const clash = group.length > 1 || taken.has(field);
    const keeper = taken.has(field) ? undefined : group.find((p) => !clash || !hasOperator(p.name));
    if (keeper) taken.add(field);
    renamed.push(...group.filter((p) => p !== keeper));
  }
  const settled = new Map<Parameter, Parameter>();
  for (const p of renamed) {
    const wanted = distinctField(p);
    let field = wanted;
    for (let n = 2; taken.has(field) || groups.has(field); n++) field = `${wanted}${n}`;
    taken.add(field);
    const others = [...(body?.field === p.field ? ["the request body"] : []), ...groups.get(p.field)!.filter((o) => o !== p).map(describe)];
    ctx.warn("naming", `${at}: ${describe(p)} would share the request field ${p.field} with ${others.join(" and ")}; it is the field ${field} (sent as ${JSON.stringify(p.name)})`);
    settled.set(p, { ...p, field });
  }
  return parameters.map((p) => settled.get(p) ?? p);
}
