/**
 * Leaf: imports nothing.
 *
 * The client-wide retry budget, as in the AWS SDKs' "standard" retry mode: a token bucket
 * per client (its resources and standalone functions share it) that each retry draws from
 * and successes refill. While an API fails every request, a client's calls retry until the
 * bucket is empty and then stop at their first failure, so an outage does not multiply the
 * load on it; as the API recovers, successes refill the bucket and retrying resumes.
 */

/** `retryConfig.budget`: the bucket's size and prices, in tokens. */
export interface RetryBudgetConfig {
  /** Tokens in a full bucket, which a new client starts with. @default 500 */
  capacity?: number;
  /** Tokens a retry after an error response draws. @default 5 */
  retryCost?: number;
  /** Tokens a retry after a timeout or connection error (no response) draws. @default 10 */
  timeoutCost?: number;
}

export const BUDGET_FIELDS = ["capacity", "retryCost", "timeoutCost"] as const;

/**
 * A client's bucket. A call whose first attempt succeeded adds 1 token; one that succeeded
 * after retries gives back what its retries drew; a failed call gives nothing back.
 */
export class RetryBudget {
  /** Tokens left. */
  tokens: number;
  readonly #capacity: number;
  readonly #retryCost: number;
  readonly #timeoutCost: number;

  constructor(config: RetryBudgetConfig = {}) {
    this.tokens = this.#capacity = config.capacity ?? 500;
    this.#retryCost = config.retryCost ?? 5;
    this.#timeoutCost = config.timeoutCost ?? 10;
  }

  /** Draws the price of one retry: the tokens drawn, or -1 (nothing drawn) when too few are left. */
  take(noResponse: boolean): number {
    const cost = noResponse ? this.#timeoutCost : this.#retryCost;
    if (cost > this.tokens) return -1;
    this.tokens -= cost;
    return cost;
  }

  /** Refills after a success: what the call's retries drew, or 1 when it made none. */
  give(drawn: number): void {
    this.tokens = Math.min(this.#capacity, this.tokens + (drawn || 1));
  }
}

/** Marks the error of a call the empty budget stopped: `retryBudgetExhausted` and its message say so. */
export function budgetExhausted<E extends Error>(error: E): E {
  error.message += "; not retried: the client's retry budget is empty";
  return Object.assign(error, { retryBudgetExhausted: true });
}
