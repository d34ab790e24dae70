/** Request bodies by encoding: what the spec's media type says goes on the wire. */
import { SDKValidationError } from "./errors.js";
import type { BodyEncoding } from "./operation.js";

/** A body for fetch, from the caller's value; `at` and `field` name it in errors. */
export function serializeBody(encoding: BodyEncoding, value: unknown, at: string, field: string): BodyInit {
  switch (encoding) {
    case "json":
      return JSON.stringify(value);
    case "text":
      if (typeof value !== "string") throw new SDKValidationError(`${at}: ${field} must be a string`, field);
      return value;
    case "form":
      return formUrlEncoded(value, at, field);
    case "multipart":
      return multipart(value, at, field);
    case "binary":
      if (typeof value === "string" || value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        return value as BodyInit;
      }
      throw new SDKValidationError(`${at}: ${field} must be a Blob, an ArrayBuffer, a typed array or a string`, field);
  }
}

/** Whether the SDK sets Content-Type itself; fetch must set it for multipart (the boundary). */
export function setsContentType(encoding: BodyEncoding): boolean {
  return encoding !== "multipart";
}

function fields(value: unknown, at: string, field: string): [string, unknown][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SDKValidationError(`${at}: ${field} must be an object of fields`, field);
  }
  return Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
}

/** Scalars as text, dates as ISO 8601, objects as JSON: what servers commonly expect. */
function fieldText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function formUrlEncoded(value: unknown, at: string, field: string): string {
  const params = new URLSearchParams();
  for (const [name, item] of fields(value, at, field)) {
    for (const one of Array.isArray(item) ? item : [item]) params.append(name, fieldText(one));
  }
  return params.toString();
}

function multipart(value: unknown, at: string, field: string): FormData {
  if (value instanceof FormData) return value;
  const form = new FormData();
  for (const [name, item] of fields(value, at, field)) {
    for (const one of Array.isArray(item) ? item : [item]) {
      if (one instanceof Blob) form.append(name, one);
      else if (one instanceof ArrayBuffer || ArrayBuffer.isView(one)) form.append(name, new Blob([one as ArrayBuffer]));
      else form.append(name, fieldText(one));
    }
  }
  return form;
}
