import type { SpecModel } from "@x/codegen";
import type { Json } from "./json.js";

/**
 * The spec as written, for the comparisons that judge it as such (schemas, the catch-all of
 * leftovers.ts): spec:diff's one way to the parsed document. Everything else reads the model.
 */
export function asWritten(model: SpecModel): Json {
  return model.document;
}
