/** The stream parsers on their own: every way chunks can cut a stream gives the same items. */
import { describe, expect, it } from "vitest";
import { jsonLines, jsonSeq, LineSplitter, type ItemParser } from "../src/streams/lines.js";
import { eventData, EventParser, events } from "../src/streams/sse.js";

/** `text` cut at every position in turn (two chunks), and one character a chunk. */
function splits(text: string): string[][] {
  const cuts = Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
  return [...cuts, [...text]];
}

function parseAll(make: () => ItemParser, chunks: readonly string[]): { items: unknown[]; done: boolean } {
  const parser = make();
  const items: unknown[] = [];
  for (const chunk of chunks) {
    const out = parser.push(chunk);
    items.push(...out.items);
    if (out.error) throw out.error;
    if (out.done) return { items, done: true };
  }
  return { items: [...items, ...parser.end().items], done: false };
}

const SSE = [
  ": a comment, then a heartbeat\r\n",
  ":\r\n",
  "event: delta\r\nid: 1\r\ndata: {\"text\":\"Hel\"}\r\n\r\n",
  "data: line one\ndata: line two\nretry: 2500\n\n",
  "data:no space\rid: 7\r\r",
  "event: empty\n\n",
  "data: unterminated",
].join("");

describe("server-sent events", () => {
  const expected = [
    { event: "delta", id: "1", data: '{"text":"Hel"}' },
    { data: "line one\nline two", retry: 2500 },
    { data: "no space", id: "7" },
  ];

  it.each(splits(SSE).map((chunks) => [chunks.length, chunks] as const))("gives the same events however the text is cut (%i chunks)", (_n, chunks) => {
    expect(parseAll(() => events(false), chunks)).toEqual({ items: expected, done: false });
  });

  it("parses each event's data as JSON for jsonEvents", () => {
    const { items } = parseAll(() => events(true), ['event: delta\ndata: {"a":1}\n\n', "data: [1,\ndata: 2]\n\n"]);
    expect(items).toEqual([{ event: "delta", data: { a: 1 } }, { data: [1, 2] }]);
  });

  it("gives each event's JSON data for eventData, and ends at a data that is not JSON ([DONE])", () => {
    const text = 'data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\ndata: {"n":3}\n\n';
    for (const chunks of splits(text)) expect(parseAll(eventData, chunks)).toEqual({ items: [{ n: 1 }, { n: 2 }], done: true });
  });

  it("ignores unknown fields, an id with NUL and a retry that is not digits", () => {
    const parser = new EventParser();
    expect(parser.push("foo: bar\nid: a\0b\nretry: 1s\ndata\n\n")).toEqual([{ data: "" }]);
  });
});

describe("JSON Lines and JSON text sequences", () => {
  it.each(splits('{"a":1}\r\n\n[2]\n"three"').map((chunks) => [chunks.length, chunks] as const))("JSON Lines cut into %i chunks", (_n, chunks) => {
    expect(parseAll(jsonLines, chunks)).toEqual({ items: [{ a: 1 }, [2], "three"], done: false });
  });

  it.each(splits('\u001e{"a":1}\n\u001e[2]\n\u001e\n').map((chunks) => [chunks.length, chunks] as const))("a JSON text sequence cut into %i chunks", (_n, chunks) => {
    expect(parseAll(jsonSeq, chunks)).toEqual({ items: [{ a: 1 }, [2]], done: false });
  });

  it("a line that is not JSON ends the stream with an error quoting nothing of it, after the items before it", () => {
    const out = jsonLines().push('{"a":1}\n{"token":"sk-secret"\n{"b":2}\n');
    expect(out).toMatchObject({ items: [{ a: 1 }], done: true });
    expect(out.error?.message).toMatch(/^a line is not valid JSON/);
    expect(out.error?.message).not.toContain("sk-secret");
  });
});

describe("LineSplitter", () => {
  it("keeps a CRLF cut between two chunks as one line break", () => {
    const lines = new LineSplitter();
    expect([...lines.push("a\r"), ...lines.push("\nb\r"), ...lines.push("\n"), ...lines.push("c")]).toEqual(["a", "b"]);
    expect(lines.end()).toBe("c");
  });
});
