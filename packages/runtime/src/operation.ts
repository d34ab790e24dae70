/**
 * The contract between generated SDK code and the runtime: generated resource
 * methods describe each operation with an `OperationSpec` and hand it, with the
 * caller's request object, to `SDKCore.invoke`. What the SDK as a whole hands the core is
 * its `SDKDefinition` (definition.ts).
 */
import type { APIError, APIErrorInit } from "./errors.js";
import type { BodyEncoding, ParameterLocation, ParameterStyle, StreamKind } from "./wire-rules.js";

export type { BodyEncoding, ParameterStyle, StreamKind } from "./wire-rules.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace" | "query";
/**
 * A method of a path item's `additionalOperations` (OpenAPI 3.2), sent exactly as written:
 * upper case (`COPY`, `LINK`), since fetch clients upper-case the method they send.
 */
export type CustomMethod = Uppercase<string>;

/** One path, query, header or cookie parameter of an operation. */
export interface ParameterSpec {
  /** Field of the request object that carries the value (camel-cased). */
  readonly field: string;
  /** Name of the parameter on the wire, as the spec spells it. */
  readonly name: string;
  /** A cookie parameter is sent in the `Cookie` header, before any `Cookie` the caller passes. */
  readonly in: ParameterLocation;
  readonly required: boolean;
  /** What the spec's schema allows, checked before sending. */
  readonly constraints?: ParameterConstraints;
  /** @default "form" in the query and a cookie, "simple" in the path and a header */
  readonly style?: ParameterStyle;
  /** @default true for the `form` style, false for the others */
  readonly explode?: boolean;
  /** Query only: send RFC 3986's reserved characters without percent-encoding them. @default false */
  readonly allowReserved?: boolean;
  /** `querystring` only: the media type the value is written in (a form or JSON). @default "application/x-www-form-urlencoded" */
  readonly mediaType?: string;
}

/**
 * The parts of a parameter's schema worth checking on the caller's side: a value that
 * breaks them would only earn a 400 from the server. Formats other than `uuid` are
 * left to the server.
 */
export interface ParameterConstraints {
  readonly type?: "string" | "integer" | "number" | "boolean";
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly enum?: readonly (string | number | boolean)[];
}

/** One media type a request body can be sent as. */
export interface BodyMediaSpec {
  readonly mediaType: string;
  /** @default "json" */
  readonly encoding?: BodyEncoding;
  /**
   * The spec's `encoding` of a form or multipart body, by property: a part's
   * `contentType` (`application/json` sends the value as JSON), or a form field's
   * `style` / `explode` / `allowReserved` (written as the query serializers write them).
   */
  readonly fields?: Readonly<Record<string, FieldEncodingSpec>>;
}

export interface FieldEncodingSpec {
  readonly contentType?: string;
  readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
}

/** The request body of an operation. */
export interface BodySpec extends BodyMediaSpec {
  /** Field of the request object that carries the body (`requestBody` or the camel-cased component name). */
  readonly field: string;
  readonly required: boolean;
  /** Other media types the body may be sent as, chosen per call with the `contentType` option. */
  readonly others?: readonly BodyMediaSpec[];
}

/**
 * What a success resolves to: `json` the parsed body, `text` the body as a string,
 * `binary` the body as a Blob, `empty` undefined (any body is ignored), `unknown` (the spec
 * documents no success response) whatever arrives: `undefined` when empty, the parsed body
 * when it is JSON, else the text; a StreamKind an `EventStream` of items, read as they arrive
 * (see streams/).
 */
export type ResponseKind = "json" | "text" | "binary" | "empty" | "unknown" | StreamKind;

/** A generated error class for a documented error schema. */
export type ErrorClass = new (init: APIErrorInit) => APIError;

export interface OperationSpec {
  /** The spec's operationId, e.g. `get-connection`. */
  readonly operationId: string;
  /** How a user calls it, e.g. `connections.get`; used in error messages. */
  readonly methodPath: string;
  /** Lower case for the methods of the Path Item Object's fields (`query`: OpenAPI 3.2's safe read with a body), upper case for a custom one. */
  readonly method: HttpMethod | CustomMethod;
  /** Path template relative to the server URL, e.g. `/companies/{companyId}`. */
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  readonly body?: BodySpec;
  /**
   * The spec marks the operation safe to repeat (`x-idempotent: true`), so a POST or
   * PATCH is retried like a GET. Other methods are idempotent by definition.
   */
  readonly idempotent?: boolean;
  /**
   * The header that carries an idempotency key (e.g. `Idempotency-Key`): a call that sets
   * none sends a fresh UUID in it, the same on every attempt, and the operation is retried
   * like a GET whatever its method.
   */
  readonly idempotencyHeader?: string;
  readonly response: ResponseKind;
  /** The success media type, sent as `Accept`. @default "application/json" */
  readonly accept?: string;
  /** Other success media types, chosen per call with the `accept` option, with what each resolves to. */
  readonly otherAccepts?: readonly { readonly mediaType: string; readonly response: ResponseKind }[];
  /**
   * Documented error responses: status code (`"404"`), range (`"5XX"`) or `"default"`
   * mapped to the class thrown when the response has a JSON body.
   */
  readonly errors: Readonly<Record<string, ErrorClass>>;
  /**
   * The operation's own security alternatives (any one of them will do), when they
   * differ from the SDK's default (`SDKDefinition.security`). `[]` means none.
   */
  readonly security?: readonly SecurityRequirementSpec[];
  /**
   * The servers the operation's path item or the operation itself lists: it is sent to the
   * first, unless the client was given `serverURL` or the call passes one.
   */
  readonly servers?: readonly ServerSpec[];
}

/**
 * A security scheme of the spec, applied from the matching field of the caller's
 * `security` object (see auth/index.ts).
 */
export type SecuritySchemeSpec =
  | ApiKeySchemeSpec
  | { readonly field: string; readonly type: "http"; readonly scheme: "basic" | "bearer" }
  /** `tokenUrl` is set when the scheme has a clientCredentials flow. */
  | { readonly field: string; readonly type: "oauth2"; readonly tokenUrl?: string }
  | { readonly field: string; readonly type: "openIdConnect" };

export interface ApiKeySchemeSpec {
  /** Field of the `security` object, camel-cased from the scheme name (`auth_header` → `authHeader`). */
  readonly field: string;
  readonly type: "apiKey";
  readonly in: "header" | "query" | "cookie";
  /** Header, query parameter or cookie name, e.g. `Authorization`. */
  readonly name: string;
}

/**
 * One alternative of a `security` list: the fields of the schemes it needs, all of them
 * (AND), each with its OAuth2 scopes. `{}` means no credentials are needed. (A value
 * may be typed `undefined` so that generated literals of several shapes type-check.)
 */
export type SecurityRequirementSpec = { readonly [field: string]: readonly string[] | undefined };

/** One server of the spec; `{name}`s in its URL are filled from `variables`. */
export interface ServerSpec {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, ServerVariableSpec>>;
}

/** A server variable: its value is the caller's (`serverVariables`) or `default`. */
export interface ServerVariableSpec {
  /** Missing only in a spec that breaks the rule that every variable has one. */
  readonly default?: string;
  /** The only values allowed, when the spec lists them. */
  readonly enum?: readonly string[];
  readonly description?: string;
}

/** The retry policy as a spec publishes it. */
export interface SpecRetryPolicy {
  readonly strategy: "backoff" | "none";
  readonly backoff: {
    readonly initialInterval: number;
    readonly maxInterval: number;
    readonly exponent: number;
    readonly maxElapsedTime: number;
  };
  /** Status codes to retry: numbers (`429`) or ranges (`"5XX"`). */
  readonly statusCodes: readonly (number | string)[];
  readonly retryConnectionErrors: boolean;
}

/**
 * Where a paged list operation keeps its paging: the request fields of the page
 * number and size, and the response properties of the items, the page's number, its
 * size and the total across pages. Generated for operations whose `<method>All`
 * iterates every page (`SDKCore.paginate`).
 */
export interface PagingSpec {
  readonly request: { readonly page: string; readonly pageSize: string };
  readonly response: {
    readonly results: string;
    readonly pageNumber: string;
    readonly pageSize: string;
    readonly totalResults: string;
  };
}
