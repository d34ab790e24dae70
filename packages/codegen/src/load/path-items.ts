/**
 * The operations a path item holds: its method fields (OpenAPI 3.2 adds `query`, a safe and
 * idempotent read that carries a body) and the custom methods of 3.2's `additionalOperations`
 * (`COPY`, `LINK`), which the runtime sends as written. A custom method the runtime cannot
 * send as written is refused, with the reason (operations.ts warns with its pointer).
 */
import type { CustomMethod } from "@x/runtime";
import { isRecord } from "./json.js";
import type { HttpMethod } from "./model.js";

/** The classic method fields of a Path Item Object (and a webhook's). */
export const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** OpenAPI 3.2's QUERY method field. */
export const QUERY_METHOD = "query";
const ADDITIONAL = "additionalOperations";
/** Methods fetch refuses to send (the Fetch standard's forbidden methods). */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
/** An HTTP method token (RFC 9110 §9.1) without lower-case letters: fetch clients upper-case the method they send. */
const SENDABLE_METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Z]+$/;

export interface PathItemOperation {
  readonly method: HttpMethod | CustomMethod;
  readonly op: Record<string, unknown>;
  /** Where under the path item it is written: `["get"]`, `["additionalOperations", "COPY"]`. */
  readonly segments: readonly string[];
}

export function pathItemOperations(item: Record<string, unknown>): { operations: PathItemOperation[]; refused: { segments: string[]; reason: string }[] } {
  const operations: PathItemOperation[] = [];
  for (const method of [...METHODS, QUERY_METHOD] as const) {
    const op = item[method];
    if (isRecord(op)) operations.push({ method, op, segments: [method] });
  }
  const refused: { segments: string[]; reason: string }[] = [];
  const additional = item[ADDITIONAL];
  if (additional === undefined) return { operations, refused };
  if (!isRecord(additional)) return { operations, refused: [{ segments: [ADDITIONAL], reason: "must map methods to operations; none is generated" }] };
  for (const [key, op] of Object.entries(additional)) {
    const segments = [ADDITIONAL, key];
    const reason = !isRecord(op)
      ? "is not an operation object; not generated"
      : [...METHODS, QUERY_METHOD].includes(key.toLowerCase() as HttpMethod)
        ? `${key} is the method of the path item's field ${key.toLowerCase()}, where OpenAPI 3.2 wants it; not generated`
        : !SENDABLE_METHOD.test(key)
          ? `the method ${JSON.stringify(key)} cannot be sent as written (fetch clients send a method upper-cased, and HTTP methods are case-sensitive); not generated`
          : FORBIDDEN_METHODS.has(key)
            ? `fetch refuses to send the method ${key}; not generated`
            : undefined;
    if (reason !== undefined) refused.push({ segments, reason });
    else operations.push({ method: key as CustomMethod, op: op as Record<string, unknown>, segments });
  }
  return { operations, refused };
}
