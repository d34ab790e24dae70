/**
 * Webhook payloads: exported types that a receiver reads, so each payload present on both
 * sides is compared as a response is (a removed or loosened property breaks the receiver,
 * a new one does not). A payload added or removed is an export added or removed, which
 * compareExports reports.
 */
import type { DiffContext } from "./context.js";
import { child } from "./json.js";
import { compareSchema } from "./schema.js";

export function compareWebhooks(ctx: DiffContext): void {
  for (const a of ctx.after.webhooks ?? []) {
    const b = (ctx.before.webhooks ?? []).find((w) => w.name === a.name && w.method === a.method);
    if (!b) continue;
    const schemaAt = (mediaType: string) => child("#/webhooks", a.name, a.method, "requestBody", "content", mediaType, "schema");
    const node = (doc: unknown, mediaType: string): unknown => {
      let current: unknown = doc;
      for (const key of ["webhooks", a.name, a.method, "requestBody", "content", mediaType, "schema"]) current = (current as Record<string, unknown> | undefined)?.[key];
      return current;
    };
    const before = { node: node(ctx.beforeDoc, b.mediaType), at: schemaAt(b.mediaType) };
    const after = { node: node(ctx.afterDoc, a.mediaType), at: schemaAt(a.mediaType) };
    ctx.cover(before.at);
    ctx.cover(after.at);
    if (b.mediaType !== a.mediaType) ctx.add("major", after.at, `webhook ${a.name}: payload media type ${b.mediaType} → ${a.mediaType}`);
    compareSchema(ctx, { context: `webhook ${a.name}: `, dir: "out", noun: "payload", label: a.typeName }, before, after);
  }
}
