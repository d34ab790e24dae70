/**
 * What the generator did instead of something it does not support, or to settle a clash,
 * each with its kind, so a CLI can print one line per kind (see printWarnings).
 */
export type WarningKind =
  | "lint" | "swagger2" | "naming" | "servers" | "security" | "callbacks" | "webhooks"
  | "path-parameters" | "parameters" | "bodies" | "responses" | "discriminators" | "pagination"
  | "tags" | "operations" | "oas32";

export interface Warning {
  readonly kind: WarningKind;
  /** Starts with the JSON pointer of the construct (`lint:` warnings with their line). */
  readonly text: string;
}

export function warning(kind: WarningKind, text: string): Warning {
  return { kind, text };
}

/**
 * The warnings as lines: with `verbose`, every one, grouped under a line per kind; else one
 * line per kind with its count and the first two locations (the whole warning when it is
 * the only one of its kind).
 */
export function warningLines(warnings: readonly Warning[], verbose: boolean): string[] {
  const byKind = new Map<WarningKind, Warning[]>();
  for (const w of warnings) byKind.set(w.kind, [...(byKind.get(w.kind) ?? []), w]);
  return [...byKind].flatMap(([kind, list]) => {
    const head = `${kind}: ${list.length} warning${list.length === 1 ? "" : "s"}`;
    if (verbose) return [`${head}:`, ...list.map((w) => w.text)];
    const where = list.slice(0, 2).map((w) => locationOf(w.text));
    const more = list.length > 2 ? `, and ${list.length - 2} more (--verbose lists every one)` : "";
    return [`${head} (${list.length === 1 ? list[0]!.text : `${where.join(", ")}${more}`})`];
  });
}

/** The pointer (or `lint: line N` location) a warning starts with. */
function locationOf(text: string): string {
  const lint = /^lint: (line \d+)?.*\(at ([^)]*)\)$/.exec(text);
  if (lint) return lint[2]!;
  return text.split(": ")[0]!;
}
