/**
 * A schema as data: what the generator writes into an SDK's `shapes.ts` (from its model) for
 * the code that reads schemas at run time: response validation (`validation/`) and the test
 * kit's data and request checks (`testing/`). Only what those readers need of JSON Schema is
 * kept, every `$ref` is either followed (inline) or named (`{ type: "ref" }`, a key of
 * `Shapes.schemas`), so recursive schemas stay finite. A leaf: imports nothing.
 *
 * The main entry never reads a shape: an app that turns neither validation nor the kit on
 * bundles none of this.
 */

/** Keywords every shape may carry. */
interface ShapeBase {
  /** The value may also be `null` (3.0 `nullable`, 3.1 `type: [..., "null"]`). */
  readonly nullable?: true;
  /** The spec's example of this schema, when it gives one (the kit answers with it). */
  readonly example?: unknown;
  /** The schema's `default`. */
  readonly default?: unknown;
}

export interface StringShape extends ShapeBase {
  readonly type: "string";
  /** `date-time`, `date`, `uuid`, `email`, `uri`, … as the spec writes it. */
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

export interface NumberShape extends ShapeBase {
  readonly type: "number" | "integer";
  readonly format?: string;
  readonly enum?: readonly number[];
  readonly const?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
}

export interface BooleanShape extends ShapeBase {
  readonly type: "boolean";
  readonly const?: boolean;
}

export interface NullShape extends ShapeBase {
  readonly type: "null";
}

export interface ArrayShape extends ShapeBase {
  readonly type: "array";
  /** Absent: items of any kind. */
  readonly items?: Shape;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: true;
}

export interface ObjectShape extends ShapeBase {
  readonly type: "object";
  readonly properties?: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
  /** `additionalProperties` when it is a schema (a map's values); `false` is kept as `false`. */
  readonly additionalProperties?: Shape | false;
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

/** `oneOf` / `anyOf`; `discriminator.mapping` maps each value to the `ref` it selects. */
export interface UnionShape extends ShapeBase {
  readonly type: "oneOf" | "anyOf";
  readonly of: readonly Shape[];
  readonly discriminator?: { readonly propertyName: string; readonly mapping: Readonly<Record<string, string>> };
}

export interface AllOfShape extends ShapeBase {
  readonly type: "allOf";
  readonly of: readonly Shape[];
}

/** A component schema, by its name under `components/schemas`: a key of `Shapes.schemas`. */
export interface RefShape {
  readonly type: "ref";
  readonly ref: string;
  readonly nullable?: true;
}

/** A schema that says nothing (`{}`), or one no reader checks (`not`, binary content). */
export interface AnyShape extends ShapeBase {
  readonly type: "any";
}

export type Shape =
  | StringShape | NumberShape | BooleanShape | NullShape | ArrayShape | ObjectShape
  | UnionShape | AllOfShape | RefShape | AnyShape;

/** A parameter's shape and where it goes, as the kit checks a request. */
export interface ParameterShape {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: true;
  readonly shape: Shape;
}

/** What one operation sends and answers, by the model's names. */
export interface OperationShape {
  readonly method: string;
  /** The path template, `/companies/{companyId}`. */
  readonly path: string;
  readonly parameters?: readonly ParameterShape[];
  /** A JSON (or form) request body. */
  readonly body?: { readonly mediaType: string; readonly required?: true; readonly shape: Shape };
  /**
   * The first documented 2xx: its status (as written, `200`/`2XX`), its media type and the
   * shape of a JSON body (absent for empty, text, binary and streamed answers).
   */
  readonly response: { readonly status: string; readonly mediaType?: string; readonly shape?: Shape; readonly example?: unknown };
  /** Documented error statuses with a JSON body, by status as written (`404`, `4XX`, `default`). */
  readonly errors?: Readonly<Record<string, { readonly shape: Shape; readonly example?: unknown }>>;
  /** Set for a paged list: which query parameters (wire names) and response properties page it. */
  readonly paging?: {
    readonly request: { readonly page: string; readonly pageSize: string };
    readonly response: { readonly results: string; readonly pageNumber: string; readonly pageSize: string; readonly totalResults: string };
  };
}

/** An SDK's shapes: every component schema by name, every operation by its operationId. */
export interface Shapes {
  readonly schemas: Readonly<Record<string, Shape>>;
  readonly operations: Readonly<Record<string, OperationShape>>;
}
