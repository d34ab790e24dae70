/**
 * The runtime features (see @x/runtime's features.ts) an SDK imports: only what its spec
 * uses beyond the core's own apiKey/bearer credentials, path parameters and JSON bodies,
 * so an application bundles no code for constructs its API never sends.
 */
import type { RuntimeFeatures } from "@x/runtime";
import type { SpecModel } from "../load/model.js";
import { allServers } from "../load/queries.js";
import { streamMedia } from "./operation.js";

type Feature = keyof RuntimeFeatures;

/** Names of the runtime's feature exports the model needs, in a stable order. */
export function runtimeFeatures(model: SpecModel): Feature[] {
  const used = new Set<Feature>();
  for (const scheme of model.securitySchemes) {
    if (scheme.kind === "basic") used.add("basicAuth");
    if (scheme.kind === "oauth2" && scheme.tokenUrl !== undefined) used.add("clientCredentials");
    if (scheme.kind === "apiKey" && scheme.in !== "header") used.add(`${scheme.in}ApiKey`);
  }
  for (const op of model.resources.flatMap((r) => r.operations)) {
    for (const param of op.parameters) {
      if (param.in !== "path") used.add(`${param.in}Parameters`);
    }
    for (const media of op.body ? [op.body, ...(op.body.others ?? [])] : []) {
      if (media.encoding !== "json") used.add(`${media.encoding}Body`);
    }
    if (streamMedia(op).length > 0) used.add("streams");
  }
  if (allServers(model).some((server) => Object.keys(server.variables ?? {}).length > 0)) used.add("serverVariables");
  return (Object.keys(ORDER) as Feature[]).filter((feature) => used.has(feature));
}

/** Every runtime feature, in the order a definition lists them: one the runtime adds and this misses fails to compile. */
const ORDER: { readonly [F in Feature]-?: true } = {
  basicAuth: true,
  clientCredentials: true,
  queryApiKey: true,
  cookieApiKey: true,
  queryParameters: true,
  querystringParameters: true,
  headerParameters: true,
  cookieParameters: true,
  textBody: true,
  formBody: true,
  multipartBody: true,
  binaryBody: true,
  serverVariables: true,
  streams: true,
};
