/**
 * A call's `validateResponses` mode applied to its response's issues: `"strict"` throws
 * ResponseValidationError (built here, with the main entry's class the core hands over), a
 * function receives the issues and the call's context. Credentials the call sent are
 * scrubbed (by the core's `redact`) from every issue and from the body the error carries.
 * Imports no code of the runtime: the core hands over what it needs.
 */
import type { ValidationModule } from "./contract.js";
import type { ValidationIssue } from "../errors.js";

/** How many issues the error's message lists; `issues` holds them all. */
const ISSUES_IN_MESSAGE = 3;

export function checkWith(validateResponse: ValidationModule["validateResponse"]): ValidationModule["checkResponse"] {
  return (mode, op, data, response, target, redact, ErrorClass) => {
    const found = validateResponse(op.operationId, response.status, data);
    if (found === undefined || found.length === 0) return;
    const issues = found.map((issue) => (issue.received === undefined ? issue : { ...issue, received: redact(issue.received) as string }));
    if (typeof mode === "function") {
      mode(issues, { operationId: op.operationId, methodPath: op.methodPath, method: op.method.toUpperCase(), url: response.url, status: response.status, response });
      return;
    }
    throw Object.assign(new ErrorClass(issuesMessage(op.methodPath, response.status, issues)), {
      ...target(), status: response.status, body: redact(data), issues, operationId: op.operationId, methodPath: op.methodPath,
    });
  };
}

/** `connections.get: HTTP 200 response does not match the spec: /id: expected required property; …` */
export function issuesMessage(methodPath: string, status: number, issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, ISSUES_IN_MESSAGE).map((i) => `${i.pointer || "(body)"}: expected ${i.expected}${i.received ? `, got ${i.received}` : ""}`);
  const more = issues.length - listed.length;
  return `${methodPath}: HTTP ${status} response does not match the spec: ${listed.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}
