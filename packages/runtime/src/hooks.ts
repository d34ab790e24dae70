/**
 * Points where users can watch or adjust the SDK's traffic: logging, tracing, signing.
 * Request and response hooks run as an openapi-fetch middleware; `beforeRetry` runs
 * inside the retry loop, which sits beneath the middleware.
 */
import type { Middleware } from "openapi-fetch";

export interface HookContext {
  /** The spec's operationId, e.g. `get-connection`. */
  operationId: string;
  /** How the user called it, e.g. `connections.get`. */
  methodPath: string;
}

export interface Hooks {
  /**
   * Runs once per call, after auth headers are set and before the first attempt;
   * every retry re-sends what it leaves. Return a new Request to replace it.
   */
  beforeRequest?(ctx: HookContext, request: Request): Request | void | Promise<Request | void>;
  /**
   * Runs once per call with the final response (after retries, before error mapping).
   * It receives a clone, so reading its body does not take it from the SDK.
   */
  afterResponse?(ctx: HookContext, response: Response): void | Promise<void>;
  /**
   * Runs before each retry. `response` is the one retried past, its body already
   * discarded; `error` is the ConnectionError or RequestTimeoutError retried past.
   */
  beforeRetry?(
    ctx: HookContext,
    info: { attempt: number; delayMs: number; response?: Response; error?: unknown },
  ): void | Promise<void>;
}

/** The middleware for `hooks`, or none when there is nothing to call. */
export function hooksMiddleware(hooks: Hooks, ctx: HookContext): Middleware[] {
  const { beforeRequest, afterResponse } = hooks;
  if (!beforeRequest && !afterResponse) return [];
  return [
    {
      async onRequest({ request }) {
        const replaced = await beforeRequest?.call(hooks, ctx, request);
        return replaced instanceof Request ? replaced : undefined;
      },
      async onResponse({ response }) {
        await afterResponse?.call(hooks, ctx, response.clone());
      },
    },
  ];
}
