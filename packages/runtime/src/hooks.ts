/**
 * Points where users can watch or adjust the SDK's traffic: signing, tracing, logging,
 * error mapping. All run inside the SDK's retry loop or around it, so they see each
 * attempt and every failure.
 */
import type { SDKBaseError } from "./errors.js";
import type { RetryInfo } from "./retry/fetch.js";

export interface HookContext {
  /** The spec's operationId, e.g. `get-connection`. */
  operationId: string;
  /** How the user called it, e.g. `connections.get`. */
  methodPath: string;
}

export interface Hooks {
  /**
   * Runs before every attempt, retries included, after credentials are set: the place
   * to sign a request or add a tracing header. Return a new Request to replace it;
   * `attempt` counts from 1.
   */
  beforeRequest?(ctx: HookContext, request: Request, info: { attempt: number }): Request | void | Promise<Request | void>;
  /**
   * Runs once per call after a successful (2xx) response has been read and parsed. The
   * Response is a copy whose body can still be read.
   */
  afterSuccess?(ctx: HookContext, response: Response): void | Promise<void>;
  /**
   * Runs once per call when it fails after a request was attempted: an `APIError` (its
   * subclasses included), `ConnectionError`, `RequestTimeoutError` or
   * `RequestAbortedError`. Return an Error to throw it instead (for example a domain
   * error of your own); return nothing to throw the original. Not called for
   * `SDKValidationError`, which is thrown before any request.
   */
  afterError?(ctx: HookContext, error: SDKBaseError): Error | void | Promise<Error | void>;
  /**
   * Runs before each backoff sleep. `response` is a copy of the one retried past (its
   * body can be read); `error` is the ConnectionError or RequestTimeoutError retried past.
   */
  beforeRetry?(ctx: HookContext, info: RetryInfo): void | Promise<void>;
}

export const HOOK_NAMES = ["beforeRequest", "afterSuccess", "afterError", "beforeRetry"] as const;
