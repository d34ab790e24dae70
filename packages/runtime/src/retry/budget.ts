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
  /** The price of a retry after a response, and after none. */
  readonly #costs: readonly number[];

  constructor({ capacity = 500, retryCost = 5, timeoutCost = 10 }: RetryBudgetConfig = {}) {
    this.tokens = this.#capacity = capacity;
    this.#costs = [retryCost, timeoutCost];
  }

  /** Draws the price of one retry: the tokens drawn, or -1 (nothing drawn) when too few are left. */
  take(noResponse: boolean): number {
    const cost = this.#costs[+noResponse]!;
    return cost > this.tokens ? -1 : ((this.tokens -= cost), cost);
  }

  /** Refills after a success: what the call's retries drew, or 1 when it made none. */
  give(drawn: number): void {
    this.refund(drawn || 1);
  }

  /** Gives back `tokens` a retry drew but never sent (the call was aborted or ran out of time first). */
  refund(tokens: number): void {
    this.tokens = Math.min(this.#capacity, this.tokens + tokens);
  }
}

/** Why the loop did not retry, in its log line and the error's message. */
export const BUDGET_EMPTY = "the client's retry budget is empty";

/** Marks the error of a call the empty budget stopped: `retryBudgetExhausted` and its message say so. */
export function budgetExhausted<E extends Error>(error: E): E {
  error.message += `; not retried: ${BUDGET_EMPTY}`;
  return Object.assign(error, { retryBudgetExhausted: true });
}
