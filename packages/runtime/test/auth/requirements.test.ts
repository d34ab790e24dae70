import { describe, expect, it } from "vitest";
import { chooseRequirement } from "../../src/auth/requirements.js";

describe("chooseRequirement", () => {
  const cases: { name: string; alternatives: Parameters<typeof chooseRequirement>[0]; given: string[]; fields: string[]; scopes?: Record<string, string[]> }[] = [
    { name: "no requirements stated: every credential given", alternatives: undefined, given: ["a", "b"], fields: ["a", "b"] },
    { name: "security: [] sends none", alternatives: [], given: ["a"], fields: [] },
    { name: "OR: the first satisfiable", alternatives: [{ a: [] }, { b: [] }], given: ["b", "a"], fields: ["a"] },
    { name: "OR: skips an unsatisfiable one", alternatives: [{ a: [] }, { b: ["s"] }], given: ["b"], fields: ["b"], scopes: { b: ["s"] } },
    { name: "AND: all of one", alternatives: [{ a: [], b: [] }], given: ["a", "b", "c"], fields: ["a", "b"] },
    { name: "{} after an unsatisfied one: none", alternatives: [{ a: [] }, {}], given: ["b"], fields: [] },
    { name: "{} first does not hide a satisfiable one", alternatives: [{}, { a: [] }], given: ["a"], fields: ["a"] },
    { name: "none satisfiable: what there is of the named", alternatives: [{ a: [], b: [] }, { c: ["x"] }], given: ["a", "d"], fields: ["a"] },
    { name: "none satisfiable: each field with the scopes of the first naming it", alternatives: [{ a: ["r"], b: [] }, { a: ["w"], c: ["x"] }], given: ["a", "d"], fields: ["a"], scopes: { a: ["r"], b: [], c: ["x"] } },
    { name: "nothing given, nothing sent", alternatives: [{ a: [] }], given: [], fields: [] },
  ];
  it.each(cases)("$name", ({ alternatives, given, fields, scopes }) => {
    const chosen = chooseRequirement(alternatives, given);
    expect(chosen.fields).toEqual(fields);
    if (scopes) expect(chosen.scopes).toMatchObject(scopes);
  });
});
