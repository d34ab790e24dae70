/**
 * Retry settings as users write them, and the one pure function that merges them
 * with the spec's policy into the policy a call runs with.
 */
import { checkFields, invalid, numberIn, type Check, type Table } from "../checks.js";
import type { SpecRetryPolicy } from "../operation.js";
import { BUDGET_FIELDS, type RetryBudgetConfig } from "./budget.js";
import { STATUS_CODE_RE } from "./status.js";

/** Used when neither the caller nor the spec gives a value (Speakeasy's defaults). */
export const DEFAULT_INITIAL_INTERVAL_MS = 500;
export const DEFAULT_MAX_INTERVAL_MS = 60_000;
export const DEFAULT_EXPONENT = 1.5;
export const DEFAULT_MAX_ELAPSED_TIME_MS = 3_600_000;
/**
 * With no spec policy no status is retried, so a user who turns on `backoff` would get
 * nothing unless connection errors were retried by default.
 */
export const DEFAULT_RETRY_CONNECTION_ERRORS = true;
/** A spec without a retry policy retries no status code. */
export const DEFAULT_RETRY_STATUS_CODES: readonly (number | string)[] = [];
/** setTimeout fires at once for longer delays, so intervals are capped here (about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

export interface BackoffConfig {
  /** Delay before the first retry, in ms. */
  initialInterval: number;
  /** Upper bound of any single delay, in ms. */
  maxInterval: number;
  /** Growth factor of the delay per attempt (>= 1). */
  exponent: number;
  /** No retry starts once this much time (ms) would have passed since the first attempt. */
  maxElapsedTime: number;
}

/** Retry settings of a client (`retryConfig`) or of one call (`retries`). */
export type RetryConfig =
  | {
      strategy: "none";
      /** The client's bucket, for calls whose own `retries` turn retrying on; see below. */
      budget?: RetryBudgetConfig | false;
    }
  | {
      strategy: "backoff";
      /** Fields left out fall back to the client's, then the spec's, then the defaults. */
      backoff?: Partial<BackoffConfig>;
      /**
       * Statuses to retry: numbers (`429`) or ranges (`"5XX"`).
       * @default the spec's (`x-speakeasy-retries`), e.g. `[408, 429, "5XX"]`
       */
      statusCodes?: readonly (number | string)[];
      /** Retry when no response came (refused, reset, timed out). @default the spec's */
      retryConnectionErrors?: boolean;
      /**
       * Retry POST and PATCH like the idempotent methods, on any retryable status or
       * connection error. Turn it on only for operations safe to repeat (for example
       * when the body carries an idempotency key): a retried create may create twice.
       * @default false: POST and PATCH are retried only when the request provably did
       *   not reach the server or the server declined it (429, 503)
       */
      retryNonIdempotent?: boolean;
      /**
       * The client-wide retry budget (see budget.ts): on `retryConfig`, the size and prices
       * of the client's token bucket, or `false` for none; on a call's `retries`, only
       * `false`, which lets that call retry without drawing from the client's bucket.
       * @default `{ capacity: 500, retryCost: 5, timeoutCost: 10 }`
       */
      budget?: RetryBudgetConfig | false;
    };

/** The fully resolved policy one call runs with. */
export interface RetryPolicy {
  readonly strategy: "none" | "backoff";
  readonly backoff: Readonly<BackoffConfig>;
  readonly statusCodes: readonly (number | string)[];
  readonly retryConnectionErrors: boolean;
  readonly retryNonIdempotent: boolean;
  /** Retries draw from the client's bucket (neither the call nor the client set `budget: false`). @default true */
  readonly budget?: boolean;
}

/** A call's `retries`, then the client's `retryConfig` (each only with strategy "backoff"), the spec's policy and the defaults: the first to set a field wins. */
type Layer = Partial<Omit<RetryPolicy, "backoff" | "strategy">> & { backoff?: Partial<BackoffConfig> };

const DEFAULTS: Layer = {
  backoff: {
    initialInterval: DEFAULT_INITIAL_INTERVAL_MS,
    maxInterval: DEFAULT_MAX_INTERVAL_MS,
    exponent: DEFAULT_EXPONENT,
    maxElapsedTime: DEFAULT_MAX_ELAPSED_TIME_MS,
  },
  statusCodes: DEFAULT_RETRY_STATUS_CODES,
  retryConnectionErrors: DEFAULT_RETRY_CONNECTION_ERRORS,
  retryNonIdempotent: false,
};

const MAX = Number.MAX_VALUE;
const INTERVAL = numberIn(0, MAX_TIMER_MS, `a number of ms in [0, ${MAX_TIMER_MS}]`);
const FLAG: Check = [(value) => typeof value === "boolean", "be a boolean"];
/** The fields of strategy "backoff"; `strategy` and `budget` are checked by `check` below. */
const BACKOFF: Table = {
  strategy: 0,
  backoff: { initialInterval: INTERVAL, maxInterval: INTERVAL, exponent: numberIn(1, MAX, "a finite number >= 1"), maxElapsedTime: numberIn(0, MAX, "a finite number of ms >= 0") },
  statusCodes: [(value) => Array.isArray(value) && value.every((code) => (typeof code === "number" || typeof code === "string") && STATUS_CODE_RE.test(String(code))), 'be an array of statuses like [429, "5XX"]'],
  retryConnectionErrors: FLAG,
  retryNonIdempotent: FLAG,
  budget: 0,
};
const NONE: Table = { strategy: 0, budget: 0 };
const BUDGET: Table = Object.fromEntries(BUDGET_FIELDS.map((key) => [key, numberIn(0, MAX, "a finite number >= 0")]));

/**
 * Per-call settings override the client's, which override the spec's, field by field;
 * a field nobody sets falls back to the `DEFAULT_*` constants.
 *
 * @param context prefixes validation messages, e.g. `connections.get`.
 * @throws SDKValidationError naming the bad field, e.g. `retryConfig.backoff.exponent`.
 */
export function resolveRetryPolicy(
  spec: SpecRetryPolicy | undefined,
  client?: RetryConfig,
  call?: RetryConfig,
  context?: string,
): RetryPolicy {
  /**
   * Checks a config, which plain JavaScript callers (or a hand-written spec) can get wrong in
   * any way: a misspelt field would otherwise be ignored without a word. `name` is the
   * config's (`retries`, `retryConfig`; `retry`: the spec's).
   */
  const check = (config: any, name: string): Layer | undefined => {
    if (config === undefined) return undefined;
    const none = config?.strategy === "none";
    checkFields(context, config, none ? NONE : BACKOFF, name);
    if (!none && config.strategy !== "backoff") throw invalid(context, `${name}.strategy`, 'must be "none" or "backoff"');
    // A call may only step out of the client's bucket (`false`): the bucket's size is the client's.
    const { budget } = config;
    if (budget !== undefined && budget !== false) {
      const retries = name === "retries";
      if (retries || typeof budget !== "object" || !budget) throw invalid(context, `${name}.budget`, `must be false${retries ? "" : " or an object"}`);
      checkFields(context, budget, BUDGET, `${name}.budget`);
    }
    return none ? undefined : config;
  };
  check(spec, "retry");
  const layers = [check(call, "retries"), check(client, "retryConfig"), spec];
  const policy: any = { ...DEFAULTS, backoff: { ...DEFAULTS.backoff } };
  /** Sets each field `from` gives (undefined gives nothing). */
  const set = (into: any, from: any) => {
    for (const key in from) if (from[key] !== undefined) into[key] = from[key];
  };
  // The spec's first, so the client's and then the call's win.
  for (const layer of layers.reverse()) {
    const { backoff, ...rest } = layer ?? {};
    set(policy, rest);
    set(policy.backoff, backoff);
  }
  policy.strategy = call?.strategy ?? client?.strategy ?? spec?.strategy ?? "none";
  policy.budget = call?.budget !== false && client?.budget !== false;
  return policy;
}
