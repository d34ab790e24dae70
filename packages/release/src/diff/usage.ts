/**
 * Which way each component schema's values travel: sent by callers (reached from a
 * parameter or request body), read by them (reached from a response), or both; and
 * which methods reach it, to name them in messages.
 */
import { resolvePointer, type SpecModel } from "@x/codegen";
import { asWritten } from "./as-written.js";
import type { Direction } from "./context.js";
import { componentName, isRecord, type Json } from "./json.js";
import { methodsOf } from "./methods.js";

export interface SchemaUse {
  readonly in: boolean;
  readonly out: boolean;
  readonly methods: Set<string>;
}

export function schemaUsage(model: SpecModel): Map<string, SchemaUse> {
  const usage = new Map<string, SchemaUse>();
  for (const { id, raw, item } of methodsOf(model).values()) {
    const mark = (roots: unknown[], side: "in" | "out") => {
      for (const name of reachable(asWritten(model), roots)) {
        const use = usage.get(name) ?? { in: false, out: false, methods: new Set<string>() };
        usage.set(name, { ...use, [side]: true, methods: use.methods.add(id) });
      }
    };
    mark([item.parameters, raw.parameters, raw.requestBody], "in");
    mark([raw.responses], "out");
  }
  return usage;
}

/** The direction to judge a schema in: every way it is used in either version; unused ones both ways. */
export function directionOf(name: string, ...usages: Map<string, SchemaUse>[]): Direction {
  const uses = usages.map((u) => u.get(name)).filter((u) => u !== undefined);
  const sent = uses.some((u) => u.in);
  const read = uses.some((u) => u.out);
  return sent && !read ? "in" : read && !sent ? "out" : "both";
}

export function methodsUsing(name: string, ...usages: Map<string, SchemaUse>[]): string[] {
  for (const usage of usages) {
    const methods = usage.get(name)?.methods;
    if (methods && methods.size > 0) return [...methods].sort();
  }
  return [];
}

/** Component schema names reached from `roots`, through any `$ref`. */
function reachable(doc: Json, roots: unknown[]): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: unknown, parentKey = ""): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n));
    if (!isRecord(node)) return;
    if (typeof node.$ref === "string" && !seen.has(node.$ref)) {
      seen.add(node.$ref);
      const name = componentName(node);
      if (name !== undefined) names.add(name);
      walk(resolvePointer(doc, node.$ref));
    }
    // Example values are data, not schemas; under `properties` every key is a property name.
    for (const [key, value] of Object.entries(node)) if (parentKey === "properties" || (key !== "examples" && key !== "example")) walk(value, key);
  };
  roots.forEach((r) => walk(r));
  return names;
}
