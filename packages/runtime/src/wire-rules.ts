/**
 * Leaf: imports nothing. The wire rules the runtime and the generator share, in one place:
 * what a media type is (JSON, text, form, multipart), and so how a body is encoded and a
 * success read; and OpenAPI's default parameter `style` and `explode`.
 */

/**
 * How a request body goes on the wire: `json` (JSON.stringify), `text` (a string as
 * is), `form` (application/x-www-form-urlencoded from an object), `multipart`
 * (multipart/form-data from an object or a FormData), `binary` (a Blob, ArrayBuffer,
 * typed array or string as is).
 */
export type BodyEncoding = "json" | "text" | "form" | "multipart" | "binary";

/**
 * Where a parameter goes: the path, the query, a header or the `Cookie` header; `querystring`
 * (OpenAPI 3.2) is the whole query, one value written in its media type.
 */
export type ParameterLocation = "path" | "query" | "querystring" | "header" | "cookie";

/**
 * How a parameter's value is written on the wire (OpenAPI `style`): `form`,
 * `spaceDelimited`, `pipeDelimited` and `deepObject` in the query, `simple`, `label`
 * and `matrix` in the path, `simple` in a header, `form` in a cookie.
 */
export type ParameterStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple" | "label" | "matrix";

/**
 * A JSON media type, exactly: `application/json` or `application/<anything>+json`, any case,
 * with nothing after it but parameters (`;charset=utf-8`). Not `application/json-seq`, not
 * `application/json ; charset=utf-8` (a space before the `;`). What the generator decides a
 * spec's media types with.
 */
export function isJsonMediaType(type: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json(?:;.*)?$/i.test(type);
}

/**
 * The runtime's looser JSON test, for media types read off the wire or from an `encoding`:
 * the same start as isJsonMediaType, then anything that is not a word character (`\b`). So it
 * also takes what isJsonMediaType refuses: `application/json-seq`, `application/json.x`,
 * `application/json+x`, `application/json/x`, `application/json ; charset=utf-8`, a trailing
 * space; both refuse `application/jsonx`, `application/json5` and `application/json_x`.
 * Every type isJsonMediaType takes, this one takes.
 */
export function isLooseJsonMediaType(type: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json\b/i.test(type);
}

/** `text/*`, XML and other textual types a caller reads as a string (unless streamKindOf, which wins, takes it). */
export function isTextMediaType(type: string): boolean {
  return /^(text\/[\w.+-]+|application\/(?:[\w.-]+\+)?xml|application\/(?:javascript|yaml|x-yaml|x-ndjson))(?:;.*)?$/i.test(type);
}

/**
 * A response read item by item as it arrives, and how: `eventData` (`text/event-stream`,
 * each event's JSON `data`), `jsonLines` (`application/jsonl`, `application/x-ndjson`,
 * `application/x-jsonlines`: one JSON value a line) or `jsonSeq` (`application/json-seq`,
 * RFC 7464 records). Wins over the JSON and text classes.
 */
export function streamKindOf(type: string): "eventData" | "jsonLines" | "jsonSeq" | undefined {
  const essence = /^[^;]*/.exec(type)![0].trim().toLowerCase();
  if (essence === "text/event-stream") return "eventData";
  if (essence === "application/jsonl" || essence === "application/x-ndjson" || essence === "application/x-jsonlines") return "jsonLines";
  if (essence === "application/json-seq") return "jsonSeq";
  return undefined;
}

/**
 * How a streamed success is read, item by item: `events` (each server-sent event, its
 * `data` as text), `jsonEvents` (each event, its `data` parsed as JSON), `eventData` (each
 * event's JSON `data`; a `data` that is not JSON, such as `[DONE]`, ends the stream),
 * `jsonLines` (one JSON value a line) or `jsonSeq` (RFC 7464 JSON text sequences).
 */
export type StreamKind = "events" | "jsonEvents" | "eventData" | "jsonLines" | "jsonSeq";

/** Whether a response kind is read as a stream of items: one of the StreamKinds. */
export function isStreamKind(kind: string): kind is StreamKind {
  return /^(events|jsonEvents|eventData|jsonLines|jsonSeq)$/.test(kind);
}

/** `application/x-www-form-urlencoded`, and anything starting so. */
export function isFormMediaType(type: string): boolean {
  return /^application\/x-www-form-urlencoded/i.test(type);
}

/** `multipart/` anything: `form-data`, `mixed`… */
export function isMultipartMediaType(type: string): boolean {
  return /^multipart\//i.test(type);
}

/** How a body of `mediaType` is sent: JSON, then text, form, multipart, else bytes. */
export function bodyEncodingOf(mediaType: string): BodyEncoding {
  if (isJsonMediaType(mediaType)) return "json";
  if (isTextMediaType(mediaType)) return "text";
  if (isFormMediaType(mediaType)) return "form";
  if (isMultipartMediaType(mediaType)) return "multipart";
  return "binary";
}

/** What a success of `mediaType` resolves to: a stream of items, parsed JSON, text, else a Blob. */
export function responseKindOf(mediaType: string): "json" | "text" | "binary" | "eventData" | "jsonLines" | "jsonSeq" {
  const stream = streamKindOf(mediaType);
  if (stream) return stream;
  if (isJsonMediaType(mediaType)) return "json";
  return isTextMediaType(mediaType) ? "text" : "binary";
}

/** The spec's default style per location: `form` for query and cookie, `simple` for path and header. */
export function defaultStyle(location: ParameterLocation): ParameterStyle {
  return location === "query" || location === "querystring" || location === "cookie" ? "form" : "simple";
}

/** The spec's default `explode`: true for `form`, false for every other style. */
export function defaultExplode(style: ParameterStyle): boolean {
  return style === "form";
}

/**
 * The media types an `in: querystring` parameter (OpenAPI 3.2) can be written in: a form
 * (`application/x-www-form-urlencoded`, what a query string is) or JSON (percent-encoded).
 */
export function isQueryStringMediaType(type: string): boolean {
  return isFormMediaType(type) || isJsonMediaType(type);
}

/**
 * Whether a request of `method` (any case) may be repeated after any failure by its method
 * alone: those that may be without a second side effect (RFC 9110 §9.2.2), and OpenAPI 3.2's
 * QUERY, a safe read with a body. POST, PATCH and custom methods may not (unless the
 * operation is marked `x-idempotent`).
 */
export function isIdempotentMethod(method: string): boolean {
  return /^(GET|HEAD|OPTIONS|TRACE|PUT|DELETE|QUERY)$/i.test(method);
}
