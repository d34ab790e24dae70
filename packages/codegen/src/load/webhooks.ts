/**
 * `webhooks` (OpenAPI 3.1): what the API sends to the caller's endpoints. The SDK cannot
 * call them, but a receiver wants their payload types, so each JSON request body becomes an
 * exported type. (Callbacks are not generated: readOperation warns about each.)
 */
import type { LoadContext } from "./context.js";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import type { WebhookModel } from "./model.js";
import { isJsonMediaType } from "./media.js";
import { METHODS } from "./path-items.js";
import { wantedWebhookTypeName } from "./type-names.js";

export function readWebhooks(ctx: LoadContext): WebhookModel[] {
  const hooks = isRecord(ctx.document.webhooks) ? ctx.document.webhooks : {};
  const result: WebhookModel[] = [];
  for (const [name, raw] of Object.entries(hooks)) {
    const item = ctx.deref(raw) ?? {};
    const methods = METHODS.filter((m) => isRecord(item[m]));
    for (const method of methods) {
      const at = pointer("webhooks", name, method);
      const body = ctx.deref((item[method] as Record<string, unknown>).requestBody);
      const content = isRecord(body?.content) ? body.content : {};
      const mediaType = Object.keys(content).find(isJsonMediaType);
      if (!mediaType) {
        if (Object.keys(content).length > 0) ctx.warn("webhooks", `${at}/requestBody: only JSON payloads get a type; ${Object.keys(content).join(", ")} left out`);
        continue;
      }
      result.push({
        name,
        method,
        mediaType,
        typeName: wantedWebhookTypeName(name, method, methods.length > 1),
        ...(typeof body?.description === "string" ? { description: body.description.trim() } : {}),
      });
    }
  }
  return result;
}
