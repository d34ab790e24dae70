/**
 * What a spec may use beyond the core's own path (apiKey and bearer credentials, path
 * parameters, JSON bodies): each is a value the generated SDK imports and hands the core in
 * its definition's `features`, so an application bundles only what its API uses. SDKCore
 * brings them all, for SDKs generated before this split; SDKCoreBase only those given.
 *
 * This module only wires the implementations up; only core.ts and the public entry import
 * it. What the core asks of a feature is in feature-contract.ts.
 */
import { cookieApiKey as cookieCredentials, queryApiKey as queryCredentials } from "./auth/api-key.js";
import { applyBasic } from "./auth/basic.js";
import { TokenCache } from "./auth/oauth2.js";
import { binaryBody, formBody, multipartBody, textBody } from "./body-encodings.js";
import type { RuntimeFeatures } from "./feature-contract.js";
import { serializeCookieParam, serializeHeaderParam, withCookies } from "./params/header.js";
import { serializeQueryParam } from "./params/query.js";
import { serializeQueryString } from "./params/querystring.js";
import { openStream } from "./streams/index.js";
import { serverVariables as fillServerVariables } from "./server-url.js";

export { binaryBody, formBody, multipartBody, textBody, type BodyEncoder } from "./body-encodings.js";
export type { RuntimeFeatures } from "./feature-contract.js";

/** HTTP basic schemes: `{ username, password }` as an `Authorization: Basic` header. */
export const basicAuth = applyBasic;

/** OAuth2 client-credentials schemes: one token cache per client. */
export const clientCredentials = (): TokenCache => new TokenCache();

/** apiKey schemes `in: query`: the credential set in each request's query. */
export const queryApiKey = queryCredentials;

/** apiKey schemes `in: cookie`: the credential added to each request's `Cookie` header. */
export const cookieApiKey = cookieCredentials;

/** Query parameters, in every style. */
export const queryParameters = serializeQueryParam;

/** `in: querystring` parameters (OpenAPI 3.2): the whole query, in the parameter's media type. */
export const querystringParameters = serializeQueryString;

/** Header parameters. */
export const headerParameters = serializeHeaderParam;

/** Cookie parameters: their pairs, merged into the call's `Cookie` header. */
export const cookieParameters = { serialize: serializeCookieParam, withCookies };

/** Servers whose URLs have `{variables}`, filled from the client's `serverVariables`. */
export const serverVariables = fillServerVariables;

/** Streamed responses (`text/event-stream`, JSON Lines, JSON text sequences), read item by item. */
export const streams = openStream;

/** Every feature: what SDKCore hands SDKCoreBase. */
export const ALL_FEATURES: Required<RuntimeFeatures> = {
  basicAuth,
  clientCredentials,
  queryApiKey,
  cookieApiKey,
  queryParameters,
  querystringParameters,
  headerParameters,
  cookieParameters,
  textBody,
  formBody,
  multipartBody,
  binaryBody,
  serverVariables,
  streams,
};
