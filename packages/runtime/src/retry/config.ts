/**
 * Retry settings as users write them, and the one pure function that merges them
 * with the spec's policy into the policy a call runs with.
 */
import { SDKValidationError } from "../errors.js";
import type { SpecRetryPolicy } from "../operation.js";
import { BUDGET_FIELDS, type RetryBudgetConfig } from "./budget.js";

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

const BACKOFF_FIELDS = ["initialInterval", "maxInterval", "exponent", "maxElapsedTime"] as const;
const CONFIG_FIELDS = ["strategy", "backoff", "statusCodes", "retryConnectionErrors", "retryNonIdempotent", "budget"] as const;
const STATUS_CODE_RE = /^([1-5]\d\d|[1-5]XX)$/i;

/**
 * Per-call settings override the client's, which override the spec's, field by field;
 * a backoff field nobody sets falls back to the `DEFAULT_*` constants.
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
  const prefix = context ? `${context}: ` : "";
  if (spec !== undefined) checkSpec(spec, prefix);
  const overrides = [checkConfig(call, "retries", prefix), checkConfig(client, "retryConfig", prefix)];
  const backoffs = overrides.map((c) => (c?.strategy === "backoff" ? c.backoff : undefined));
  const pick = <K extends keyof BackoffConfig>(key: K, fallback: number): number =>
    backoffs[0]?.[key] ?? backoffs[1]?.[key] ?? spec?.backoff[key] ?? fallback;
  /** The first value set by the call, then the client. */
  const first = <K extends "statusCodes" | "retryConnectionErrors" | "retryNonIdempotent">(key: K) =>
    overrides.map((c) => (c?.strategy === "backoff" ? c[key] : undefined)).find((value) => value !== undefined);

  return {
    strategy: call?.strategy ?? client?.strategy ?? spec?.strategy ?? "none",
    backoff: {
      initialInterval: pick("initialInterval", DEFAULT_INITIAL_INTERVAL_MS),
      maxInterval: pick("maxInterval", DEFAULT_MAX_INTERVAL_MS),
      exponent: pick("exponent", DEFAULT_EXPONENT),
      maxElapsedTime: pick("maxElapsedTime", DEFAULT_MAX_ELAPSED_TIME_MS),
    },
    statusCodes: first("statusCodes") ?? spec?.statusCodes ?? DEFAULT_RETRY_STATUS_CODES,
    retryConnectionErrors: first("retryConnectionErrors") ?? spec?.retryConnectionErrors ?? DEFAULT_RETRY_CONNECTION_ERRORS,
    retryNonIdempotent: first("retryNonIdempotent") ?? false,
    budget: call?.budget !== false && client?.budget !== false,
  };
}

/** Checks a user-supplied config, which plain JavaScript callers can get wrong in any way. */
function checkConfig(config: RetryConfig | undefined, name: string, prefix: string): RetryConfig | undefined {
  if (config === undefined) return undefined;
  if (typeof config !== "object" || config === null) {
    throw new SDKValidationError(`${prefix}${name} must be an object like { strategy: "backoff" }`, name);
  }
  if (config.strategy !== "none" && config.strategy !== "backoff") {
    throw new SDKValidationError(`${prefix}${name}.strategy must be "none" or "backoff"`, `${name}.strategy`);
  }
  checkKeys(config, config.strategy === "none" ? ["strategy", "budget"] : CONFIG_FIELDS, name, prefix);
  const { budget } = config;
  // A call may only step out of the client's bucket (`false`): the bucket's size is the client's.
  if (budget !== undefined && budget !== false && name === "retries") throw new SDKValidationError(`${prefix}retries.budget must be false`, "retries.budget");
  if (budget !== false) checkObject(budget, BUDGET_FIELDS, `${name}.budget`, prefix, "false or an object");
  if (config.strategy === "none") return config;
  for (const key of ["retryConnectionErrors", "retryNonIdempotent"] as const) {
    if (config[key] !== undefined && typeof config[key] !== "boolean") {
      const field = `${name}.${key}`;
      throw new SDKValidationError(`${prefix}${field} must be a boolean`, field);
    }
  }
  if (config.statusCodes !== undefined) checkStatusCodes(config.statusCodes, `${name}.statusCodes`, prefix);
  checkObject(config.backoff, BACKOFF_FIELDS, `${name}.backoff`, prefix);
  return config;
}

/** An object of numbers (`backoff`, `budget`) when set; `want` names what else is allowed. */
function checkObject(value: unknown, fields: readonly string[], field: string, prefix: string, want = "an object"): void {
  if (value === undefined) return;
  if (typeof value !== "object" || !value) throw new SDKValidationError(`${prefix}${field} must be ${want}`, field);
  checkNumbers(value, fields, field, prefix);
}

function checkSpec(spec: SpecRetryPolicy, prefix: string): void {
  if (spec.strategy !== "none" && spec.strategy !== "backoff") {
    throw new SDKValidationError(`${prefix}retry.strategy must be "none" or "backoff"`, "retry.strategy");
  }
  checkNumbers(spec.backoff, BACKOFF_FIELDS, "retry.backoff", prefix);
  checkStatusCodes(spec.statusCodes, "retry.statusCodes", prefix);
}

function checkStatusCodes(codes: unknown, field: string, prefix: string): void {
  if (!Array.isArray(codes)) throw new SDKValidationError(`${prefix}${field} must be an array like [429, "5XX"]`, field);
  for (const code of codes as unknown[]) {
    const ok = (typeof code === "number" || typeof code === "string") && STATUS_CODE_RE.test(String(code));
    if (!ok) throw new SDKValidationError(`${prefix}${field} has ${JSON.stringify(code)}; want 429 or "5XX"`, field);
  }
}

/** A misspelt field would otherwise be ignored without a word. */
function checkKeys(config: object, allowed: readonly string[], name: string, prefix: string): void {
  for (const key of Object.keys(config)) {
    if (!allowed.includes(key)) {
      throw new SDKValidationError(`${prefix}${name}.${key} is not a known field; expected: ${allowed.join(", ")}`, `${name}.${key}`);
    }
  }
}

/** Each field of `fields` set in `config` is a finite number >= 0 (`exponent` >= 1, intervals within timer range). */
function checkNumbers(config: object, fields: readonly string[], name: string, prefix: string): void {
  checkKeys(config, fields, name, prefix);
  for (const key of fields) {
    const value: unknown = (config as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const field = `${name}.${key}`;
    const ok = typeof value === "number" && Number.isFinite(value) && value >= (key === "exponent" ? 1 : 0);
    if (!ok) {
      const want = key === "exponent" ? "a finite number >= 1" : `a finite number${fields === BACKOFF_FIELDS ? " of ms" : ""} >= 0`;
      throw new SDKValidationError(`${prefix}${field} must be ${want} (got ${String(value)})`, field);
    }
    if ((key === "initialInterval" || key === "maxInterval") && value > MAX_TIMER_MS) {
      throw new SDKValidationError(`${prefix}${field} must be at most ${MAX_TIMER_MS} ms`, field);
    }
  }
}
