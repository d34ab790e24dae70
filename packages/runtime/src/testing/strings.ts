/**
 * Strings for a string shape: by format (`date-time`, `uuid`, `email`, …), from a simple
 * pattern, or words fitted to the length bounds. Each is a function of a seeded `Random`.
 */
import type { StringShape } from "../shape.js";
import type { Random } from "./random.js";

const WORDS = ["alpha", "bravo", "delta", "ember", "fjord", "gamma", "harbor", "indigo", "juniper", "kestrel", "lumen", "meadow", "nova", "orbit", "prairie", "quartz", "river", "summit", "tundra", "umber", "vertex", "willow", "xenon", "yonder", "zephyr"];
const BASE_TIME = Date.UTC(2020, 0, 1);
const SPAN_MS = 6 * 365 * 24 * 3600 * 1000;

const FORMATS: Readonly<Record<string, (random: Random) => string>> = {
  "date-time": (r) => new Date(BASE_TIME + Math.floor(r.next() * SPAN_MS / 1000) * 1000).toISOString().replace(".000Z", "Z"),
  date: (r) => new Date(BASE_TIME + r.int(0, 6 * 365) * 86_400_000).toISOString().slice(0, 10),
  time: (r) => `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}Z`,
  uuid: (r) => uuid(r),
  email: (r) => `${r.pick(WORDS)}.${r.pick(WORDS)}@example.com`,
  uri: (r) => `https://example.com/${r.pick(WORDS)}/${r.int(1, 999)}`,
  url: (r) => `https://example.com/${r.pick(WORDS)}/${r.int(1, 999)}`,
  "uri-reference": (r) => `/${r.pick(WORDS)}/${r.int(1, 999)}`,
  hostname: (r) => `${r.pick(WORDS)}.example.com`,
  ipv4: (r) => `192.0.2.${r.int(1, 254)}`,
  ipv6: (r) => `2001:db8::${r.int(1, 0xffff).toString(16)}`,
  byte: (r) => btoa(`${r.pick(WORDS)}-${r.int(0, 99)}`),
  duration: (r) => `P${r.int(1, 30)}D`,
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function uuid(r: Random): string {
  const hex = Array.from({ length: 32 }, () => r.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[r.int(0, 3)]!;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A string valid for the shape, or undefined when its pattern is not simple enough to generate from. */
export function fakeString(shape: StringShape, random: Random): string | undefined {
  if (shape.const !== undefined) return shape.const;
  if (shape.enum !== undefined && shape.enum.length > 0) return random.pick(shape.enum);
  const byFormat = shape.format !== undefined ? FORMATS[shape.format] : undefined;
  if (byFormat !== undefined) return byFormat(random);
  if (shape.pattern !== undefined) return fromPattern(shape.pattern, random);
  const min = shape.minLength ?? 0;
  const max = shape.maxLength ?? Math.max(min, 24);
  let text = `${random.pick(WORDS)} ${random.pick(WORDS)}`;
  while (text.length < min) text += ` ${random.pick(WORDS)}`;
  return text.slice(0, max).padEnd(min, "x");
}

const CLASSES: Readonly<Record<string, string>> = {
  d: "0123456789",
  w: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
  s: " ",
};
const ANY = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A string matching a simple pattern: literals, escapes (`\d`, `\w`, `\s`, `\.`), classes
 * (`[A-Z0-9_-]`), `.` and the quantifiers `?`, `*`, `+`, `{n}`, `{n,m}`. Anything else
 * (groups, alternation, negated classes, lookarounds) → undefined.
 */
export function fromPattern(pattern: string, random: Random): string | undefined {
  const source = pattern.replace(/^\^/, "").replace(/\$$/, "");
  let out = "";
  for (let i = 0; i < source.length; ) {
    const atom = readAtom(source, i);
    if (atom === undefined) return undefined;
    i = atom.end;
    const quantifier = readQuantifier(source, i);
    if (quantifier === undefined) return undefined;
    i = quantifier.end;
    const count = random.int(quantifier.min, quantifier.max);
    for (let n = 0; n < count; n++) out += atom.chars[Math.floor(random.next() * atom.chars.length)]!;
  }
  try {
    return new RegExp(pattern).test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function readAtom(source: string, i: number): { chars: string; end: number } | undefined {
  const c = source[i]!;
  if ("()|^$".includes(c)) return undefined;
  if (c === ".") return { chars: ANY, end: i + 1 };
  if (c === "\\") {
    const e = source[i + 1];
    if (e === undefined) return undefined;
    const chars = CLASSES[e] ?? (/[a-zA-Z0-9]/.test(e) ? undefined : e);
    return chars === undefined ? undefined : { chars, end: i + 2 };
  }
  if (c === "[") {
    const close = source.indexOf("]", i + 1);
    if (close < 0 || source[i + 1] === "^") return undefined;
    const body = source.slice(i + 1, close);
    let chars = "";
    for (let j = 0; j < body.length; j++) {
      if (body[j] === "\\" && body[j + 1] !== undefined) {
        chars += CLASSES[body[j + 1]!] ?? body[j + 1];
        j++;
      } else if (body[j + 1] === "-" && body[j + 2] !== undefined) {
        for (let code = body.charCodeAt(j); code <= body.charCodeAt(j + 2); code++) chars += String.fromCharCode(code);
        j += 2;
      } else chars += body[j];
    }
    return chars === "" ? undefined : { chars, end: close + 1 };
  }
  if ("*+?{".includes(c)) return undefined;
  return { chars: c, end: i + 1 };
}

function readQuantifier(source: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = source[i];
  if (c === "?") return { min: 0, max: 1, end: i + 1 };
  if (c === "*") return { min: 0, max: 4, end: i + 1 };
  if (c === "+") return { min: 1, max: 4, end: i + 1 };
  if (c === "{") {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (match === null) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === "" ? min + 4 : Number(match[3]);
    return { min, max, end: i + match[0].length };
  }
  return { min: 1, max: 1, end: i };
}
