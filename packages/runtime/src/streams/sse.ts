/**
 * Server-sent events (`text/event-stream`), parsed as the HTML standard says: fields
 * `event`, `data` (several lines joined by LF), `id` and `retry`; comment lines (`:`, the
 * heartbeats) ignored; an event dispatched at a blank line when it has data. Lines may end
 * in LF, CRLF or CR, and chunks may cut them anywhere.
 */
import { LineSplitter, type ItemParser } from "./lines.js";

/** One event of a `text/event-stream`; `data` is JSON-parsed when the spec says it is JSON. */
export interface ServerSentEvent<D = string> {
  /** The event's type (`event:`); absent means the default, `message`. */
  event?: string;
  data: D;
  /** The `id:` this event set, when it set one. */
  id?: string;
  /** The reconnection time in ms (`retry:`), when this event set one. */
  retry?: number;
}

/** Turns text into whole events; a trailing event the stream did not end with a blank line is dropped, as the standard says. */
export class EventParser {
  readonly #lines = new LineSplitter();
  #data: string[] = [];
  #event: string | undefined;
  #id: string | undefined;
  #retry: number | undefined;

  push(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    for (const line of this.#lines.push(text)) {
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? "" : line.slice(colon + 1);
    const value = raw.startsWith(" ") ? raw.slice(1) : raw;
    if (field === "data") this.#data.push(value);
    else if (field === "event") this.#event = value;
    else if (field === "id" && !value.includes("\0")) this.#id = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.#retry = Number(value);
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const { event, id, retry } = { event: this.#event, id: this.#id, retry: this.#retry };
    const data = this.#data;
    this.#data = [];
    this.#event = this.#id = this.#retry = undefined;
    if (data.length === 0) return undefined;
    return { ...(event ? { event } : {}), data: data.join("\n"), ...(id !== undefined ? { id } : {}), ...(retry !== undefined ? { retry } : {}) };
  }
}

/** Each event as it is (`events`), or with its `data` parsed as JSON (`jsonEvents`). */
export function events(json: boolean): ItemParser {
  return eventItems((event) => (json ? { ...event, data: JSON.parse(event.data) as unknown } : event));
}

/** Each event's JSON `data` (`eventData`): what 3.0/3.1 specs with a `schema` mean. */
export function eventData(): ItemParser {
  return eventItems((event) => JSON.parse(event.data) as unknown);
}

/** Events mapped to items; an event whose `data` is not JSON (`[DONE]`) ends the stream where JSON is promised. */
function eventItems(map: (event: ServerSentEvent) => unknown): ItemParser {
  const parser = new EventParser();
  return {
    push: (text) => {
      const items: unknown[] = [];
      for (const event of parser.push(text)) {
        try {
          items.push(map(event));
        } catch {
          return { items, done: true };
        }
      }
      return { items, done: false };
    },
    end: () => ({ items: [], done: true }),
  };
}
