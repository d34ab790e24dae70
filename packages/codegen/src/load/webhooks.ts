/**
 * `webhooks` (OpenAPI 3.1): what the API sends to the caller's endpoints. The SDK cannot
 * call them, but a receiver wants their payload types, so each JSON request body becomes an
 * exported type. Callbacks are not generated; each is a located warning.
 */
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import type { HttpMethod, WebhookModel } from "./model.js";
import { pascalCase } from "./naming.js";
import { isJsonMediaType } from "./operations.js";
import { deref } from "./refs.js";

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export function readWebhooks(document: Record<string, unknown>, warnings: string[]): WebhookModel[] {
  const hooks = isRecord(document.webhooks) ? document.webhooks : {};
  const result: WebhookModel[] = [];
  for (const [name, raw] of Object.entries(hooks)) {
    const item = deref(document, raw) ?? {};
    const methods = METHODS.filter((m) => isRecord(item[m]));
    for (const method of methods) {
      const at = pointer("webhooks", name, method);
      const body = deref(document, (item[method] as Record<string, unknown>).requestBody);
      const content = isRecord(body?.content) ? body.content : {};
      const mediaType = Object.keys(content).find(isJsonMediaType);
      if (!mediaType) {
        if (Object.keys(content).length > 0) warnings.push(`${at}/requestBody: only JSON payloads get a type; ${Object.keys(content).join(", ")} left out`);
        continue;
      }
      const stem = pascalCase(name) || "Webhook";
      result.push({
        name,
        method,
        mediaType,
        typeName: `${stem}${methods.length > 1 ? pascalCase(method) : ""}WebhookPayload`,
        ...(typeof body?.description === "string" ? { description: body.description.trim() } : {}),
      });
    }
  }
  return result;
}

/** One warning per operation with callbacks, naming them. */
export function warnCallbacks(document: Record<string, unknown>, warnings: string[]): void {
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, raw] of Object.entries(paths)) {
    const item = deref(document, raw) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op) || !isRecord(op.callbacks) || Object.keys(op.callbacks).length === 0) continue;
      warnings.push(`${pointer("paths", path, method, "callbacks")}: callbacks are not generated (${Object.keys(op.callbacks).join(", ")}); the operation is`);
    }
  }
}
