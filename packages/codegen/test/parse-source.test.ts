import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { countJsonMembers, countMembers, parseSource } from "../src/load/parse-source.js";
import { FIXTURES, REPO_ROOT } from "./helpers.js";

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

describe("parseSource on YAML (js-yaml with yaml's core schema, yaml as the fallback)", () => {
  it.each([
    "a: 007\nb: 0o17\nc: 0x1F\nd: -12\ne: +3\n",
    "a: 0b101\nb: -0x1F\nc: +0o7\nd: 1_000\n",
    "a: 1.5\nb: -.5\nc: .5\nd: 1e3\ne: 2.E-2\nf: 1.\ng: .inf\nh: -.Inf\ni: .NaN\nj: +.INF\n",
    "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: False\nh: TRUE\ni: yes\nj: off\nk: 2020-01-01\n",
    "a: &x { k: 1 }\nb: *x\nc: [*x]\n<<: { m: 2 }\n",
    "~: nothing\nb: 1\n",
    "- null: again\n",
    "? [a, b]\n: complex\n",
    "%YAML 1.1\n---\na: yes\nb: 0b11\n",
    "text: |\n  two\n  lines\nfolded: >-\n  one\n  line\nquoted: \"a\\tb\"\nsingle: 'it''s'\n",
    "200: ok\n404: missing\n1.0: one\ntrue: yes\n",
  ])("reads %j as yaml does", (source) => {
    expect(parseSource("spec.yaml", source)).toEqual(parseDocument(source, { uniqueKeys: true }).toJS({ maxAliasCount: 1000 }));
  });

  it("refuses a key written twice, with its line, as yaml does", () => {
    expect(() => parseSource("spec.yaml", "info:\n  title: a\n  title: b\n")).toThrow(/spec\.yaml: line 3, column 3: invalid YAML: Map keys must be unique/);
  });

  it("reads every spec of the repository as yaml does", async () => {
    const specs = [
      ...(await readdir(FIXTURES)).filter((f) => f.endsWith(".yaml")).map((f) => join(FIXTURES, f)),
      join(REPO_ROOT, "openapi/common.yaml"),
      join(REPO_ROOT, "openapi/sync-commerce.yaml"),
    ];
    for (const spec of specs) {
      const source = await readFile(spec, "utf8");
      expect(parseSource(spec, source), spec).toEqual(parseDocument(source, { uniqueKeys: true }).toJS({ maxAliasCount: 1000 }));
    }
  });
});
