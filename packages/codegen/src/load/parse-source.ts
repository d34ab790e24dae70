/**
 * Spec text → plain JSON value, the way yaml (YAML 1.2, core schema, unique keys) reads it,
 * but quickly. JSON goes through `JSON.parse` and YAML through js-yaml with the core
 * schema's exact scalar rules: neither builds yaml's syntax tree, which took seconds and
 * most of the memory on a 13 MB spec, and js-yaml is about ten times yaml's speed. Whatever
 * the fast path refuses or might read differently (a syntax error, a key written twice, a
 * `%YAML` directive, a null or complex key) goes through yaml, which reports problems with
 * their line and column.
 */
import { createRequire } from "node:module";
import { parseDocument } from "yaml";
import { CodegenError } from "../errors.js";

interface JsYaml {
  load(source: string, options: { schema: unknown; json: false }): unknown;
  Type: new (tag: string, options: { kind: "scalar"; resolve(data: string | null): boolean; construct(data: string): unknown }) => unknown;
  FAILSAFE_SCHEMA: { extend(types: { implicit: unknown[] }): unknown };
  types: { null: unknown; bool: unknown };
}

const jsYaml = createRequire(import.meta.url)("js-yaml") as JsYaml;

/** YAML 1.2's core schema as yaml applies it (yaml/dist/schema/core): js-yaml's null and bool match it; its int and float accept more (0b…, -0x…, 1_000) or less (-.5). */
const CORE_INT = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

const CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    jsYaml.types.null,
    jsYaml.types.bool,
    new jsYaml.Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (data) => data !== null && CORE_INT.test(data),
      construct: (data) => (data.startsWith("0o") ? parseInt(data.slice(2), 8) : data.startsWith("0x") ? parseInt(data.slice(2), 16) : parseInt(data, 10)),
    }),
    new jsYaml.Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (data) => data !== null && CORE_FLOAT.test(data),
      construct: (data) => (/nan$/i.test(data) ? NaN : /inf$/i.test(data) ? (data.startsWith("-") ? -Infinity : Infinity) : parseFloat(data)),
    }),
  ],
});

/**
 * What js-yaml turns into a different key than yaml does: a null key (`~:`, `null:`; yaml
 * makes it "") and a complex key (`? `), and a `%YAML` directive (1.1 has other scalars).
 */
const YAML_ONLY = /^%YAML|^[\t ]*(?:- +)*(?:(?:~|null|Null|NULL)[\t ]*:(?:[\t ]|$)|\?(?:[\t ]|$))/m;

export function parseSource(file: string, source: string): unknown {
  if (/^\s*[{[]/.test(source)) {
    const json = parseJson(source);
    // JSON.parse keeps the last of two equal keys silently; yaml refuses them, located.
    if (json.ok && countMembers(json.value) === countJsonMembers(source)) return json.value;
  } else if (!YAML_ONLY.test(source)) {
    try {
      // Throws on a key written twice in a mapping, as yaml's uniqueKeys does.
      return jsYaml.load(source, { schema: CORE_SCHEMA, json: false }) ?? null;
    } catch {
      // yaml reads it (or locates its problem) below.
    }
  }
  return parseYaml(file, source);
}

function parseJson(source: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    return { ok: false };
  }
}

function parseYaml(file: string, source: string): unknown {
  const yaml = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (yaml.errors.length > 0) {
    throw new CodegenError(
      file,
      yaml.errors.map((e) => {
        const at = e.linePos?.[0];
        const what = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        return `${at ? `line ${at.line}, column ${at.col}: ` : ""}invalid YAML: ${what}`;
      }),
    );
  }
  return yaml.toJS({ maxAliasCount: 1000 });
}

/** How many object members a parsed value holds, at every depth. */
export function countMembers(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else {
      for (const key in node) {
        count++;
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return count;
}

/**
 * How many object members valid JSON text writes: one `:` outside strings each. More
 * than `countMembers` of its parse means a key was written twice.
 */
export function countJsonMembers(source: string): number {
  let count = 0;
  let i = 0;
  for (;;) {
    const quote = source.indexOf('"', i);
    const stop = quote === -1 ? source.length : quote;
    for (let colon = source.indexOf(":", i); colon !== -1 && colon < stop; colon = source.indexOf(":", colon + 1)) count++;
    if (quote === -1) return count;
    // Skip the string: its closing quote is the next one not escaped by an odd run of backslashes.
    let end = quote + 1;
    for (;;) {
      end = source.indexOf('"', end);
      let backslashes = 0;
      while (source.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
      end++;
    }
    i = end + 1;
  }
}
