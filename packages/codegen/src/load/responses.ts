/** An operation's responses: the first documented success (what a call resolves to) and the errors with a typed body. */
import { childPointer, type LoadContext } from "./context.js";
import { mediaExample } from "./examples/index.js";
import { isRecord, text } from "./json.js";
import { byPreference, isJsonMediaType, responseKind } from "./media.js";
import { streamKind } from "./item-schemas.js";
import type { ErrorResponse, ResponseMedia, StreamItem, SuccessResponse } from "./model.js";

/** Every status the operation documents, as written. */
export function readStatuses(op: Record<string, unknown>): string[] {
  return isRecord(op.responses) ? Object.keys(op.responses) : [];
}

export function readSuccess(ctx: LoadContext, op: Record<string, unknown>, at: string): SuccessResponse {
  if (!isRecord(op.responses) || Object.keys(op.responses).length === 0) return { kind: "unknown", status: "2XX" };
  const responses = op.responses;
  const status = Object.keys(responses).filter((s) => /^2(\d\d|XX)$/i.test(s)).sort()[0];
  if (!status) return { kind: "empty", status: "2XX" };
  const located = ctx.locate(responses[status], childPointer(at, "responses", status));
  const where = located ? { pointer: located.at, ...text("description", located.node.description) } : {};
  const content = located?.node.content;
  const [mediaType, ...rest] = byPreference(isRecord(content) ? Object.keys(content) : []);
  if (!mediaType) return { ...where, kind: "empty", status };
  const mediaOf = (type: string) => ctx.deref((content as Record<string, unknown>)[type]) ?? {};
  const others = rest.map((type): ResponseMedia => {
    const stream = streamKind(ctx, type, mediaOf(type));
    return stream ? { mediaType: type, kind: stream, item: streamItem(ctx, mediaOf(type)) } : { mediaType: type, kind: responseKind(type) as ResponseMedia["kind"] };
  });
  const alternatives = others.length > 0 ? { others } : {};
  const stream = streamKind(ctx, mediaType, mediaOf(mediaType));
  if (stream) return { ...where, kind: stream, status, mediaType, item: streamItem(ctx, mediaOf(mediaType)), ...alternatives };
  const kind = responseKind(mediaType);
  if (kind !== "json") return { ...where, kind: kind as "text" | "binary", status, mediaType, ...alternatives };
  const media = mediaOf(mediaType);
  const schema = media.schema;
  const schemaName = ctx.schemaName(schema);
  const example = mediaExample(ctx, media);
  return {
    ...where, kind: "json", status, mediaType, ...(schemaName ? { schemaName } : {}), ...(schema !== undefined ? { schema } : {}), ...alternatives, example,
  };
}

export function readErrors(ctx: LoadContext, op: Record<string, unknown>, at: string): ErrorResponse[] {
  const responses = isRecord(op.responses) ? op.responses : {};
  const errors: ErrorResponse[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^([45](\d\d|XX)|default)$/i.test(status)) continue;
    const located = ctx.locate(raw, childPointer(at, "responses", status));
    const content = located?.node.content;
    if (!located || !isRecord(content)) continue;
    const mediaType = Object.keys(content).find(isJsonMediaType);
    const media = mediaType ? ctx.deref(content[mediaType]) : undefined;
    const schemaName = media ? ctx.schemaName(media.schema) : undefined;
    if (media && schemaName) {
      errors.push({
        status: /^default$/i.test(status) ? "default" : status.toUpperCase(), schemaName, pointer: located.at, ...text("description", located.node.description),
        example: mediaExample(ctx, media),
      });
    }
  }
  return errors;
}

/** A stream's items: typed by the media type's `schema` (an `itemSchema` was made one, load/item-schemas.ts). */
function streamItem(ctx: LoadContext, media: Record<string, unknown>): StreamItem {
  const schemaName = ctx.schemaName(media.schema);
  return { ...(schemaName ? { schemaName } : {}), typed: media.schema !== undefined };
}
