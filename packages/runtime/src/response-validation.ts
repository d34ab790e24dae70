/**
 * The core's side of response validation (`validateResponses`): loads the SDK's validators
 * (`SDKDefinition.validation`) the first time a call asks for them, then applies the mode to
 * their issues. The validators themselves live in `validation/`, outside the main entry.
 */
import { ResponseValidationError, type RequestTarget } from "./errors.js";
import type { ValidationModule } from "./definition.js";
import type { OperationSpec } from "./operation.js";
import type { ValidateResponses } from "./options.js";
import { redactValue, scrubber } from "./redact.js";

/** What a checked call answered and sent. */
export interface CheckedResponse {
  readonly op: OperationSpec;
  readonly data: unknown;
  readonly response: Response;
  /** The URL, credentials in its query redacted. */
  readonly url: string;
  readonly target: () => RequestTarget;
  /** Credentials the call sent, scrubbed from what the issues and the error show. */
  readonly secrets: readonly string[];
}

/**
 * @throws ResponseValidationError in `"strict"` mode when the body has issues; a function
 *   mode is called with them (and whatever it throws rejects the call).
 */
export async function checkResponse(mode: Exclude<ValidateResponses, "off">, validators: Promise<ValidationModule>, checked: CheckedResponse): Promise<void> {
  const { op, data, response } = checked;
  const found = (await validators).validateResponse(op.operationId, response.status, data);
  if (found === undefined || found.length === 0) return;
  const scrub = scrubber(checked.secrets);
  const issues = found.map((issue) => (issue.received === undefined ? issue : { ...issue, received: scrub(issue.received) }));
  if (typeof mode === "function") {
    mode(issues, { operationId: op.operationId, methodPath: op.methodPath, method: op.method.toUpperCase(), url: checked.url, status: response.status, response });
    return;
  }
  const body = checked.secrets.length === 0 ? data : redactValue(data, scrub);
  throw new ResponseValidationError({ ...checked.target(), status: response.status, body, issues, operationId: op.operationId, methodPath: op.methodPath });
}
