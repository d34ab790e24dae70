/**
 * One attempt's abort signal: it fires when the caller aborts or when the attempt's time
 * is up, whichever comes first. One AbortController and one timer per attempt, rather than
 * AbortSignal.timeout() composed with the caller's signal by AbortSignal.any(), which
 * costs two more signals and their weak bookkeeping on every call (see BENCHMARKS.md).
 */
import { MAX_TIMER_MS } from "./config.js";

export class AttemptAbort {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  /** The attempt's time ran out (rather than the caller aborting). */
  timedOut = false;

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#caller = caller;
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#controller.abort(new DOMException(`no complete response within ${timeoutMs} ms`, "TimeoutError"));
    }, Math.min(timeoutMs, MAX_TIMER_MS));
    // Like AbortSignal.timeout's timer, this one alone does not keep the process alive.
    (this.#timer as { unref?: () => void }).unref?.();
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener("abort", this.#onCallerAbort);
  }

  readonly #onCallerAbort = (): void => this.#controller.abort(this.#caller!.reason);

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The attempt's time limit no longer applies (a stream's first byte arrived); the caller's signal still does. */
  stopTimer(): void {
    clearTimeout(this.#timer);
  }

  /** The attempt is over (its body read, or it failed): stop the timer and stop listening to the caller. */
  release(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }
}
