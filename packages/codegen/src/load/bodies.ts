/** An operation's request body: its default media type and the others, their encodings and its example. */
import type { BodyEncoding, FieldEncodingSpec } from "@x/runtime";
import type { LoadContext } from "./context.js";
import { mediaExample } from "./examples/index.js";
import { isRecord, text } from "./json.js";
import { bodyEncoding, byPreference } from "./media.js";
import type { Operation } from "./model.js";
import { camelCase } from "./naming.js";

export function readBody(ctx: LoadContext, op: Record<string, unknown>, where: { at: string; located: string }): Operation["body"] {
  const { at } = where;
  const located = ctx.locate(op.requestBody, `${where.located}/requestBody`);
  if (!located) return undefined;
  const body = located.node;
  const content = isRecord(body.content) ? body.content : {};
  const [mediaType, ...rest] = byPreference(Object.keys(content));
  if (!mediaType) {
    ctx.warn("bodies", `${at}/requestBody: has no content; the operation is generated without a body`);
    return undefined;
  }
  const encoding = bodyEncoding(mediaType);
  // Only JSON bodies are typed by their component name; others keep the inline type.
  const schema = (content[mediaType] as Record<string, unknown> | undefined)?.schema;
  const schemaName = encoding === "json" ? ctx.schemaName(schema) : undefined;
  const fields = fieldEncodings(content[mediaType], encoding, `${at}/requestBody/content/${mediaType}`, ctx);
  const others = rest.map((type) => {
    const other = bodyEncoding(type);
    const otherFields = fieldEncodings(content[type], other, `${at}/requestBody/content/${type}`, ctx);
    return { mediaType: type, encoding: other, ...(otherFields ? { fields: otherFields } : {}) };
  });
  const media = ctx.deref(content[mediaType]) ?? {};
  const example = mediaExample(ctx, media);
  return {
    pointer: located.at,
    field: schemaName ? camelCase(schemaName) : "requestBody",
    required: body.required === true,
    mediaType,
    encoding,
    ...(schemaName ? { schemaName } : {}),
    ...text("description", body.description),
    ...(schema !== undefined ? { schema } : {}),
    ...(fields ? { fields } : {}),
    ...(others.length > 0 ? { others } : {}),
    example,
  };
}

const FORM_STYLES: readonly string[] = ["form", "spaceDelimited", "pipeDelimited", "deepObject"];

/**
 * A form or multipart body's `encoding`, by property: a part's `contentType`, and a form
 * field's `style` / `explode` / `allowReserved` (a style a form field cannot have is warned
 * about and left out). `undefined` when there is nothing to say.
 */
function fieldEncodings(media: unknown, encoding: BodyEncoding, at: string, ctx: LoadContext): Record<string, FieldEncodingSpec> | undefined {
  const declared = isRecord(media) && isRecord(media.encoding) ? media.encoding : {};
  if (encoding !== "form" && encoding !== "multipart") return undefined;
  const fields: Record<string, FieldEncodingSpec> = {};
  for (const [name, raw] of Object.entries(declared)) {
    if (!isRecord(raw)) continue;
    const style = raw.style;
    if (style !== undefined && !FORM_STYLES.includes(style as string)) ctx.warn("bodies", `${at}/encoding/${name}: style ${JSON.stringify(style)} is not one a form field can have; sent as form`);
    const field: FieldEncodingSpec = {
      ...(typeof raw.contentType === "string" ? { contentType: raw.contentType } : {}),
      // Style and explode apply to form bodies only (OpenAPI 3.x, Encoding Object).
      ...(encoding === "form" && FORM_STYLES.includes(style as string) ? { style: style as FieldEncodingSpec["style"] } : {}),
      ...(encoding === "form" && typeof raw.explode === "boolean" ? { explode: raw.explode } : {}),
      ...(encoding === "form" && raw.allowReserved === true ? { allowReserved: true } : {}),
    };
    if (Object.keys(field).length > 0) fields[name] = field;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

