/** The response validator (src/validation): what is an issue, what is drift, and where each issue points. */
import { describe, expect, it } from "vitest";
import type { Shape, Shapes } from "../src/shape.js";
import { matchesFormat, responseValidator, validate } from "../src/validation/index.js";

const shapes: Shapes = {
  schemas: {
    Connection: {
      type: "object",
      required: ["id", "status", "created"],
      properties: {
        id: { type: "string", format: "uuid" },
        status: { type: "string", enum: ["Linked", "Unlinked"] },
        created: { type: "string", format: "date-time" },
        retries: { type: "integer", minimum: 1, maximum: 5 },
        name: { type: "string", minLength: 2, maxLength: 5, pattern: "^[a-z]+$" },
        parent: { type: "ref", ref: "Connection", nullable: true },
        tags: { type: "array", items: { type: "string" }, maxItems: 2, uniqueItems: true },
        link: { type: "string", format: "uri" },
        kind: { type: "string", const: "connection" },
      },
    },
    Cat: { type: "object", required: ["pet", "lives"], properties: { pet: { type: "string" }, lives: { type: "integer" } } },
    Dog: { type: "object", required: ["pet", "bark"], properties: { pet: { type: "string" }, bark: { type: "boolean" } } },
    Pet: { type: "oneOf", of: [{ type: "ref", ref: "Cat" }, { type: "ref", ref: "Dog" }], discriminator: { propertyName: "pet", mapping: { cat: "Cat", dog: "Dog" } } },
    // A cycle that consumes no data: A is B, B is A.
    A: { type: "ref", ref: "B" },
    B: { type: "allOf", of: [{ type: "ref", ref: "A" }, { type: "object", required: ["x"] }] },
  },
  operations: {
    "get-connection": { method: "GET", path: "/c", response: { status: "200", mediaType: "application/json", shape: { type: "ref", ref: "Connection" } } },
    "list-any": { method: "GET", path: "/l", response: { status: "2XX", mediaType: "application/json", shape: { type: "array" } } },
    "no-body": { method: "DELETE", path: "/d", response: { status: "204" } },
  },
};

const good = { id: "2e9d2c44-f675-40ba-8049-353bfcb5e171", status: "Linked", created: "2022-10-27T09:53:29Z" };
const ref = (name: string): Shape => ({ type: "ref", ref: name });

describe("validate", () => {
  it("passes a body that matches", () => {
    expect(validate(ref("Connection"), { ...good, retries: 3, name: "abc", parent: { ...good, parent: null }, tags: ["a"], link: "https://x.io/a" }, shapes)).toEqual([]);
  });

  it("reports a missing required property, a wrong type and a bad date-time, each with its pointer", () => {
    const { id: _id, ...noId } = good;
    expect(validate(ref("Connection"), { ...noId, status: 7, created: "27/10/2022" }, shapes)).toEqual([
      { pointer: "/id", expected: "required property" },
      { pointer: "/status", expected: "string", received: "integer 7" },
      { pointer: "/created", expected: "string (date-time)", received: 'string "27/10/2022"' },
    ]);
  });

  it("tolerates drift: unknown properties, enum values and a const the spec does not list", () => {
    expect(validate(ref("Connection"), { ...good, status: "Deauthorized", brandNew: { deep: [1] }, kind: "other" }, shapes)).toEqual([]);
    const closed: Shape = { type: "object", properties: { a: { type: "string" } }, additionalProperties: false };
    expect(validate(closed, { a: "x", b: 1 }, shapes)).toEqual([]);
  });

  it("checks numeric bounds, string lengths and patterns, array bounds and uniqueness, deep in the body", () => {
    const issues = validate(ref("Connection"), { ...good, retries: 0, name: "ABCDEFG", tags: ["a", "a", "b"], parent: { ...good, retries: 2.5 } }, shapes);
    expect(issues.map((i) => [i.pointer, i.expected])).toEqual([
      ["/retries", "integer ≥ 1"],
      ["/name", "string of at most 5 characters"],
      ["/name", "string matching /^[a-z]+$/"],
      ["/tags", "array of at most 2 items"],
      ["/tags", "array of unique items"],
      ["/parent/retries", "integer"],
    ]);
  });

  it("accepts null only where the schema is nullable", () => {
    expect(validate(ref("Connection"), { ...good, parent: null }, shapes)).toEqual([]);
    expect(validate(ref("Connection"), { ...good, created: null }, shapes)).toEqual([{ pointer: "/created", expected: "string (date-time)", received: "null" }]);
    expect(validate({ type: "string", nullable: true }, null, shapes)).toEqual([]);
  });

  it("checks a discriminated union against the mapped branch, and lets a new variant through", () => {
    expect(validate(ref("Pet"), { pet: "cat", lives: 9 }, shapes)).toEqual([]);
    expect(validate(ref("Pet"), { pet: "dog", lives: 9 }, shapes)).toEqual([{ pointer: "/bark", expected: "required property" }]);
    expect(validate(ref("Pet"), { pet: "parrot", words: 12 }, shapes)).toEqual([]);
  });

  it("passes a union when any branch passes, else reports the closest branch or the union", () => {
    const union: Shape = { type: "anyOf", of: [{ type: "string", format: "date" }, { type: "object", required: ["a"] }] };
    expect(validate(union, "2024-02-29", shapes)).toEqual([]);
    expect(validate(union, { a: 1 }, shapes)).toEqual([]);
    expect(validate(union, { b: 1 }, shapes)).toEqual([{ pointer: "/a", expected: "required property" }]);
    expect(validate(union, true, shapes)).toEqual([{ pointer: "", expected: "string (date) or object", received: "boolean true" }]);
  });

  it("checks every branch of an allOf", () => {
    const all: Shape = { type: "allOf", of: [ref("Cat"), { type: "object", properties: { lives: { type: "integer", maximum: 9 } } }] };
    expect(validate(all, { pet: "cat", lives: 10 }, shapes)).toEqual([{ pointer: "/lives", expected: "integer ≤ 9", received: "integer 10" }]);
  });

  it("ends on a $ref cycle, and checks nothing for a $ref to no schema or a pattern that does not compile", () => {
    expect(validate(ref("A"), { y: 1 }, shapes)).toEqual([{ pointer: "/x", expected: "required property" }]);
    expect(validate(ref("Missing"), 42, shapes)).toEqual([]);
    expect(() => validate({ type: "string", pattern: "([a-z" }, "abc", shapes)).not.toThrow();
    expect(validate({ type: "string", pattern: "([a-z" }, "abc", shapes)).toEqual([]);
  });

  it("escapes pointer segments (RFC 6901) and validates a map's values", () => {
    const map: Shape = { type: "object", additionalProperties: { type: "integer" } };
    expect(validate(map, { "a/b~c": "x", ok: 1 }, shapes)).toEqual([{ pointer: "/a~1b~0c", expected: "integer", received: 'string "x"' }]);
  });

  it("quotes at most the start of a received string", () => {
    const [issue] = validate({ type: "string", format: "uuid" }, "x".repeat(500), shapes);
    expect(issue!.received!.length).toBeLessThan(60);
  });
});

describe("formats", () => {
  it.each([
    ["date-time", "2022-10-27T10:22:43.6464237Z", true],
    ["date-time", "2022-10-27T10:22:43+01:00", true],
    ["date-time", "2022-10-27T10:22:43", false],
    ["date-time", "2022-02-30T10:22:43Z", false],
    ["date", "2024-02-29", true],
    ["date", "2023-02-29", false],
    ["uuid", "2e9d2c44-f675-40ba-8049-353bfcb5e171", true],
    ["uuid", "2e9d2c44", false],
    ["email", "a@b.io", true],
    ["email", "a b@c", false],
    ["uri", "https://api.codat.io/x?y=1", true],
    ["uri", "not a uri", false],
    ["ipv4", "10.0.0.1", true],
    ["ipv4", "10.0.0.256", false],
    ["x-unknown-format", "anything", true],
  ])("%s %s → %s", (format, value, ok) => {
    expect(matchesFormat(format, value)).toBe(ok);
  });
});

describe("responseValidator", () => {
  const check = responseValidator(shapes);
  it("checks the operation's documented 2xx (exactly, or in its range), and nothing else", () => {
    expect(check("get-connection", 200, {})).toHaveLength(3);
    expect(check("get-connection", 201, {})).toBeUndefined();
    expect(check("list-any", 206, {})).toEqual([{ pointer: "", expected: "array", received: "object" }]);
    expect(check("no-body", 204, undefined)).toBeUndefined();
    expect(check("not-an-operation", 200, {})).toBeUndefined();
  });
});
