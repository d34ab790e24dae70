/**
 * A string that matches a schema's `pattern`, for example arguments: a small,
 * deterministic generator for the regex constructs specs use (literals, escapes,
 * classes and ranges, groups, alternation, quantifiers, anchors). It takes the first
 * alternative and the first member of each class, and repeats each quantified atom
 * once when allowed (more when `minLength` asks); lookarounds and backreferences
 * produce nothing. The result is tested against the pattern: `undefined` when it does
 * not match (or the pattern does not parse), so the caller can fall back.
 */

type Node =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "alt"; readonly branches: readonly Node[][] }
  | { readonly kind: "repeat"; readonly node: Node; readonly min: number; readonly max: number };

const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: "1", w: "a", s: " ", D: "a", W: "-", S: "a" };
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", "0": "\0" };
/** What a negated class or `.` may give, in order of preference. */
const CANDIDATES = "a1A_-.x0 ";

/** A string matching `pattern` with at least `minLength` characters where the pattern allows it. */
export function stringMatching(pattern: string, minLength = 0, maxLength = Infinity): string | undefined {
  let tree: Node[];
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined;
  }
  // One repetition first; then as many as minLength needs, spread over the quantified atoms.
  for (const extra of [1, Math.max(1, minLength)]) {
    const value = render(tree, extra);
    if (value.length >= minLength && value.length <= maxLength && matches(pattern, value)) return value;
  }
  return undefined;
}

function matches(pattern: string, value: string): boolean {
  for (const flags of ["u", ""]) {
    try {
      return new RegExp(pattern, flags).test(value);
    } catch {
      // Not valid with the u flag (e.g. an escaped `-`): try without.
    }
  }
  return false;
}

function render(nodes: readonly Node[], repeat: number): string {
  return nodes.map((node) => {
    switch (node.kind) {
      case "text":
        return node.text;
      case "alt":
        return render(node.branches[0] ?? [], repeat);
      case "repeat": {
        const count = Math.min(node.max, Math.max(node.min, repeat));
        return render([node.node], repeat).repeat(count);
      }
    }
  }).join("");
}

class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Node[] {
    const nodes = this.alternation();
    if (this.at < this.source.length) throw new Error(`unexpected ${this.source[this.at]}`);
    return nodes;
  }

  private alternation(): Node[] {
    const branches: Node[][] = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : [{ kind: "alt", branches }];
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const atom = this.atom();
      nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  private quantified(atom: Node): Node {
    const c = this.source[this.at];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{" && /^\{\d+(,\d*)?\}/.test(this.source.slice(this.at))) {
      const [, lo, comma, hi] = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at))!;
      min = Number(lo);
      max = comma === undefined ? min : hi ? Number(hi) : Infinity;
      this.at += this.source.slice(this.at).indexOf("}");
    } else return atom;
    this.at++;
    if (this.source[this.at] === "?" || this.source[this.at] === "+") this.at++; // lazy / possessive
    return { kind: "repeat", node: atom, min, max };
  }

  private atom(): Node {
    const c = this.source[this.at++]!;
    switch (c) {
      case "^":
      case "$":
        return { kind: "text", text: "" };
      case ".":
        return { kind: "text", text: "a" };
      case "(":
        return this.group();
      case "[":
        return { kind: "text", text: this.characterClass() };
      case "\\":
        return { kind: "text", text: this.escape(false) };
      default:
        return { kind: "text", text: c };
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.source[this.at] === "?") {
      const rest = this.source.slice(this.at);
      const head = /^\?(:|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>|P<[A-Za-z_][A-Za-z0-9_]*>)/.exec(rest);
      if (!head) throw new Error("unsupported group");
      lookaround = ["=", "!", "<=", "<!"].includes(head[1]!);
      this.at += head[0].length;
    }
    const branches = this.alternation();
    if (this.source[this.at++] !== ")") throw new Error("unclosed group");
    return lookaround ? { kind: "text", text: "" } : { kind: "alt", branches: [branches] };
  }

  /** The first character the class allows (after `[`, through `]`). */
  private characterClass(): string {
    const negated = this.source[this.at] === "^";
    if (negated) this.at++;
    const members: { from: string; to: string }[] = [];
    let first = true;
    while (this.at < this.source.length && (this.source[this.at] !== "]" || first)) {
      first = false;
      let from = this.source[this.at++]!;
      if (from === "\\") {
        const escaped = this.source[this.at]!;
        if (escaped in CLASS_ESCAPES) {
          this.at++;
          members.push(...classEscapeMembers(escaped));
          continue;
        }
        from = this.escape(true);
      }
      let to = from;
      if (this.source[this.at] === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        this.at++;
        to = this.source[this.at++]!;
        if (to === "\\") to = this.escape(true);
      }
      members.push({ from, to });
    }
    if (this.source[this.at++] !== "]") throw new Error("unclosed class");
    const inClass = (ch: string) => members.some((m) => ch >= m.from && ch <= m.to);
    if (negated) {
      const found = [...CANDIDATES].find((ch) => !inClass(ch));
      if (found === undefined) throw new Error("no candidate");
      return found;
    }
    // Prefer a letter or digit the class allows, so a sample reads as a value.
    const readable = [...CANDIDATES.slice(0, 3), "b", "2"].find(inClass);
    if (readable !== undefined) return readable;
    if (members.length === 0) throw new Error("empty class");
    return members[0]!.from;
  }

  /** After a backslash: the character it stands for. */
  private escape(inClass: boolean): string {
    const c = this.source[this.at++];
    if (c === undefined) throw new Error("trailing backslash");
    if (!inClass && c in CLASS_ESCAPES) return CLASS_ESCAPES[c]!;
    if (c in CONTROL_ESCAPES) return CONTROL_ESCAPES[c]!;
    if (!inClass && (c === "b" || c === "B")) return "";
    if (!inClass && /[1-9]/.test(c)) return ""; // backreference
    if (c === "u" && /^[0-9a-fA-F]{4}/.test(this.source.slice(this.at))) {
      this.at += 4;
      return String.fromCharCode(parseInt(this.source.slice(this.at - 4, this.at), 16));
    }
    if (c === "x" && /^[0-9a-fA-F]{2}/.test(this.source.slice(this.at))) {
      this.at += 2;
      return String.fromCharCode(parseInt(this.source.slice(this.at - 2, this.at), 16));
    }
    if ((c === "p" || c === "P") && this.source[this.at] === "{") {
      const end = this.source.indexOf("}", this.at);
      const name = this.source.slice(this.at + 1, end);
      this.at = end + 1;
      if (c === "P") return /^(N|Nd)$/.test(name) ? "a" : "1";
      return /^(N|Nd)$/.test(name) ? "1" : "a";
    }
    return c;
  }
}

function classEscapeMembers(escape: string): { from: string; to: string }[] {
  switch (escape) {
    case "d":
      return [{ from: "0", to: "9" }];
    case "w":
      return [{ from: "a", to: "z" }, { from: "A", to: "Z" }, { from: "0", to: "9" }, { from: "_", to: "_" }];
    case "s":
      return [{ from: " ", to: " " }, { from: "\t", to: "\r" }];
    default:
      // \D, \W, \S: a member that holds the candidates they allow.
      return [...CANDIDATES].filter((ch) => !new RegExp(`\\${escape.toLowerCase()}`).test(ch)).map((ch) => ({ from: ch, to: ch }));
  }
}
