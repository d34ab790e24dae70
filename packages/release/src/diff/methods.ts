/**
 * The SDK's methods of one spec version, each with its operation and path item as the spec
 * writes them: what the comparators of a method (operations, parameters, body, responses)
 * and the schema usage read. A leaf of the diff: it imports only the JSON helpers.
 */
import { sdkPath, type SpecModel } from "@x/codegen";
import { asWritten } from "./as-written.js";
import { asRecord, child, follow, type Json } from "./json.js";

type Resource = SpecModel["resources"][number];
type Operation = Resource["operations"][number];

/** One operation as the SDK exposes it, with where it lives in the spec. */
export interface MethodRef {
  /** `books.getBook`. */
  readonly id: string;
  readonly resource: Resource;
  readonly op: Operation;
  /** The operation's pointer as written, `#/paths/~1books/get` (the model's `op.pointer`). */
  readonly at: string;
  /** The operation object and its path item (past a `$ref`), as the spec writes them. */
  readonly raw: Json;
  readonly item: Json;
}

/**
 * Every method of `model`, by its sdkPath. The path item is looked up by its key under
 * `paths` and followed past a `$ref`, as the loader reads it; `op.pointer` is not resolved
 * itself, because it stays on the `$ref` of a referenced path item, and because the loader
 * does not percent-encode a `%` of the path in it, which resolvePointer decodes.
 */
export function methodsOf(model: SpecModel): Map<string, MethodRef> {
  const paths = asRecord(asWritten(model).paths);
  const methods = new Map<string, MethodRef>();
  for (const resource of model.resources) {
    for (const op of resource.operations) {
      const item = asRecord(follow(asWritten(model), paths[op.path], child("#/paths", op.path)).node);
      const id = sdkPath(resource, op);
      methods.set(id, { id, resource, op, at: op.pointer, raw: asRecord(item[op.method]), item });
    }
  }
  return methods;
}
