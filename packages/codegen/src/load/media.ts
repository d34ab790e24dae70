/**
 * Which media type of a body or response is the default. What each media type is on the wire
 * (JSON, text, form, multipart, bytes) is the runtime's rule (wire-rules.ts), imported here.
 */
import { isFormMediaType, isJsonMediaType, isTextMediaType } from "@x/runtime";

export { bodyEncodingOf as bodyEncoding, isJsonMediaType, isTextMediaType, responseKindOf as responseKind } from "@x/runtime";

/** JSON first, then text, forms, multipart form data, then anything else (sent or read as bytes); the first is the default. */
export function byPreference(types: readonly string[]): string[] {
  const rank = (type: string): number => {
    if (isJsonMediaType(type)) return 0;
    if (isTextMediaType(type)) return 1;
    if (isFormMediaType(type)) return 2;
    if (/^multipart\/form-data/i.test(type)) return 3;
    return 4;
  };
  return [...types].sort((a, b) => rank(a) - rank(b));
}
