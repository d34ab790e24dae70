/**
 * The types of response validation shared by the core, the options and the validators
 * (`validation/`): the mode a caller sets, what a mode function receives, and the module an
 * SDK's generated `validation.ts` gives the core. Types only; imports only leaves and the
 * operation contract.
 */
import type { RequestTarget, ResponseValidationError, ValidationIssue } from "../errors.js";
import type { OperationSpec } from "../operation.js";

/** What a call answered that does not match the spec, as a `validateResponses` function receives it. */
export interface ResponseValidationContext {
  /** The spec's operationId, e.g. `get-connection`. */
  operationId: string;
  /** How the user called the operation, e.g. `connections.get`. */
  methodPath: string;
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** The URL the response came from, credentials in its query replaced by `[REDACTED]`. */
  url: string;
  status: number;
  /** The response; its body has been read (the call returns it as data). */
  response: Response;
}

/**
 * Whether 2xx JSON bodies are checked against the spec's schema: `"off"`; `"strict"`, which
 * rejects a call whose body does not match with ResponseValidationError; or a function that
 * receives the issues (only when there are some) while the call resolves to the data as
 * received. A property or an enum value the spec does not list is never an issue.
 */
export type ValidateResponses = "off" | "strict" | ((issues: readonly ValidationIssue[], context: ResponseValidationContext) => void);

/** What an SDK's generated `validation.ts` exports: its shapes bound to the runtime's validator. */
export interface ValidationModule {
  /**
   * The issues of a JSON body the operation answered with this status; `undefined` when the
   * spec documents no JSON schema for it (nothing checked).
   */
  readonly validateResponse: (operationId: string, status: number, body: unknown) => readonly ValidationIssue[] | undefined;
  /**
   * Applies a call's `validateResponses` mode to its 2xx JSON response. The core hands its
   * parts over as arguments, not as an object: every byte of the call site is in the eager
   * bundle of every app, validation on or off.
   * @param data the parsed body, as the call returns it.
   * @param response its `url` has the credentials in its query redacted.
   * @param target the error's method, URL and attempts.
   * @param redact the value with the credentials the call sent scrubbed from its strings:
   *   applied to the issues and the error's body.
   * @param ErrorClass the main entry's class, so that `instanceof` holds whichever build loaded the validators.
   * @throws ResponseValidationError in `"strict"` mode when the body has issues; a function
   *   mode is called with them (and whatever it throws rejects the call).
   */
  readonly checkResponse: (
    mode: Exclude<ValidateResponses, "off">,
    op: OperationSpec,
    data: unknown,
    response: Response,
    target: () => RequestTarget,
    redact: (value: unknown) => unknown,
    ErrorClass: typeof ResponseValidationError,
  ) => void;
}
