/** An operation's responses: the first documented success (what a call resolves to) and the errors with a typed body. */
import { childPointer, type LoadContext } from "./context.js";
import { mediaExample } from "./examples/index.js";
import { isRecord, text } from "./json.js";
import { byPreference, isJsonMediaType, responseKind } from "./media.js";
import type { ErrorResponse, SuccessResponse } from "./model.js";

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
  const kind = responseKind(mediaType);
  const others = rest.map((type) => ({ mediaType: type, kind: responseKind(type) }));
  const alternatives = others.length > 0 ? { others } : {};
  if (kind !== "json") return { ...where, kind, status, mediaType, ...alternatives };
  const media = ctx.deref((content as Record<string, unknown>)[mediaType]) ?? {};
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
