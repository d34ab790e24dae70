/**
 * The README's fixed prose: Markdown files in fragments/, read from beside this module
 * (codegen runs from its sources), with `{{name}}` placeholders filled in.
 */
import { readFileSync } from "node:fs";

const texts = new Map<string, string>();

/**
 * fragments/`name`.md without its final newline, each `{{key}}` replaced by `values[key]`
 * (inserted as is: a value is never scanned for placeholders). A placeholder without a value,
 * or a value without its placeholder, throws: both are mistakes in the emitter.
 */
export function fragment(name: string, values: Readonly<Record<string, string>> = {}): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./fragments/${name}.md`, import.meta.url), "utf8").replace(/\n$/, "");
    texts.set(name, text);
  }
  const used = new Set<string>();
  const filled = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`README fragment ${name}.md: no value for {{${key}}}`);
    used.add(key);
    return value;
  });
  const unused = Object.keys(values).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`README fragment ${name}.md has no {{${unused.join("}}, {{")}}}`);
  return filled;
}
