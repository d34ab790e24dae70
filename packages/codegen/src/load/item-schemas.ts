/**
 * Streamed responses: which kind of stream a media type is (the runtime's StreamKind), and
 * OpenAPI 3.2's `itemSchema` made readable to openapi-typescript, which knows only `schema`.
 * In the loader's own copy of the document, a media type with an `itemSchema` and no
 * `schema` gets the item's type as its `schema`, so `content[mediaType]` in the generated
 * types is one item; for an event stream, the item's `data` becomes its `contentSchema`
 * when that is JSON (the runtime parses it).
 */
import type { StreamKind } from "@x/runtime";
import type { LoadContext } from "./context.js";
import { isRecord } from "./json.js";
import { isJsonMediaType, responseKind } from "./media.js";

/** How a streamed media type is read, or `undefined` when it is no stream. */
export function streamKind(ctx: LoadContext, mediaType: string, media: Record<string, unknown>): StreamKind | undefined {
  const kind = responseKind(mediaType);
  if (kind !== "eventData" && kind !== "jsonLines" && kind !== "jsonSeq") return undefined;
  if (kind !== "eventData") return kind;
  if (media.itemSchema !== undefined) return jsonEventData(ctx, media.itemSchema) ? "jsonEvents" : "events";
  // 3.0/3.1: the schema types each event's JSON data (chat-completion style); with none, the events themselves.
  return media.schema !== undefined ? "eventData" : "events";
}

/** The `data` of an event item is JSON: its `contentMediaType` says so. */
function jsonEventData(ctx: LoadContext, itemSchema: unknown): unknown {
  const properties = ctx.deref(itemSchema)?.properties;
  const data = isRecord(properties) ? ctx.deref(properties.data) : undefined;
  return data && typeof data.contentMediaType === "string" && isJsonMediaType(data.contentMediaType) ? data.contentSchema ?? {} : undefined;
}

/** Rewrites the loader's copy in place: see the module's comment. */
export function normalizeItemSchemas(ctx: LoadContext): void {
  const seen = new Set<unknown>();
  const visitResponse = (raw: unknown): void => {
    const content = ctx.deref(raw)?.content;
    if (!isRecord(content)) return;
    for (const [mediaType, rawMedia] of Object.entries(content)) {
      const media = ctx.deref(rawMedia);
      if (!media || seen.has(media) || media.itemSchema === undefined || media.schema !== undefined) continue;
      seen.add(media);
      media.schema = itemType(ctx, mediaType, media.itemSchema);
    }
  };
  const paths = isRecord(ctx.document.paths) ? ctx.document.paths : {};
  for (const rawItem of Object.values(paths)) {
    // Every operation of the path item (its methods, whatever they are), and nothing else has `responses`.
    for (const op of Object.values(ctx.deref(rawItem) ?? {})) {
      const responses = isRecord(op) ? op.responses : undefined;
      if (isRecord(responses)) Object.values(responses).forEach(visitResponse);
    }
  }
  const components = isRecord(ctx.document.components) ? ctx.document.components : {};
  if (isRecord(components.responses)) Object.values(components.responses).forEach(visitResponse);
}

function itemType(ctx: LoadContext, mediaType: string, itemSchema: unknown): unknown {
  if (responseKind(mediaType) !== "eventData") return itemSchema;
  const data = jsonEventData(ctx, itemSchema);
  const item = ctx.deref(itemSchema);
  if (data === undefined || !item || !isRecord(item.properties)) return itemSchema;
  return { ...item, properties: { ...item.properties, data } };
}
