/**
 * What every SDK method returns: a Promise of the parsed data that can also give the
 * HTTP response it came from, without a second request.
 */
import { readableCopy } from "./response.js";

/** A call's outcome as the core produces it: the data, and the response it was read from. */
export interface CallResult<T> {
  data: T;
  /** The response; its body has been read. */
  response: Response;
  /**
   * The body as read (text, or a Blob for binary operations), to give callers a response they
   * can still read; `null` for a stream, whose body is the data's to read.
   */
  body: string | Blob | null;
}

export interface WithResponse<T> {
  data: T;
  /** The final response (after retries): status, headers, and a body that can be read again. */
  response: Response;
}

/**
 * `await client.connections.get(req)` gives the data;
 * `await client.connections.get(req).withResponse()` gives `{ data, response }`.
 * The request starts when the method is called, as with any Promise.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #result: Promise<CallResult<T>>;
  #data: Promise<T> | undefined;

  /** @internal Built by SDKCore.invoke. */
  constructor(result: Promise<CallResult<T>>) {
    // The base promise is never used: then/catch/finally go to the result.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  /** Derived promises (from `then`) are plain Promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The data with the HTTP response it came from. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result.then(({ data, response, body }) => ({ data, response: readableCopy(response, body) }));
  }

  // `catch` and `finally` are Promise's own: they call `then`, so they go to the result too.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#result.then((result) => result.data);
    return this.#data;
  }
}
