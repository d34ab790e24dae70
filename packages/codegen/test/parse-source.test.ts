import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { countJsonMembers, countMembers, parseSource } from "../src/load/parse-source.js";
import { FIXTURES } from "./helpers.js";

describe("parseSource", () => {
  it("reads JSON and YAML to the same value yaml gives", async () => {
    const yaml = await readFile(join(FIXTURES, "quirks.yaml"), "utf8");
    const value = parse(yaml);
    expect(parseSource("quirks.yaml", yaml)).toEqual(value);
    expect(parseSource("quirks.json", JSON.stringify(value, null, 2))).toEqual(value);
    expect(parseSource("quirks.json", JSON.stringify(value))).toEqual(value);
  });

  it("refuses a JSON key written twice in one object, with its line, as it does in YAML", () => {
    const json = '{\n  "openapi": "3.0.3",\n  "info": {\n    "title": "a",\n    "title": "b"\n  }\n}\n';
    expect(() => parseSource("spec.json", json)).toThrow(/spec\.json: (.|\n)*line 5, column 5: invalid YAML: Map keys must be unique/);
    // The same key in two objects is fine.
    expect(parseSource("spec.json", '{"a": {"title": "x"}, "b": {"title": "y"}}')).toEqual({ a: { title: "x" }, b: { title: "y" } });
  });

  it("locates a JSON syntax error", () => {
    expect(() => parseSource("spec.json", '{\n  "openapi": "3.0.3",\n  "info": [1, 2\n}\n')).toThrow(/spec\.json: (.|\n)*line \d+, column \d+: invalid YAML/);
  });

  it("reads a document that starts with { but is YAML, not JSON", () => {
    expect(parseSource("spec.yaml", "{ openapi: 3.1.0, info: { title: t } }\n")).toEqual({ openapi: "3.1.0", info: { title: "t" } });
  });
});

describe("countJsonMembers", () => {
  it.each([
    { json: "{}", want: 0 },
    { json: '{"a": 1, "b": {"c": [1, {"d": null}]}}', want: 4 },
    { json: '{"a:b": "x: \\"y\\": z", "c\\\\": ":"}', want: 2 },
    { json: '[{"a": "\\\\"}, {"b": "\\\\\\":"}]', want: 2 },
  ])("counts the members $json writes", ({ json, want }) => {
    expect(countJsonMembers(json)).toBe(want);
    expect(countMembers(JSON.parse(json))).toBe(want);
  });
});
