/**
 * What a streamed operation resolves to: an async iterable of its items, parsed from the
 * response body as the chunks arrive, so the first item reaches the caller before the
 * response ends. `break` (or `return()`) closes the connection; the call's signal aborts it.
 */
import { RequestTimeoutError, StreamError, type RequestTarget, type SDKBaseError } from "../errors.js";
import type { ItemParser } from "./lines.js";

/** What the stream needs of the call that opened it (built by streams/index.ts from the attempt). */
export interface StreamControl {
  /** The first byte arrived: the attempt's timeout, which covers the time to it, stops. */
  firstByte(): void;
  /** A failed read as the SDK's error: the caller aborted, the attempt timed out, or the connection broke. */
  fail(error: unknown): SDKBaseError;
  /** The call is over: stop listening to the caller's signal. */
  release(): void;
  readonly methodPath: string;
  /** Where the call went, for the errors. */
  target(): RequestTarget;
  /** Longest wait for the next chunk once the first arrived, in ms. */
  readonly idleTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

const IDLE = Symbol("idle");

/**
 * An `AsyncIterable` of a streamed response's items: `for await (const item of stream)`.
 * It can be iterated once. Reading stops, and the connection closes, when the loop ends
 * early (`break`, `return`, a `throw` in its body), when the call's `signal` aborts, and
 * when the stream fails; a failure rejects the iteration with the SDK's typed error.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #parser: ItemParser;
  readonly #control: StreamControl;
  readonly #decoder = new TextDecoder();
  readonly #queue: unknown[] = [];
  #finished = false;
  #started = false;
  #count = 0;
  /** An item that did not parse: thrown once the items before it are taken. */
  #failure: StreamError | undefined;
  #pending: Promise<unknown> = Promise.resolve();

  /** @internal Built by the SDK core for a streamed operation. */
  constructor(body: ReadableStream<Uint8Array>, parser: ItemParser, control: StreamControl) {
    this.#reader = body.getReader();
    this.#parser = parser;
    this.#control = control;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The next item; calls made before the previous one settled wait their turn. */
  next(): Promise<IteratorResult<T>> {
    const step = this.#pending.then(() => this.#step());
    this.#pending = step.catch(() => undefined);
    return step;
  }

  /** Stops reading and closes the connection; what `break` calls. */
  async return(): Promise<IteratorResult<T>> {
    this.#queue.length = 0;
    this.#failure = undefined;
    await this.#close(true, "closed by the caller");
    return { value: undefined, done: true };
  }

  async #step(): Promise<IteratorResult<T>> {
    while (this.#queue.length === 0 && !this.#finished) await this.#fill();
    if (this.#queue.length === 0) {
      const failure = this.#failure;
      this.#failure = undefined;
      if (failure) throw failure;
      return { value: undefined, done: true };
    }
    this.#count++;
    return { value: this.#queue.shift() as T, done: false };
  }

  /** Reads one chunk and parses what it completes. */
  async #fill(): Promise<void> {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await this.#read();
    } catch (error) {
      const failure = error === IDLE ? this.#idleError() : this.#control.fail(error);
      await this.#close(true, `${failure.name}`);
      throw failure;
    }
    const parsed = this.#parser.push(chunk.done ? this.#decoder.decode() : this.#decoder.decode(chunk.value, { stream: true }));
    const end = chunk.done && !parsed.done ? this.#parser.end() : undefined;
    if (!chunk.done && !this.#started) {
      this.#started = true;
      this.#control.firstByte();
    }
    this.#queue.push(...parsed.items, ...(parsed.error ? [] : (end?.items ?? [])));
    const error = parsed.error ?? end?.error;
    if (error) {
      const { methodPath } = this.#control;
      this.#failure = new StreamError(`${methodPath}: item ${this.#count + this.#queue.length + 1} of the stream: ${error.message}`, {
        ...this.#control.target(), methodPath, itemsRead: this.#count + this.#queue.length, cause: error,
      });
    }
    if (chunk.done) await this.#close(false, "ended");
    else if (parsed.done) await this.#close(true, error ? "failed" : "ended by its last event");
  }

  /** A chunk, within the idle timeout once the stream has started. */
  #read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const idle = this.#control.idleTimeoutMs;
    if (idle === undefined || !this.#started) return this.#reader.read();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(IDLE), idle);
      this.#reader.read().then(
        (result) => (clearTimeout(timer), resolve(result)),
        (error: unknown) => (clearTimeout(timer), reject(error)),
      );
    });
  }

  #idleError(): RequestTimeoutError {
    const timeoutMs = this.#control.idleTimeoutMs!;
    return new RequestTimeoutError(`${this.#control.methodPath}: no data for ${timeoutMs} ms after item ${this.#count} of the stream`, {
      ...this.#control.target(), timeoutMs,
    });
  }

  async #close(cancel: boolean, why: string): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    if (cancel) await this.#reader.cancel().catch(() => undefined);
    this.#control.release();
    this.#control.log?.(`${this.#control.methodPath}: stream ${why} after ${this.#count + this.#queue.length} items`);
  }
}
