/** The kit's data: deterministic for a seed, valid against the shape it is made from. */
import { describe, expect, it } from "vitest";
import { checkValue, fakeSchema, fakeValue, seeded } from "../src/testing/index.js";
import { fromPattern } from "../src/testing/strings.js";
import type { Shape } from "../src/index.js";
import { petShapes } from "./support/shapes.js";

const schemas = petShapes.schemas;
const pet: Shape = { type: "ref", ref: "Pet" };

describe("fakeValue", () => {
  it("gives the same data for the same seed and other data for another", () => {
    expect(fakeValue(pet, schemas, 7)).toEqual(fakeValue(pet, schemas, 7));
    const many = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(fakeValue(pet, schemas, seed))));
    expect(many.size).toBeGreaterThan(15);
  });

  it("makes data valid against the schema for many seeds: formats, enums, bounds, lengths, patterns, required, allOf", () => {
    for (let seed = 0; seed < 200; seed++) {
      const value = fakeValue(pet, schemas, seed) as Record<string, unknown>;
      expect(checkValue(value, pet, schemas), `seed ${seed}: ${JSON.stringify(value)}`).toEqual([]);
      for (const required of ["id", "kind", "name", "born"]) expect(value[required]).toBeDefined();
      expect(value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(value.born).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(value.seen as string))).toBe(false);
      expect(value.tag).toMatch(/^[A-Z]{3}-\d{4}$/);
    }
  });

  it("sets the discriminator to the value mapped to the schema it made, and makes each mapped schema", () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const value = fakeValue(pet, schemas, seed) as Record<string, unknown>;
      kinds.add(value.kind as string);
      if (value.kind === "cat") expect(value.lives).toBeGreaterThanOrEqual(1);
      else {
        expect(value.kind).toBe("dog");
        expect(["small", "large"]).toContain(value.size);
        expect((value.weight as number) > 0 && (value.weight as number) <= 80 && Number.isInteger((value.weight as number) * 2)).toBe(true);
      }
    }
    expect([...kinds].sort()).toEqual(["cat", "dog"]);
  });

  it("ends on a recursive schema", () => {
    let depth = 0;
    for (let node = fakeValue(pet, schemas, 3) as Record<string, unknown> | null; node !== null && node !== undefined; node = node.parent as Record<string, unknown> | null) depth++;
    expect(depth).toBeGreaterThan(0);
    expect(depth).toBeLessThan(10);
  });

  it("answers with the spec's example where there is one", () => {
    expect(fakeValue({ type: "ref", ref: "Owner" }, schemas, 5)).toEqual({ name: "Ada" });
    expect((fakeValue({ type: "ref", ref: "Problem" }, schemas, 5) as { correlationId: string }).correlationId).toBe("c0ffee");
  });

  it("generates every value, examples aside, when asked to (a paged list's distinct items)", () => {
    const made = Array.from({ length: 10 }, (_, seed) => fakeValue({ type: "ref", ref: "Problem" }, schemas, seed, { examples: false }) as { correlationId: string });
    expect(new Set(made.map((p) => p.correlationId)).size).toBeGreaterThan(5);
    expect(made.every((p) => p.correlationId !== "c0ffee")).toBe(true);
    // An example still stands in for a pattern too complex to generate from.
    expect(fakeValue({ type: "string", pattern: "^(a|b)$", example: "a" }, {}, 1, { examples: false })).toBe("a");
  });

  it("keeps integer and number bounds, exclusive ones too", () => {
    const shape: Shape = { type: "integer", exclusiveMinimum: 10, exclusiveMaximum: 13 };
    const seen = new Set(Array.from({ length: 40 }, (_, seed) => fakeValue(shape, {}, seed)));
    expect([...seen].sort()).toEqual([11, 12]);
    expect(fakeValue({ type: "string", const: "fixed" }, {}, 1)).toBe("fixed");
    expect(fakeValue({ type: "integer", enum: [3] }, {}, 1)).toBe(3);
    const array = fakeValue({ type: "array", items: { type: "integer" }, minItems: 4, maxItems: 4 }, {}, 1);
    expect(array).toHaveLength(4);
  });

  it("makes builders' data with overrides laid over it", () => {
    const dog = fakeSchema(schemas, "Dog", { seed: 4, overrides: { name: "Rex" } }) as Record<string, unknown>;
    expect(dog.name).toBe("Rex");
    expect(checkValue(dog, { type: "ref", ref: "Dog" }, schemas)).toEqual([]);
    expect(fakeSchema(schemas, "Dog", { seed: 4 })).toEqual(fakeSchema(schemas, "Dog", { seed: 4 }));
  });
});

describe("fromPattern", () => {
  it("makes strings matching simple patterns and gives up on others", () => {
    const random = seeded(1);
    for (const pattern of ["^[a-z0-9_-]{3,8}$", "^\\d{5}$", "^GB\\d{9}$", "^[A-F]+\\.x?$"]) {
      for (let i = 0; i < 20; i++) expect(fromPattern(pattern, random)).toMatch(new RegExp(pattern));
    }
    expect(fromPattern("^(cat|dog)$", random)).toBeUndefined();
    expect(fromPattern("^[^a]+$", random)).toBeUndefined();
  });
});

describe("checkValue", () => {
  it("names each problem with its JSON pointer", () => {
    const problems = checkValue({ kind: "dog", id: "nope", name: 12, born: "2020-01-01", size: "huge", weight: 0 }, pet, schemas);
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: "/id", message: "expected string (uuid), got string" },
        { pointer: "/name", message: "expected string, got integer" },
        { pointer: "/size", message: 'expected one of "small", "large", got string' },
        { pointer: "/weight", message: "expected number > 0, got integer" },
      ]),
    );
    expect(checkValue({ name: "Tom" }, { type: "ref", ref: "NewPet" }, schemas)).toEqual([{ pointer: "/kind", message: "a required property is missing" }]);
    expect(checkValue({ name: "Tom", kind: "cat", extra: 1 }, { type: "ref", ref: "NewPet" }, schemas)).toEqual([]);
  });
});
