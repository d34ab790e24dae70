/** Request bodies by encoding: what the spec's media type says goes on the wire. */
import { invalid } from "./checks.js";
import type { WireBody } from "./body-encodings.js";
import { bodyFeature, missingFeature, type RuntimeFeatures } from "./feature-contract.js";
import type { BodyMediaSpec, BodySpec, OperationSpec, ResponseKind } from "./operation.js";

/**
 * A body for fetch, from the caller's value; `at` and `field` name it in errors. JSON is
 * the core's own; every other encoding is a feature the SDK brings (features.ts).
 * @param sdkName names the SDK when a feature is missing
 */
export function serializeBody(media: BodyMediaSpec, value: unknown, at: string, field: string, features: RuntimeFeatures, sdkName: string): WireBody {
  const encoding = media.encoding ?? "json";
  if (encoding === "json") return JSON.stringify(value);
  const feature = bodyFeature(encoding);
  const encode = features[feature];
  if (!encode) throw missingFeature(sdkName, feature, `${at}: a ${encoding} body`);
  return encode(media, value, at, field);
}

/** Whether the SDK sets Content-Type itself; fetch must set it for multipart (the boundary). */
export function setsContentType(media: BodyMediaSpec): boolean {
  return media.encoding !== "multipart";
}

/** The media type a call sends its body as: the `contentType` option (one the spec lists) or the default. */
export function bodyMedia(body: BodySpec, contentType: string | undefined, at: string): BodyMediaSpec {
  return pick([body, ...(body.others ?? [])], contentType, at, "contentType");
}

/** What a call asks for (`Accept`) and resolves to: the `accept` option (one the spec lists) or the default. */
export function responseMedia(op: OperationSpec, accept: string | undefined): { mediaType: string; response: ResponseKind } {
  return pick([{ mediaType: op.accept ?? "application/json", response: op.response }, ...(op.otherAccepts ?? [])], accept, op.methodPath, "accept");
}

function pick<M extends { mediaType: string }>(all: readonly M[], wanted: string | undefined, at: string, option: string): M {
  const media = wanted === undefined ? all[0] : all.find((m) => m.mediaType.toLowerCase() === String(wanted).toLowerCase());
  if (media) return media;
  throw invalid(at, `options.${option}`, `must be one of ${all.map((m) => JSON.stringify(m.mediaType)).join(", ")}`);
}
