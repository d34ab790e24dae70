/**
 * What a failed call's response becomes: its typed error, the body scrubbed of the
 * credentials the call sent. Only a call that fails needs it, so the core loads it by a
 * dynamic `import()`: a lazy chunk of an app, as pagination and the debug log are. It
 * imports at run time only scrub.ts (lazy too); what it needs of the main code comes in a
 * FailureKit, or the bundler would split that code into a chunk every app loads.
 */
import type { APIError, APIErrorInit, RequestTarget, SDKError } from "./errors.js";
import type { ErrorClass, OperationSpec } from "./operation.js";
import type { statusMatches } from "./retry/status.js";
import { redactValue, scrubber } from "./scrub.js";

/** The main code's pieces a failure needs: the core hands them over. */
export interface FailureKit {
  readonly SDKError: typeof SDKError;
  readonly statusMatches: typeof statusMatches;
}

/** What an error is built from: the response, its text scrubbed of `secrets`, where the call went. */
function errorInit(op: OperationSpec, response: Response, text: string, target: RequestTarget, secrets: readonly string[]): APIErrorInit & { parsed?: { value: unknown }; parseError?: SyntaxError } {
  let parsed: { value: unknown } | undefined;
  let parseError: SyntaxError | undefined;
  try {
    parsed = text.trim() === "" ? undefined : { value: JSON.parse(text) };
  } catch (error) {
    parseError = safeSyntaxError(error);
  }
  const scrub = scrubber(secrets);
  const bodyText = scrub(text);
  // Without escapes every string of the parsed value is a piece of the text, so a text with
  // no credential in it needs no walk of the value.
  const clean = bodyText === text && !text.includes("\\");
  const body = parsed ? (clean ? parsed.value : redactValue(parsed.value, scrub)) : bodyText;
  return { response, body, bodyText, methodPath: op.methodPath, ...target, parsed, parseError };
}

/**
 * The error of a 2xx whose body is not the JSON its operation promises (parseSuccess's
 * NOT_JSON): an SDKError carrying the scrubbed text, and the parser's error as `cause`.
 */
export function notJson(kit: FailureKit, op: OperationSpec, response: Response, text: string, target: RequestTarget, secrets: readonly string[]): SDKError {
  const { parseError, ...init } = errorInit(op, response, text, target, secrets);
  // An empty body has no parser's error: no `cause` then.
  return new kit.SDKError(init, `response body is ${parseError ? "not valid" : "empty, not"} JSON`, parseError && { cause: parseError });
}

/**
 * The parser's error without its message, which quotes the body (a credential a server
 * echoed included): only the position survives.
 */
function safeSyntaxError(error: unknown): SyntaxError {
  const position = /position (\d+)/.exec(String(error))?.[1];
  return new SyntaxError(`invalid JSON${position ? ` at position ${position}` : ""}`);
}

/** A documented class only for a JSON body: its typed fields mean nothing for anything else. */
export function errorFor(kit: FailureKit, op: OperationSpec, response: Response, text: string, target: RequestTarget, secrets: readonly string[]): APIError {
  const { parsed, parseError: _parseError, ...init } = errorInit(op, response, text, target, secrets);
  const DocumentedError = parsed ? findErrorClass(op.errors, response.status, kit.statusMatches) : undefined;
  return DocumentedError ? new DocumentedError(init) : new kit.SDKError(init);
}

/** The exact status first, then its range (`"4XX"`), then `"default"`. */
function findErrorClass(errors: Readonly<Record<string, ErrorClass>>, status: number, matches: typeof statusMatches): ErrorClass | undefined {
  const keys = Object.keys(errors);
  // A status is three digits, so what statusMatches finds after the exact key is a range.
  return errors[keys.find((key) => key.trim() === String(status)) ?? keys.find((key) => matches(status, key)) ?? "default"];
}
