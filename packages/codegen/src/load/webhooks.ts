/**
 * `webhooks` (OpenAPI 3.1): what the API sends to the caller's endpoints. The SDK cannot
 * call them, but a receiver wants their payload types, so each JSON request body becomes an
 * exported type. (Callbacks are not generated: readOperation warns about each.)
 */
import { warning, type Warning } from "./warnings.js";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import type { WebhookModel } from "./model.js";
import { pascalCase } from "./naming.js";
import { isJsonMediaType } from "./media.js";
import { METHODS } from "./operations.js";
import { deref } from "./refs.js";

export function readWebhooks(document: Record<string, unknown>, warnings: Warning[]): WebhookModel[] {
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
        if (Object.keys(content).length > 0) warnings.push(warning("webhooks", `${at}/requestBody: only JSON payloads get a type; ${Object.keys(content).join(", ")} left out`));
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
