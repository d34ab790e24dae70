/**
 * The runtime features (see @x/runtime's features.ts) an SDK imports: only what its spec
 * uses beyond the core's own apiKey/bearer credentials, path parameters and JSON bodies,
 * so an application bundles no code for constructs its API never sends.
 */
import type { SpecModel } from "../load/model.js";

/** Names of the runtime's feature exports the model needs, in a stable order. */
export function runtimeFeatures(model: SpecModel): string[] {
  const used = new Set<string>();
  for (const scheme of model.securitySchemes) {
    if (scheme.kind === "basic") used.add("basicAuth");
    if (scheme.kind === "oauth2" && scheme.tokenUrl !== undefined) used.add("clientCredentials");
  }
  for (const op of model.resources.flatMap((r) => r.operations)) {
    for (const param of op.parameters) {
      if (param.in !== "path") used.add(`${param.in}Parameters`);
    }
    for (const media of op.body ? [op.body, ...(op.body.others ?? [])] : []) {
      if (media.encoding !== "json") used.add(`${media.encoding}Body`);
    }
  }
  return FEATURE_ORDER.filter((feature) => used.has(feature));
}

const FEATURE_ORDER = [
  "basicAuth",
  "clientCredentials",
  "queryParameters",
  "headerParameters",
  "cookieParameters",
  "textBody",
  "formBody",
  "multipartBody",
  "binaryBody",
];
