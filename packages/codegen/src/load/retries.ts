/** Reads the vendor's retry policy extension (`x-speakeasy-retries`) at the top of a spec. */
import type { SpecRetryPolicy } from "@x/runtime";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";

/** The shape the runtime takes (SDKDefinition.retry), so emitted code and runtime agree. */
export type { SpecRetryPolicy } from "@x/runtime";
export const RETRY_EXTENSION = "x-speakeasy-retries";
const BACKOFF_FIELDS = ["initialInterval", "maxInterval", "exponent", "maxElapsedTime"] as const;
const STATUS_RE = /^[1-5](?:[0-9]{2}|XX)$/;

/** Returns the policy, or problems naming each bad field; `undefined` when the spec has none. */
export function readRetryPolicy(
  raw: unknown,
  problems: string[],
): SpecRetryPolicy | undefined {
  if (raw === undefined) return undefined;
  const at = pointer(RETRY_EXTENSION);
  if (!isRecord(raw)) {
    problems.push(`${at}: must be an object`);
    return undefined;
  }
  const strategy = raw.strategy;
  if (strategy !== "backoff" && strategy !== "none") {
    problems.push(`${at}/strategy: must be "backoff" or "none", got ${JSON.stringify(strategy)}`);
  }
  const backoffRaw = isRecord(raw.backoff) ? raw.backoff : {};
  const backoff: Record<string, number> = {};
  for (const field of BACKOFF_FIELDS) {
    const value = backoffRaw[field];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      problems.push(`${at}/backoff/${field}: must be a non-negative number, got ${JSON.stringify(value)}`);
    } else backoff[field] = value;
  }
  const codes = Array.isArray(raw.statusCodes) ? raw.statusCodes : [];
  if (!Array.isArray(raw.statusCodes)) problems.push(`${at}/statusCodes: must be a list of status codes`);
  const statusCodes = codes.map((code: unknown, i: number) => {
    const text = String(code).toUpperCase();
    if (!STATUS_RE.test(text)) problems.push(`${at}/statusCodes/${i}: ${JSON.stringify(code)} is not a status code or range like 5XX`);
    return /XX$/.test(text) ? text : Number(text);
  });
  const retryConnectionErrors = raw.retryConnectionErrors ?? false;
  if (typeof retryConnectionErrors !== "boolean") {
    problems.push(`${at}/retryConnectionErrors: must be true or false`);
  }
  return {
    strategy: strategy === "none" ? "none" : "backoff",
    backoff: backoff as unknown as SpecRetryPolicy["backoff"],
    statusCodes,
    retryConnectionErrors: retryConnectionErrors === true,
  };
}
