/**
 * A spec written as many files (a root with relative `$ref`s to files in nested folders,
 * which refer to others) → one self-contained document.
 *
 * Each `$ref` to another file is resolved against the file that writes it. What it points at
 * is copied into the root's `components`, in the section its place calls for (a schema, a
 * parameter, a response…; see object-kinds.ts), under a name settled by bundle-names.ts, and
 * the `$ref` becomes local. What has no component section (a path item, an operation) is
 * copied in place, and so is what a vendor extension (`x-codeSamples`) or an example refers
 * to. A discriminator's mapping to another file names the bundled schema. A `$ref` back into
 * the root file becomes a local one. Remote (http) refs are left as written.
 *
 * Every `$ref` that leads nowhere (a missing file, a pointer into nothing, a cycle of inlined
 * objects) is a problem naming the file that writes it and the `$ref`'s JSON pointer there;
 * nothing is returned unless all resolve.
 */
import { readFileSync, realpathSync } from "node:fs";
import { dirname, extname, relative, resolve, sep } from "node:path";
import { stringify } from "yaml";
import { CodegenError, pointer as pointerOf } from "../errors.js";
import { isRecord } from "./json.js";
import { arrayKind, childKind, componentSection, type ObjectKind } from "./object-kinds.js";
import { nameTargets, targetKey, type BundleTarget } from "./bundle-names.js";
import { parseSource } from "./parse-source.js";
import { resolvePointer, someRef } from "./refs.js";

export interface Bundle {
  readonly document: Record<string, unknown>;
  /** Every file read, relative to the root file's folder (`/` separators), the root first. */
  readonly files: readonly string[];
}

/** Whether the document refers to other files (a `$ref` neither local nor a URL). */
export function hasFileRefs(document: unknown): boolean {
  return someRef(document, (ref) => !ref.startsWith("#") && !isUrl(ref));
}

/**
 * The spec at `absolutePath` as one document's text (YAML, or JSON when `format` or the
 * root's extension says so), and the files it was made of. A spec that refers to no other
 * file is returned as written (`bundled: false`): its comments and formatting are kept.
 */
export function bundleSpecFile(file: string, absolutePath: string, format?: "yaml" | "json"): { readonly text: string; readonly files: readonly string[]; readonly bundled: boolean } {
  let source: string;
  try {
    source = readFileSync(absolutePath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodegenError(file, [code === "ENOENT" ? "file not found" : `cannot read: ${(error as Error).message}`]);
  }
  const root = parseSource(file, source);
  if (!isRecord(root) || !hasFileRefs(root)) return { text: source, files: [file], bundled: false };
  const { document, files } = bundleDocument(file, absolutePath, root);
  const json = (format ?? (extname(absolutePath).toLowerCase() === ".json" ? "json" : "yaml")) === "json";
  // No anchors: a definition used twice is written twice, as the spec's own readers expect.
  const text = json ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
  return { text, files, bundled: true };
}

/** `root` is the parsed root file; `file` names it in messages, `absolutePath` is where it is (a symlink is followed). */
export function bundleDocument(file: string, absolutePath: string, root: Record<string, unknown>): Bundle {
  return new Bundler(file, absolutePath, root).run();
}

interface Found extends BundleTarget {
  readonly abs: string;
  readonly kind: ObjectKind;
  readonly node: unknown;
}

type Replacement = { readonly ref: string } | { readonly inline: unknown };

class Bundler {
  private readonly rootAbs: string;
  private readonly rootDir: string;
  private readonly docs = new Map<string, unknown>();
  private readonly problems: string[] = [];
  private readonly found = new Map<string, Found>();
  private names: Map<string, string> | undefined;

  constructor(private readonly file: string, absolutePath: string, private readonly root: Record<string, unknown>) {
    this.rootAbs = realpathSync(absolutePath);
    this.rootDir = dirname(this.rootAbs);
    this.docs.set(this.rootAbs, root);
  }

  run(): Bundle {
    this.visit(this.root, this.rootAbs, [], "document", []);
    if (this.problems.length > 0) throw new CodegenError(this.file, this.problems);
    const fixed = this.rootAliases();
    const targets = [...this.found.values()].map((t) => ({ ...t, ...(fixed.has(targetKey(t)) ? { fixedName: fixed.get(targetKey(t))! } : {}) }));
    this.names = nameTargets(targets, this.rootComponentNames());
    const names = this.names;
    const document = this.visit(this.root, this.rootAbs, [], "document", []) as Record<string, unknown>;
    const components = (isRecord(document.components) ? document.components : (document.components = {})) as Record<string, Record<string, unknown>>;
    for (const t of targets) {
      const section = (components[t.section] ??= {});
      section[names.get(targetKey(t))!] = this.visit(t.node, t.abs, segments(t.pointer), t.kind, []);
    }
    return { document, files: [...this.docs.keys()].map((abs) => this.display(abs)) };
  }

  /** A copy of `node` (of kind `kind`, at `at` in the file `abs`) with every `$ref` settled. */
  private visit(node: unknown, abs: string, at: readonly string[], kind: ObjectKind, inlining: readonly string[]): unknown {
    if (kind === "literal") return hasFileRefs(node) ? this.visitData(node, abs, at, inlining) : node;
    if (Array.isArray(node)) {
      const elements = arrayKind(kind);
      return node.map((value, i) => this.visit(value, abs, [...at, String(i)], childKind(elements, String(i)), inlining));
    }
    if (!isRecord(node)) return node;
    if (kind === "mapping") return this.visitMapping(node, abs, at, inlining);
    const ref = typeof node.$ref === "string" ? this.resolveRef(node.$ref, abs, at, kind, inlining) : undefined;
    const out: Record<string, unknown> = ref && "ref" in ref ? { $ref: ref.ref } : {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && ref !== undefined) continue;
      out[key] = this.visit(value, abs, [...at, key], childKind(kind, key), inlining);
    }
    if (ref && "inline" in ref) return isRecord(ref.inline) ? { ...ref.inline, ...out } : ref.inline;
    return out;
  }

  /**
   * A discriminator's mapping: a value that is a reference (to another file, or local to a file
   * other than the root) leads to a schema like a `$ref` does; a schema's name stays.
   */
  private visitMapping(node: Record<string, unknown>, abs: string, at: readonly string[], inlining: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const isRef = typeof value === "string" && !isUrl(value) && (value.startsWith("#") ? abs !== this.rootAbs : /#|\.(ya?ml|json)$/i.test(value));
      const settled = isRef ? this.resolveRef(value, abs, at, "schema", inlining, [...at, key]) : undefined;
      out[key] = settled && "ref" in settled ? settled.ref : value;
    }
    return out;
  }

  /**
   * A value taken as written (an example): a `$ref` in it is data to OpenAPI, but authors
   * mean the file it names (Redocly, openapi-typescript and documentation tools resolve it),
   * so it is copied in place, and one that leads nowhere is a problem like any other.
   */
  private visitData(node: unknown, abs: string, at: readonly string[], inlining: readonly string[]): unknown {
    if (Array.isArray(node)) return node.map((value, i) => this.visitData(value, abs, [...at, String(i)], inlining));
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = key === "$ref" ? value : this.visitData(value, abs, [...at, key], inlining);
    const ref = node.$ref;
    if (typeof ref !== "string" || ref.startsWith("#") || isUrl(ref)) return out;
    const found = this.target(ref, abs, [...at, "$ref"]);
    if (found === undefined) return out;
    const key = `${found.abs}#${found.fragment}`;
    if (inlining.includes(key)) {
      this.problems.push(`${found.where}: a cycle of references (${[...inlining, key].map((k) => this.display(k)).join(" → ")})`);
      return out;
    }
    const { $ref: _, ...siblings } = out;
    const inlined = this.visitData(found.node, found.abs, segments(found.fragment), [...inlining, key]);
    return isRecord(inlined) ? { ...inlined, ...siblings } : inlined;
  }

  /** What `ref`, written at `at` in `abs`, leads to; `undefined` (and a problem) when nothing. */
  private target(ref: string, abs: string, refAt: readonly string[]): { abs: string; fragment: string; node: unknown; where: string } | undefined {
    const hash = ref.indexOf("#");
    const path = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    const targetAbs = path === "" ? abs : resolve(dirname(abs), decodePath(path));
    const where = `${this.display(abs)}: ${pointerOf(...refAt)}: $ref ${JSON.stringify(ref)}`;
    const doc = this.load(targetAbs, where);
    if (doc === undefined) return undefined;
    const node = resolvePointer(doc, `#${fragment}`);
    if (node === undefined) {
      this.problems.push(`${where}: ${this.display(targetAbs)} has nothing at #${fragment}`);
      return undefined;
    }
    return { abs: targetAbs, fragment, node, where };
  }

  /** `refAt`: where the reference is written, when not in a `$ref` at `at` (a discriminator's mapping). */
  private resolveRef(ref: string, abs: string, at: readonly string[], kind: ObjectKind, inlining: readonly string[], refAt = [...at, "$ref"]): Replacement | undefined {
    if (isUrl(ref)) return undefined;
    const hash = ref.indexOf("#");
    const path = hash === -1 ? ref : ref.slice(0, hash);
    if ((path === "" ? abs : resolve(dirname(abs), decodePath(path))) === this.rootAbs) return { ref: `#${hash === -1 ? "" : ref.slice(hash + 1)}` };
    const resolved = this.target(ref, abs, refAt);
    if (resolved === undefined) return undefined;
    const { abs: targetAbs, fragment, node: target, where } = resolved;
    const section = componentSection(kind);
    if (section === undefined) {
      const key = `${targetAbs}#${fragment}`;
      if (inlining.includes(key)) {
        this.problems.push(`${where}: a cycle of references to objects that have to be copied in place (${[...inlining, key].map((k) => this.display(k)).join(" → ")})`);
        return undefined;
      }
      return { inline: this.visit(target, targetAbs, segments(fragment), kind, [...inlining, key]) };
    }
    const found: Found = { section, file: this.display(targetAbs), pointer: fragment, abs: targetAbs, kind, node: target };
    const key = targetKey(found);
    if (!this.names) {
      if (!this.found.has(key)) {
        this.found.set(key, found);
        this.visit(target, targetAbs, segments(fragment), kind, []);
      }
      return { ref: "#" };
    }
    return { ref: pointerOf("components", section, this.names.get(key)!) };
  }

  /** The parsed file, or `undefined` (and a problem naming `where`) when it cannot be read. */
  private load(abs: string, where: string): unknown {
    if (this.docs.has(abs)) return this.docs.get(abs);
    let text: string;
    try {
      text = readFileSync(abs, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.problems.push(`${where}: ${this.display(abs)} ${code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? (error as Error).message})`}`);
      return undefined;
    }
    const parsed = parseSource(this.display(abs), text);
    this.docs.set(abs, parsed);
    return parsed;
  }

  /** Rule 1 of bundle-names.ts: root components that are only a `$ref` to another file. */
  private rootAliases(): Map<string, string> {
    const aliases = new Map<string, string>();
    const components = isRecord(this.root.components) ? this.root.components : {};
    for (const [section, entries] of Object.entries(components)) {
      if (!isRecord(entries)) continue;
      for (const [name, value] of Object.entries(entries)) {
        if (!isRecord(value) || Object.keys(value).length !== 1 || typeof value.$ref !== "string" || value.$ref.startsWith("#") || isUrl(value.$ref)) continue;
        const hash = value.$ref.indexOf("#");
        const path = hash === -1 ? value.$ref : value.$ref.slice(0, hash);
        const key = targetKey({ section, file: this.display(resolve(this.rootDir, decodePath(path))), pointer: hash === -1 ? "" : value.$ref.slice(hash + 1) });
        if (!aliases.has(key)) aliases.set(key, name);
      }
    }
    return aliases;
  }

  private rootComponentNames(): Map<string, Set<string>> {
    const components = isRecord(this.root.components) ? this.root.components : {};
    return new Map(Object.entries(components).map(([section, entries]) => [section, new Set(isRecord(entries) ? Object.keys(entries) : [])]));
  }

  /** A file as messages and names show it: relative to the root's folder; the root as the user named it. */
  private display(abs: string): string {
    const hash = abs.indexOf("#");
    const path = hash === -1 ? abs : abs.slice(0, hash);
    const shown = path === this.rootAbs ? this.file : relative(this.rootDir, path).split(sep).join("/");
    return hash === -1 ? shown : `${shown}${abs.slice(hash)}`;
  }
}


function segments(fragment: string): string[] {
  return fragment === "" || fragment === "/" ? [] : fragment.slice(1).split("/").map((s) => decodePath(s).replaceAll("~1", "/").replaceAll("~0", "~"));
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isUrl(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}
