/** How a schema comparison names what it is looking at, for messages. */
import type { Direction } from "./context.js";

export interface SchemaScope {
  /** `books.getBook: `, or the methods that reach a component, or empty. */
  readonly context: string;
  readonly dir: Direction;
  /** `request property`, `parameter`, `type`, `response`... */
  readonly noun: string;
  /** `NewBook.title`, `pageSize`, `GetBookResponse.items[]`. */
  readonly label: string;
}

export function say(scope: SchemaScope, text: string): string {
  return `${scope.context}${scope.noun} ${scope.label} ${text}`;
}

export function propertyNoun(dir: Direction): string {
  return dir === "in" ? "request property" : dir === "out" ? "response property" : "property";
}

/** The scope of a property (or other part) of the schema in `scope`. */
export function inner(scope: SchemaScope, label: string, noun = propertyNoun(scope.dir)): SchemaScope {
  return { ...scope, noun, label };
}

/** `books.getBook, books.listBooks (+2 more): `. */
export function contextOf(methods: readonly string[]): string {
  if (methods.length === 0) return "";
  const shown = methods.slice(0, 2).join(", ");
  return `${shown}${methods.length > 2 ? ` (+${methods.length - 2} more)` : ""}: `;
}
