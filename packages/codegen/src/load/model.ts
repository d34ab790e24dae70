/**
 * The spec as the emitters see it: every name decided, every $ref resolved,
 * so emitters only print. Built by `loadSpec`.
 */
import type { BodyEncoding, CustomMethod, FieldEncodingSpec } from "@x/runtime";
import type { ParameterConstraints, ParameterStyle, StreamKind } from "@x/runtime";
import type { Shapes } from "@x/runtime";
import type { SpecRetryPolicy } from "./retries.js";
import type { Warning } from "./warnings.js";

/** A Path Item Object's method fields (`query`: OpenAPI 3.2). */
export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace" | "query";

/**
 * Stands for a file's contents in an example (a `format: binary` property of a multipart body):
 * JSON cannot spell it, so the README prints it as `new Blob([...])`.
 */
export const BINARY_EXAMPLE: unique symbol = Symbol("binary example");

export interface SpecModel {
  /** The spec file as the user named it (for messages and banners). */
  readonly file: string;
  /**
   * The normalised document, for the types emitter to hand to openapi-typescript (see
   * emit/types.ts) and for spec:diff's comparison of specs as written: nothing else reads it;
   * everything an emitter prints is in the rest of the model.
   */
  readonly document: Record<string, unknown>;
  /** OpenAPI 3.2 `$self`: the document's own URI as it states it (the base its relative references mean). */
  readonly self?: string;
  /** `info.version` as the spec writes it. */
  readonly version?: string;
  /** The client class's name, when the loader was given one (see settleClientName). */
  readonly clientName?: string;
  readonly title: string;
  readonly description?: string;
  readonly servers: readonly ServerModel[];
  readonly securitySchemes: readonly SecurityScheme[];
  /** The top-level security alternatives; `undefined` when the spec states none. */
  readonly security?: readonly SecurityRequirement[];
  readonly retry?: SpecRetryPolicy;
  /**
   * The spec's component schemas, in spec order, with the TypeScript name of each: with the
   * operation, webhook and error types, the package's exported surface. The loader's own
   * copies (`hoistedFrom`) are not among them.
   */
  readonly schemas: readonly SchemaModel[];
  /**
   * Every component schema and what each operation sends and answers, as data (the runtime's
   * `Shapes`, see load/shapes.ts), for the generated `shapes.ts` that response validation and the
   * test kit read at run time.
   */
  readonly shapes: Shapes;
  readonly resources: readonly Resource[];
  /** Payload types of the spec's `webhooks`, exported for receivers. */
  readonly webhooks: readonly WebhookModel[];
  /**
   * What the generator did instead of something it does not support, or to settle a
   * clash: each starts with the JSON pointer of the construct. The CLI prints them.
   */
  readonly warnings: readonly string[];
  /** The same warnings, each with its kind, for printing them grouped (see warningLines). */
  readonly kindedWarnings: readonly Warning[];
  /**
   * Schemas the loader copied under `components/schemas` from a `$ref` into the middle of
   * another (see hoistNestedSchemaRefs), or from the inline schema of a querystring parameter
   * (load/querystring.ts): each copy's name → the pointer it came from. They exist
   * for openapi-typescript only: a copy's name depends on where the spec defines it, so it is
   * exported nowhere and read as an inline schema (a body or response it types gets the
   * operation's own type name).
   */
  readonly hoistedFrom?: Readonly<Record<string, string>>;
}

/** A server of the spec, as the runtime's ServerSpec. */
export interface ServerModel {
  readonly url: string;
  readonly description?: string;
  /** `{name}`s of the URL, each with its default and the values allowed. */
  readonly variables?: Readonly<Record<string, ServerVariableModel>>;
}

export interface ServerVariableModel {
  /** Missing only when the spec gives none (it must; warned). */
  readonly default?: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

export interface WebhookModel {
  /** Key under `webhooks`, e.g. `newPet`. */
  readonly name: string;
  readonly method: HttpMethod;
  /** The JSON media type of its request body. */
  readonly mediaType: string;
  /** Exported type of the payload, e.g. `NewPetWebhookPayload`. */
  readonly typeName: string;
  readonly description?: string;
}

export interface SchemaModel {
  /** Name under `components/schemas`. */
  readonly name: string;
  /** Exported TypeScript name. */
  readonly typeName: string;
  readonly description?: string;
  /** Set when the schema is an error body: the generated error class. */
  readonly errorClass?: ErrorClassModel;
}

export interface ErrorClassModel {
  readonly className: string;
  /** Top-level properties copied onto the error instance. */
  readonly fields: readonly { name: string; description?: string }[];
  /** The property whose value reads best as the error's message, if any. */
  readonly messageField?: string;
}

/** A security scheme the runtime applies from the `security` field named `field`. */
export type SecurityScheme = {
  readonly schemeName: string;
  readonly field: string;
  readonly description?: string;
  /** The field is required in `Security` (see markRequired). */
  readonly required: boolean;
  /** What it needs from the caller, for docs and messages: `header X-API-Key`, `HTTP bearer token`. */
  readonly summary: string;
  /** OpenAPI 3.2 `deprecated: true`: the API is retiring it (its field is marked `@deprecated`). */
  readonly deprecated?: true;
} & (
  | { readonly kind: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly kind: "basic" | "bearer" | "openIdConnect" }
  /**
   * `tokenUrl`: the clientCredentials flow's; `acceptsToken`: it has other flows too, so a token
   * will do; `metadataUrl`: OpenAPI 3.2 `oauth2MetadataUrl`, the server's RFC 8414 metadata (documented).
   */
  | { readonly kind: "oauth2"; readonly tokenUrl?: string; readonly acceptsToken?: boolean; readonly metadataUrl?: string }
);

/** One alternative of a `security` list: fields of the schemes it needs (all of them), each with its scopes. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface Resource {
  /** The tag; "" for the untagged operations and for a group no tag names (see load/groups.ts). */
  readonly tag: string;
  readonly className: string;
  /**
   * The properties that reach it from the client, outermost first: `["connections"]`, or
   * `["accountsPayable", "bills"]` for a nested group (`client.accountsPayable.bills`); `[]`
   * for the untagged operations. A resource's parent is the one whose path is this one's
   * without the last property (see childResources in queries.ts).
   */
  readonly path: readonly string[];
  /** Property of its parent (the client, or the enclosing resource) that exposes it, e.g. `connections`; the last of `path`; "" for the untagged operations. */
  readonly property: string;
  /**
   * Set on the one resource of untagged operations: they are methods of the client itself
   * (`petstore.addPet()`), so it has no class, property or file of its own.
   */
  readonly onClient?: true;
  /** File name under src/generated, without extension. */
  readonly fileName: string;
  readonly description?: string;
  readonly operations: readonly Operation[];
}

/**
 * How a user calls an operation, and its identity across spec versions: `addPet` for a
 * method of the client itself, `pets.list` for one of a resource, `accountsPayable.bills.get`
 * for one of a nested group.
 */
export function sdkPath(resource: Pick<Resource, "path">, op: Pick<Operation, "methodName">): string {
  return [...resource.path, op.methodName].join(".");
}

export interface Parameter {
  /** Where the spec writes it (past a `$ref`): `#/paths/~1pets/get/parameters/0`, `#/components/parameters/id`. */
  readonly pointer: string;
  readonly name: string;
  readonly field: string;
  /** `querystring` (OpenAPI 3.2): the whole query, one value in `querystring.mediaType`. */
  readonly in: "path" | "query" | "querystring" | "header" | "cookie";
  readonly required: boolean;
  readonly description?: string;
  readonly defaultValue?: unknown;
  readonly deprecated: boolean;
  /** Schema constraints the runtime checks before sending. */
  readonly constraints?: ParameterConstraints;
  /** The parameter's schema as the spec writes it (a `$ref` left unresolved), for tools that compare specs. */
  readonly schema?: unknown;
  /** Set only when it differs from the location's default (`form` for query and cookie, `simple` otherwise). */
  readonly style?: ParameterStyle;
  /** Set only when it differs from the style's default (true for `form`, false otherwise). */
  readonly explode?: boolean;
  /** Query only; set only when true. */
  readonly allowReserved?: boolean;
  /**
   * A header that carries an idempotency key: named `Idempotency-Key` or `X-Idempotency-Key`
   * (any case), or marked `x-idempotency-key: true`. Set only when true.
   */
  readonly idempotencyKey?: true;
  /**
   * Set on a querystring parameter: the media type its value is written in (a form or JSON) and
   * the component schema that types it (the loader's own copy of an inline one, see load/querystring.ts).
   */
  readonly querystring?: { readonly mediaType: string; readonly schemaName: string };
  /** A value to send (see load/examples): the spec's example when it fits the schema, else one built from it. */
  readonly example: unknown;
  /** The spec gives an example of it (its own, or its schema's). */
  readonly exampleFromSpec: boolean;
}

/** The example of a body or response: the spec's own, else one built from the schema (see load/examples). */
export interface Example {
  readonly value: unknown;
  readonly fromSpec: boolean;
}

/**
 * Every name an operation is emitted under, settled by the name registry (load/type-names.ts).
 * Type names are those requests.ts declares; a component schema's body or response is typed by
 * that schema's `typeName` instead.
 */
export interface OperationNames {
  /** The method of the client or resource class: `get`. */
  readonly method: string;
  /** `<method>All`, the class's iterator over every page of a paged list. */
  readonly methodPager?: string;
  /** The standalone function: `connectionsGet`. */
  readonly function: string;
  /** The module constant with its OperationSpec: `connectionsGetSpec`. */
  readonly spec: string;
  /** The standalone iterator over every page: `connectionsListAll`. */
  readonly pager?: string;
  /** The module constant with its PagingSpec: `connectionsListPaging`. */
  readonly paging?: string;
  /** `GetConnectionRequest`. */
  readonly request: string;
  /** `CreateConnectionRequestBody`, for a body that is not a component schema nor binary. */
  readonly requestBody?: string;
  /** `GetConnectionResponse`, for a JSON response that is not a component schema. */
  readonly response?: string;
}

/** Another media type of a request body. */
export interface BodyMedia {
  readonly mediaType: string;
  readonly encoding: BodyEncoding;
  readonly fields?: Readonly<Record<string, FieldEncodingSpec>>;
}

/** Another media type of the success response (the caller's `accept` option), with what it resolves to. */
export interface ResponseMedia {
  readonly mediaType: string;
  readonly kind: "json" | "text" | "binary" | StreamKind;
  /** Set for a stream: what its items are. */
  readonly item?: StreamItem;
}

/**
 * The items of a streamed response (see the runtime's StreamKind), as the spec types them:
 * the 3.2 `itemSchema` (for an event stream, `data` typed by its `contentSchema` when that is
 * JSON), else, in 3.0/3.1, the media type's `schema`, which types each event's JSON `data`.
 * The loader's copy of the document holds that item type as the media type's `schema`
 * (load/item-schemas.ts), so `content[mediaType]` in the types is one item.
 */
export interface StreamItem {
  /** The items are this component schema. */
  readonly schemaName?: string;
  /** The spec types the items (`content[mediaType]` is one); else they are `unknown` (events: `ServerSentEvent`). */
  readonly typed: boolean;
}

export interface Operation {
  /** `#/paths/~1pets/get`. */
  readonly pointer: string;
  readonly operationId: string;
  readonly methodName: string;
  /** A method field's name (`get`, `query`), or a custom method of `additionalOperations` as written (`COPY`). */
  readonly method: HttpMethod | CustomMethod;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** `x-idempotent: true`: safe to retry like a GET even when it is a POST or PATCH. */
  readonly idempotent: boolean;
  /**
   * The wire name of the operation's idempotency-key header (its first parameter with
   * `idempotencyKey`): the runtime sends a UUID in it when the caller gives none, and
   * retries the operation like a GET.
   */
  readonly idempotencyHeader?: string;
  /** Pascal-cased operationId, the stem of the operation's type names. */
  readonly typeStem: string;
  /**
   * The standalone function's name (`connectionsGet`), the stem of its module constants (see
   * operationFunctionNames in load/type-names.ts); "" until settleFunctionNames gives it one.
   */
  readonly functionName: string;
  /**
   * Where openapi-typescript put the operation's types: `operations["get-pet"]`, or
   * `paths["/pets"]["get"]` for an operation without an operationId (then `operationId`
   * is the name derived from its method and path).
   */
  readonly typesRef: string;
  readonly parameters: readonly Parameter[];
  readonly body?: {
    /** The request body object, where the spec writes it (past a `$ref`). */
    readonly pointer: string;
    readonly field: string;
    readonly required: boolean;
    readonly mediaType: string;
    /** How the runtime puts it on the wire, from the media type. */
    readonly encoding: BodyEncoding;
    /** Set when the body schema is a $ref to a component schema. */
    readonly schemaName?: string;
    readonly description?: string;
    /** The body's schema as the spec writes it (a `$ref` left unresolved), for tools that compare specs. */
    readonly schema?: unknown;
    /** The spec's `encoding` of a form or multipart body, by property, as the runtime's FieldEncodingSpec. */
    readonly fields?: Readonly<Record<string, FieldEncodingSpec>>;
    /** The other media types the body may be sent as (the caller's `contentType` option). */
    readonly others?: readonly BodyMedia[];
    /** The default media type's example (of a JSON body; `undefined` for others). */
    readonly example?: Example;
  };
  readonly response: SuccessResponse;
  /** Every status the spec documents a response for, as written (`200`, `4XX`, `default`). */
  readonly statuses: readonly string[];
  /** The operation's own security alternatives, when it states them (else the spec's apply). */
  readonly security?: readonly SecurityRequirement[];
  /** Documented error statuses with a component schema body. */
  readonly errors: readonly ErrorResponse[];
  /** The servers its path item or the operation lists (the operation's win); it is sent to the first. */
  readonly servers?: readonly ServerModel[];
  /** Set when the operation is a paged list (see load/pagination.ts): it also gets `<methodName>All`. */
  readonly paging?: Paging;
  /** Every name it is emitted under. */
  readonly names: OperationNames;
  /** The request a call sends at least: each required (and path) parameter's example, by field. */
  readonly example: Readonly<Record<string, unknown>>;
}

/** What the response of the first documented success is; `pointer` and `description` when the spec writes one. */
export type SuccessResponse = { readonly pointer?: string; readonly description?: string } & (
    | { readonly kind: "empty"; readonly status: string }
    /** The operation documents no response at all: it resolves to whatever 2xx arrives. */
    | { readonly kind: "unknown"; readonly status: "2XX" }
    | {
      readonly kind: "json"; readonly status: string; readonly mediaType: string; readonly schemaName?: string;
      /** The body's schema as the spec writes it (a `$ref` left unresolved), for tools that compare specs. */
      readonly schema?: unknown;
      readonly others?: readonly ResponseMedia[];
      /** The body's example: the spec's own, else one built from the schema. */
      readonly example?: Example;
    }
    | { readonly kind: "text" | "binary"; readonly status: string; readonly mediaType: string; readonly others?: readonly ResponseMedia[] }
    /** A stream: the call resolves to an `EventStream` of its items, read as they arrive. */
    | { readonly kind: StreamKind; readonly status: string; readonly mediaType: string; readonly item: StreamItem; readonly others?: readonly ResponseMedia[] });

/** A documented error status whose JSON body is a component schema (its error class). */
export interface ErrorResponse {
  readonly status: string;
  readonly schemaName: string;
  /** The response object, where the spec writes it (past a `$ref`). */
  readonly pointer: string;
  readonly description?: string;
  /** Its body's example: the spec's own, else one built from the schema. */
  readonly example: Example;
}

/** How a paged list operation pages: request fields and response properties, as the runtime's PagingSpec. */
export interface Paging {
  readonly request: { readonly page: string; readonly pageSize: string };
  readonly response: { readonly results: string; readonly pageNumber: string; readonly pageSize: string; readonly totalResults: string };
  /** Set when the items of `results` are a $ref to a component schema. */
  readonly itemSchemaName?: string;
}
