/**
 * The names the bundler gives what it copies from other files into `components`.
 *
 * The rule (documented in the package README of codegen, ARCHITECTURE.md and tested in
 * test/bundle.test.ts):
 * 1. A root component that is only a `$ref` to another file gives its name to what it refers to.
 * 2. Anything else keeps the name it has where it is defined: its key, when the pointer ends
 *    at a component or at a key of the file's top level (`errors.yaml#/components/schemas/Error`
 *    → `Error`, `parameters.yaml#/vehicleId` → `vehicleId`); the keys of a deeper pointer,
 *    pascal-cased (`depot.yaml#/properties/address` → `Address`); the file's name, pascal-cased,
 *    when the whole file is referenced (`models/vehicle-page.yaml` → `VehiclePage`).
 * 3. When two different definitions want one name (or the root file already uses it), each
 *    of them is prefixed with its file's name, then as many of its folders as it takes to tell
 *    them apart, the whole pascal-cased (`ErrorsError`, `BillingErrorsError`;
 *    `apps/parameters.yaml#/app_id` → `AppsParametersAppId`); a number is the last resort.
 * The names depend only on the set of definitions, not on the order the spec mentions them.
 */
import { posix } from "node:path";
import { pascalCase } from "./naming.js";

/** Something the bundler copies into `components/<section>`. */
export interface BundleTarget {
  /** `components` section. */
  readonly section: string;
  /** The file, relative to the root file's folder, with `/` separators. */
  readonly file: string;
  /** JSON pointer inside the file, without `#` (`""` for the whole file). */
  readonly pointer: string;
  /** The root component's name when the root's component is only a `$ref` to this (rule 1). */
  readonly fixedName?: string;
}

/** Keys of components that say nothing about the definition. */
const NOISE = new Set(["components", "schemas", "parameters", "responses", "requestBodies", "headers", "examples", "links", "callbacks", "securitySchemes", "pathItems", "properties", "items", "definitions", "$defs", "schema", "content"]);

/** One name per target (by `targetKey`), none of them in `taken` (the root's own, per section). */
export function nameTargets(targets: readonly BundleTarget[], taken: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string> {
  const names = new Map<string, string>();
  const bySection = new Map<string, BundleTarget[]>();
  for (const t of targets) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t]);
  for (const [section, list] of bySection) {
    const used = new Set(taken.get(section) ?? []);
    for (const t of list) if (t.fixedName !== undefined) names.set(targetKey(t), t.fixedName);
    const groups = new Map<string, BundleTarget[]>();
    for (const t of list.filter((t) => !names.has(targetKey(t))).sort((a, b) => compare(targetKey(a), targetKey(b)))) {
      const base = baseName(t);
      groups.set(base, [...(groups.get(base) ?? []), t]);
    }
    // Bare names first, so a qualified name never takes one a definition wants as it is.
    for (const [base, group] of groups) {
      if (group.length === 1 && !used.has(base)) {
        names.set(targetKey(group[0]!), base);
        used.add(base);
      }
    }
    for (const [base, group] of groups) {
      if (group.length === 1 && names.has(targetKey(group[0]!))) continue;
      for (const [key, name] of qualify(base, group, used)) {
        names.set(key, name);
        used.add(name);
      }
    }
  }
  return names;
}

/** What the names are keyed by: the section, the file and the pointer. */
export function targetKey(t: Pick<BundleTarget, "section" | "file" | "pointer">): string {
  return `${t.section} ${t.file}#${t.pointer}`;
}

/** The name a definition has where it is written (rule 2), made a valid component key. */
export function baseName(t: Pick<BundleTarget, "file" | "pointer">): string {
  const keys = pointerKeys(t.pointer);
  if (keys.length === 1 || (keys.length === 3 && keys[0] === "components")) return componentKey(keys.at(-1)!);
  const meaningful = keys.filter((k) => !NOISE.has(k));
  return componentKey(pascalCase(meaningful.length > 0 ? meaningful.join("-") : fileStem(t.file)));
}

/** Rule 3: the shortest qualification by file and folders that tells the group apart. */
function qualify(base: string, group: readonly BundleTarget[], used: ReadonlySet<string>): [string, string][] {
  const qualifiers = group.map((t) => [...folders(t.file), fileStem(t.file)]);
  const deepest = Math.max(...qualifiers.map((q) => q.length));
  for (let depth = 1; depth <= deepest; depth++) {
    const names = qualifiers.map((q) => componentKey(pascalCase([...q.slice(-depth), base].join("-"))));
    if (new Set(names).size === names.length && names.every((n) => !used.has(n))) return group.map((t, i) => [targetKey(t), names[i]!]);
  }
  const taken = new Set(used);
  return group.map((t, i) => {
    const stem = componentKey(pascalCase([...qualifiers[i]!, base].join("-")));
    let name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}${n}`;
    taken.add(name);
    return [targetKey(t), name];
  });
}

function pointerKeys(pointer: string): string[] {
  return pointer.split("/").slice(1).map((s) => decode(s).replaceAll("~1", "/").replaceAll("~0", "~"));
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fileStem(file: string): string {
  return posix.basename(file).replace(/\.(ya?ml|json)$/i, "");
}

function folders(file: string): string[] {
  return posix.dirname(file).split("/").filter((s) => s !== "." && s !== ".." && s !== "");
}

/** Component keys match `^[a-zA-Z0-9.\-_]+$`. */
function componentKey(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_") || "_";
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
