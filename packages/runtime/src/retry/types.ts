/**
 * The retry loop's types: its options and outcome (fetch.ts), a call's and an attempt's
 * state (attempt.ts), the retry rule's input and verdict (rule.ts, decision.ts) and what the
 * lazy tail receives (tail.ts). Types only, so every file of the loop imports them and none
 * imports another's at run time.
 */
import type { ConnectionError, RequestAbortedError, RequestTimeoutError, SDKBaseError } from "../errors.js";
import type { urlWithoutQuery } from "../redact.js";
import type { readableCopy } from "../response.js";
import type { StreamLease } from "../streams/index.js";
import type { isIdempotentMethod } from "../wire-rules.js";
import type { AttemptAbort } from "./abort.js";
import type { budgetExhausted, RetryBudget } from "./budget.js";
import type { RetryPolicy } from "./config.js";
import type { isRetryableStatus } from "./status.js";

export interface RetryInfo {
  /** Attempts made so far: 1 before the first retry. */
  attempt: number;
  /** How long the loop sleeps before the next attempt, in ms. */
  delayMs: number;
  /** The response retried past: a copy, whose body can be read. */
  response?: Response;
  /** The ConnectionError or RequestTimeoutError retried past. */
  error?: SDKBaseError;
}

export interface RetryingFetchOptions {
  /** Sends one attempt; given `init` (the attempt's signal) only with `signalInInit`. */
  fetch: (request: Request, init?: { signal: AbortSignal }) => Promise<Response>;
  /**
   * `fetch` takes each attempt's signal in its `init`, so the Requests the loop builds
   * carry none (fetch then links a Request to the signal once, not twice).
   * @default false: each attempt's Request carries its signal
   */
  signalInInit?: boolean;
  policy: RetryPolicy;
  /** Limit of each attempt, response body included, in ms. */
  timeoutMs: number;
  /** The operation may be repeated whatever its method (the spec's `x-idempotent`). @default false */
  idempotent?: boolean;
  /**
   * Turns the call's request into one attempt's: credentials, hooks. It receives a
   * Request of that attempt alone, so it may change it freely or return another Request.
   */
  prepare?: (request: Request, attempt: number) => Request | Promise<Request>;
  /**
   * Called once per call, when an attempt is answered 401: returning true (new
   * credentials are on the way, e.g. an OAuth2 token was dropped) makes one more
   * attempt at once, outside the backoff policy.
   */
  reauthorize?: () => boolean | Promise<boolean>;
  /**
   * Called as each attempt is about to be sent, with its Request (whose headers it may still
   * set: `traceparent`) and what its URL may show (credential query parameters redacted, as in
   * log lines); the function it returns receives the attempt's outcome: the response, its body
   * unread, or the error that ended it. Tracing spans.
   */
  onAttempt?: (request: Request, attempt: number, redact: (url: string) => string) => ((outcome: Response | SDKBaseError) => void) | undefined;
  /** Awaited before each retry; an exception ends the call with it. */
  onRetry?: (info: RetryInfo) => void | Promise<void>;
  /** Receives one line per attempt, outcome and retry decision; credentials are scrubbed. */
  log?: (line: string) => void;
  /**
   * @internal What the SDK core's loop logs to, instead of `log` (which createRetryingFetch
   * turns into one): the lines' code is a lazy chunk (log.ts), loaded for a debugLogger.
   */
  attemptLog?: AttemptLog;
  /** Names of query parameters and headers that carry credentials, scrubbed from log lines. */
  sensitiveNames?: readonly string[];
  /**
   * The client's retry budget: each retry draws from it (unless `policy.budget` is false), a
   * success refills it; with too few tokens left the call ends with its last outcome.
   */
  budget?: RetryBudget;
  /** Updated as the call runs, so the caller knows how many attempts its response took. */
  trace?: { attempts: number };
  /** @default Math.random */
  random?: () => number;
  /** Must reject as soon as `signal` aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** @default Date.now */
  now?: () => number;
  /** Names the operation in error messages, e.g. `connections.get`. */
  methodPath?: string;
  /**
   * The call wants a stream: a 2xx is handed over unread with its attempt still running
   * (`AttemptsOutcome.lease`), so its items are read as they arrive. @default false
   */
  stream?: boolean;
}

/** The final response of a call and its body, read under the last attempt's timeout. */
export interface AttemptsOutcome {
  /** Its body has been read into `bytes` (so it is consumed), unless `bytes` is undefined. */
  readonly response: Response;
  readonly bytes?: ArrayBuffer;
  /** A streamed 2xx: its body unread, its attempt running until the stream releases it. */
  readonly lease?: StreamLease;
  /** The empty retry budget stopped the call at this (failed) response. */
  readonly exhausted?: true;
}

/**
 * How the SDK core starts the loop: the first attempt's Request was built already carrying
 * `abort`'s signal, so it is sent as it is; the caller's own signal is `callerSignal`.
 */
export interface FirstAttempt {
  readonly abort: AttemptAbort;
  readonly callerSignal: AbortSignal | undefined;
  /**
   * Builds a later attempt's Request afresh, with that attempt's signal: then nothing of
   * the first is copied up front for retries that may never happen. Without it the loop
   * copies the first Request before sending it (a body is teed).
   */
  readonly rebuild?: (signal: AbortSignal | undefined) => Request;
}

export interface RetryContext {
  policy: RetryPolicy;
  /** The request's HTTP method, upper case. */
  method: string;
  /** The operation is marked idempotent in the spec (`x-idempotent`). */
  idempotent: boolean;
  /** Attempts made so far, the one just finished included (1 after the first). */
  attempts: number;
  /** Time since the first attempt started, in ms. */
  elapsedMs: number;
  nowMs: number;
  random: () => number;
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; reason: string };

/** The main code's rules the decision applies. */
export interface RetryRules {
  readonly isRetryableStatus: typeof isRetryableStatus;
  readonly isIdempotentMethod: typeof isIdempotentMethod;
}

/** One call's run of the loop: what its attempts share, and the retry tail reads. */
export interface Call extends FirstAttempt {
  readonly o: RetryingFetchOptions;
  readonly rebuild: (signal: AbortSignal | undefined) => Request;
  /** The call's Request: the first attempt's. */
  readonly request: Request;
  readonly startedMs: number;
  /** `connections.get: GET /path`, worked out for the first log line or error that needs it. */
  label?: string;
}

/** An attempt sent: fetch's answer, its body unread, or what fetch threw. */
export interface Attempt {
  readonly n: number;
  readonly abort: AttemptAbort;
  readonly request: Request;
  readonly startMs: number;
  readonly response?: Response;
  /** What fetch threw, or reading the response's body. */
  error?: unknown;
  /** Ends the attempt's span (tracing) with its outcome: called here for a response, by the tail for an error. */
  readonly ended?: (outcome: Response | SDKBaseError) => void;
}

/**
 * The main code's pieces the retry tail (tail.ts, a lazy chunk) needs: fetch.ts hands them
 * over, so the tail imports nothing the main code imports at run time.
 */
export interface TailKit extends RetryRules {
  readonly prepare: (call: Call, n: number, abort: AttemptAbort, base: Request) => Promise<Request>;
  readonly dispatch: (call: Call, n: number, abort: AttemptAbort, request: Request) => Promise<Attempt>;
  readonly release: (attempt: Attempt) => void;
  readonly label: (call: Call) => string;
  readonly shownUrl: (call: Call, url: string) => string;
  readonly urlWithoutQuery: typeof urlWithoutQuery;
  readonly readableCopy: typeof readableCopy;
  readonly budgetExhausted: typeof budgetExhausted;
  readonly BUDGET_EMPTY: string;
  readonly MAX_TIMER_MS: number;
  readonly AttemptAbort: typeof AttemptAbort;
  readonly ConnectionError: typeof ConnectionError;
  readonly RequestTimeoutError: typeof RequestTimeoutError;
  readonly RequestAbortedError: typeof RequestAbortedError;
}

/** What the loop tells the debug log; every line starts with the call's label (`GET /path (connections.get)`). */
export interface AttemptLog {
  /** Preparing an attempt (a token fetch, a hook) used up the rest of `maxElapsedTime`. */
  outOfTime(label: string, maxElapsedTime: number): void;
  /** An attempt about to be sent: its method, URL and headers, credentials redacted. */
  attempt(label: string, attempt: number, request: Request): void;
  /**
   * An attempt's outcome, how long it took and what the loop decided: no decision for a final
   * success, which the loop answers without the retry rule.
   */
  outcome(label: string, attempt: number, outcome: Response | SDKBaseError, tookMs: number, decision?: RetryDecision): void;
  /** A 401 answered with renewed credentials: one more attempt. */
  renewed(label: string): void;
}
