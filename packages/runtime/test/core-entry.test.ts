/**
 * The core entry (`@x/runtime/core`, src/core-entry.ts) is what generated SDKs import, so every
 * file it reaches through static imports is in the eager bytes of each application built on an
 * SDK: a lazy module (loaded by a dynamic `import()`) is only lazy if no such file imports it
 * statically, and the standalone retry helpers stay out of it (the main entry adds them).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** The run-time imports of a source file (`import type` and `export type` left out; `import()` is not static). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, "utf8");
  const specifiers = [...code.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;"]*?\sfrom\s*)?"(\.{1,2}\/[^"]+)"/gm)].map((m) => m[1]!);
  return specifiers.map((s) => {
    const path = resolve(dirname(file), s.replace(/\.js$/, ".ts"));
    return existsSync(path) ? path : resolve(dirname(file), s.replace(/\.js$/, ""), "index.ts");
  });
}

/** Each file the entry reaches statically, with the file that first imports it. */
function staticGraph(entry: string): Map<string, string> {
  const from = new Map<string, string>([[entry, ""]]);
  for (const file of from.keys()) for (const imported of staticImports(file)) if (!from.has(imported)) from.set(imported, file);
  return from;
}

const rel = (file: string) => relative(SRC, file);

describe("the core entry's static module graph", () => {
  const graph = staticGraph(resolve(SRC, "core-entry.ts"));
  const files = [...graph.keys()].map(rel);

  it("is read from the sources (the reader finds the core and the error classes)", () => {
    expect(files).toEqual(expect.arrayContaining(["core-entry.ts", "core.ts", "errors.ts", "features.ts", "retry/fetch.ts", "api-promise.ts"]));
  });

  it("reaches no lazy module: failure, scrub, pagination, tracing, the debug log, the validators, the test kit", () => {
    const lazy = files.filter((f) => /^(failure|scrub|pagination)\.ts$|^tracing\/index\.ts$|^retry\/log\.ts$|^validation\/(?!contract\.ts$)|^testing\//.test(f));
    expect(lazy.map((f) => `${f} (imported by ${rel(graph.get(resolve(SRC, f))!)})`)).toEqual([]);
  });

  it("reaches neither the retry rule, backoff and Retry-After parsing nor the loop's tail: the tail loads them lazily", () => {
    const retryHelpers = ["retry/decision.ts", "retry/rule.ts", "retry/backoff.ts", "retry/retry-after.ts", "retry/tail.ts", "retry/classify.ts"];
    expect(files.filter((f) => retryHelpers.includes(f)).map((f) => `${f} (imported by ${rel(graph.get(resolve(SRC, f))!)})`)).toEqual([]);
    expect(readFileSync(resolve(SRC, "core-entry.ts"), "utf8")).not.toMatch(/retry\/(decision|rule|backoff|retry-after|tail|classify)\.js/);
  });
});
