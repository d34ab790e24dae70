/**
 * The contract's SDK-wide half: what a generated SDK hands SDKCore once, its spec's servers,
 * schemes and retry policy with the runtime features it uses. Apart from operation.ts (the
 * per-operation half) because it names the features, whose types the implementations give.
 */
import type { RuntimeFeatures } from "./feature-contract.js";
import type { ValidationModule } from "./validation/contract.js";
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
   * Loads the SDK's response validators (its generated `validation.ts`): called by the first
   * call that runs with `validateResponses` other than `"off"`, never by another; the core keeps
   * what it returns (a load that failed rejects the calls that validate). An application that
   * leaves validation off neither loads nor (with a bundler that splits code) bundles them.
   * Absent: nothing is validated.
   */
  readonly validation?: () => Promise<ValidationModule>;
}
