/**
 * The SDK's methods of one spec version, each with its operation and path item as the spec
 * writes them: what the comparators of a method (operations, parameters, body, responses)
 * and the schema usage read. A leaf of the diff: it imports only the JSON helpers.
 */
import { resolvePointer, sdkPath, type SpecModel } from "@x/codegen";
import { asWritten } from "./as-written.js";
import { asRecord, type Json } from "./json.js";

type Resource = SpecModel["resources"][number];
type Operation = Resource["operations"][number];

/** One operation as the SDK exposes it, with where it lives in the spec. */
export interface MethodRef {
  /** `books.getBook`. */
  readonly id: string;
  readonly resource: Resource;
  readonly op: Operation;
  /** Where the operation is written, `#/paths/~1books/get` (the model's `op.pointer`). */
  readonly at: string;
  /** The operation object and its path item (past a `$ref`), as the spec writes them. */
  readonly raw: Json;
  readonly item: Json;
}

/**
 * Every method of `model`, by its sdkPath: its operation object and path item are where the
 * model's `op.pointer` says the operation is written (past a path item's `$ref`).
 */
export function methodsOf(model: SpecModel): Map<string, MethodRef> {
  const methods = new Map<string, MethodRef>();
  for (const resource of model.resources) {
    for (const op of resource.operations) {
      // `#/paths/~1a/get` → `#/paths/~1a`; a custom method is written under the path item's `additionalOperations`.
      const itemAt = op.pointer.replace(/\/additionalOperations\/[^/]+$|\/[^/]+$/, "");
      const id = sdkPath(resource, op);
      methods.set(id, {
        id, resource, op, at: op.pointer,
        raw: asRecord(resolvePointer(asWritten(model), op.pointer)), item: asRecord(resolvePointer(asWritten(model), itemAt)),
      });
    }
  }
  return methods;
}
