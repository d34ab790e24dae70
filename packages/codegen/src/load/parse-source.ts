/**
 * Spec text → plain JSON value. JSON goes through `JSON.parse`, which builds no syntax
 * tree (on a 13 MB spec, yaml's parseDocument took seconds and most of the memory); YAML,
 * and JSON that `JSON.parse` refuses or that repeats a key in an object, go through yaml,
 * which reports the problem with its line and column.
 */
import { parseDocument } from "yaml";
import { CodegenError } from "../errors.js";

export function parseSource(file: string, source: string): unknown {
  if (/^\s*[{[]/.test(source)) {
    const json = parseJson(source);
    // JSON.parse keeps the last of two equal keys silently; yaml refuses them, located.
    if (json.ok && countMembers(json.value) === countJsonMembers(source)) return json.value;
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
