/**
 * `@x/runtime/validation`: response validation, a module of its own that an SDK's generated
 * `validation.ts` binds to its shapes and that the core loads only when a call asks for
 * validation (`SDKDefinition.validation`). The main entry never imports it, and it imports
 * types alone of the rest of the runtime: it shares no chunk with the main entry, and the
 * error it throws is the main entry's class, handed over by the core (a CommonJS build of
 * its own would otherwise hold a second copy, which `instanceof` would not recognise).
 */
import type { ValidationModule } from "./contract.js";
import type { Shapes } from "../shape.js";
import { checkWith } from "./check.js";
import { validate } from "./validate.js";

export { validate } from "./validate.js";
export { matchesFormat } from "./formats.js";
export { issuesMessage } from "./check.js";

/** An SDK's validators: what its generated `validation.ts` exports, loaded by the core when a call validates. */
export function responseValidation(shapes: Shapes): ValidationModule {
  const validateResponse = responseValidator(shapes);
  return { validateResponse, checkResponse: checkWith(validateResponse) };
}

/**
 * The validator of an SDK: the body of a response checked against the shape of the
 * operation's first documented 2xx, when the response has that status (exactly, or in its
 * range for `2XX`). Other statuses, and error bodies, are not checked: an error response
 * already rejects with its own typed error.
 */
export function responseValidator(shapes: Shapes): ValidationModule["validateResponse"] {
  return (operationId, status, body) => {
    const op = Object.hasOwn(shapes.operations, operationId) ? shapes.operations[operationId] : undefined;
    const documented = op?.response;
    if (documented?.shape === undefined || !statusIs(status, documented.status)) return undefined;
    return validate(documented.shape, body, shapes);
  };
}

/** `200` is 200; `2XX` is any 2xx; `default` any status. */
function statusIs(status: number, written: string): boolean {
  const key = written.trim().toUpperCase();
  if (key === "DEFAULT") return true;
  if (/^[1-5]XX$/.test(key)) return Math.floor(status / 100) === Number(key[0]);
  return key === String(status);
}
