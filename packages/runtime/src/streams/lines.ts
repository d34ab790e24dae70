/**
 * Leaf: imports nothing. Incremental splitting of a text stream, whose chunks may cut a line
 * (or a CRLF) anywhere: into lines, for server-sent events and JSON Lines, and into RFC 7464
 * records, for JSON text sequences.
 */

/** Splits pushed text into lines ended by LF, CRLF or CR, keeping the unfinished one. */
export class LineSplitter {
  #rest = "";
  /** The last push ended with CR: a LF starting the next one belongs to it. */
  #afterCR = false;

  push(text: string): string[] {
    const chunk = this.#afterCR && text.startsWith("\n") ? text.slice(1) : text;
    if (chunk === "") return [];
    const all = this.#rest + chunk;
    this.#afterCR = all.endsWith("\r");
    const lines = all.split(/\r\n|\r|\n/);
    this.#rest = lines.pop()!;
    return lines;
  }

  /** The unfinished last line, when the stream ended without a line break. */
  end(): string | undefined {
    const rest = this.#rest;
    this.#rest = "";
    return rest === "" ? undefined : rest;
  }
}

/**
 * What a stream's parser makes of each chunk: the items it completes, whether the stream is
 * over, and the error of an item that does not parse (the items before it are given).
 */
export interface Parsed {
  items: unknown[];
  done: boolean;
  error?: ItemSyntaxError;
}

export interface ItemParser {
  push(text: string): Parsed;
  /** What the end of the stream completes. */
  end(): Parsed;
}

/** The message of a JSON item that does not parse, without its text (it may quote a credential). */
export class ItemSyntaxError extends SyntaxError {
  constructor(what: string, error: unknown) {
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
    super(`${what} is not valid JSON${position === undefined ? "" : ` (at position ${position})`}`);
  }
}

/** Each non-blank text as JSON, up to the first that is not. */
function parseEach(texts: readonly string[], what: string): Parsed {
  const items: unknown[] = [];
  for (const text of texts) {
    if (text.trim() === "") continue;
    try {
      items.push(JSON.parse(text));
    } catch (error) {
      return { items, done: true, error: new ItemSyntaxError(what, error) };
    }
  }
  return { items, done: false };
}

/** JSON Lines (`application/jsonl`, `application/x-ndjson`): one JSON value a line; blank lines are skipped. */
export function jsonLines(): ItemParser {
  const lines = new LineSplitter();
  return {
    push: (text) => parseEach(lines.push(text), "a line"),
    end: () => parseEach([lines.end() ?? ""], "a line"),
  };
}

/** RFC 7464 (`application/json-seq`): each record starts with RS (0x1E); empty records are skipped. */
export function jsonSeq(): ItemParser {
  let rest = "";
  return {
    push: (text) => {
      const records = (rest + text).split("\u001e");
      rest = records.pop()!;
      return parseEach(records, "a record");
    },
    end: () => parseEach([rest], "a record"),
  };
}
