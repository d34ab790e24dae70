/**
 * The contract's SDK-wide half: what a generated SDK hands SDKCore once, its spec's servers,
 * schemes and retry policy with the runtime features it uses. Apart from operation.ts (the
 * per-operation half) because it names the features, whose types the implementations give.
 */
import type { RequestTarget, ResponseValidationError, ValidationIssue } from "./errors.js";
import type { OperationSpec } from "./operation.js";
import type { ValidateResponses } from "./options.js";
import type { RuntimeFeatures } from "./feature-contract.js";
import type { SecurityRequirementSpec, SecuritySchemeSpec, ServerSpec, SpecRetryPolicy } from "./operation.js";

/** Everything an SDK package knows from its spec, emitted by the generator. */
export interface SDKDefinition {
  /** Client class name, e.g. `Common`; used in messages. */
  readonly sdkName: string;
  /** npm name of the SDK package, e.g. `@x/common`; first in the User-Agent. */
  readonly packageName?: string;
  /** The SDK package's version (its `SDK_VERSION`); sent in the User-Agent. */
  readonly sdkVersion?: string;
  /** Servers in spec order; the first is the default. */
  readonly servers: readonly ServerSpec[];
  readonly securitySchemes: readonly SecuritySchemeSpec[];
  /**
   * The spec's top-level security alternatives, for operations without their own.
   * `undefined` (a spec that states none): every credential given is sent.
   */
  readonly security?: readonly SecurityRequirementSpec[];
  /** The spec's retry policy (`x-speakeasy-retries`); `undefined` means no retries by default. */
  readonly retry?: SpecRetryPolicy;
  /**
   * What the spec uses beyond apiKey/bearer credentials, path parameters and JSON bodies,
   * imported from the runtime by the generated code (see features.ts). SDKCoreBase has only
   * these; SDKCore has every feature.
   * @default none
   */
  readonly features?: RuntimeFeatures;
  /**
   * Loads the SDK's response validators (its generated `validation.ts`): called by each call
   * that runs with `validateResponses` other than `"off"` (the engine loads the module once),
   * never by another, so an
   * application that leaves validation off neither loads nor (with a bundler that splits
   * code) bundles them. Absent: nothing is validated.
   */
  readonly validation?: () => Promise<ValidationModule>;
}

/** What an SDK's generated `validation.ts` exports: its shapes bound to the runtime's validator. */
export interface ValidationModule {
  /**
   * The issues of a JSON body the operation answered with this status; `undefined` when the
   * spec documents no JSON schema for it (nothing checked).
   */
  readonly validateResponse: (operationId: string, status: number, body: unknown) => readonly ValidationIssue[] | undefined;
  /**
   * Applies a call's `validateResponses` mode to its response.
   * @throws ResponseValidationError in `"strict"` mode when the body has issues; a function
   *   mode is called with them (and whatever it throws rejects the call).
   */
  readonly checkResponse: (mode: Exclude<ValidateResponses, "off">, checked: CheckedResponse) => void;
}

/** What the core hands the validators of one call's 2xx JSON response. */
export interface CheckedResponse {
  readonly op: OperationSpec;
  readonly data: unknown;
  /** The response; its `url` has the credentials in its query redacted. */
  readonly response: Response;
  readonly target: () => RequestTarget;
  /** The value with the credentials the call sent scrubbed from its strings: applied to the issues and the error's body. */
  readonly redact: (value: unknown) => unknown;
  /** The main entry's class, so that `instanceof` holds whichever build loaded the validators. */
  readonly ErrorClass: typeof ResponseValidationError;
}
