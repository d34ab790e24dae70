/**
 * `discriminator.mapping` values as openapi-typescript can follow them. The OpenAPI spec lets
 * a value be a schema's bare name (`Dog` means `#/components/schemas/Dog`); openapi-typescript
 * reads every value as a `$ref` and stops on one that leads nowhere. A bare name is rewritten
 * to its pointer, and a value that resolves to nothing is left out, with a warning: the
 * union's type comes from its `oneOf`/`anyOf`, the mapping only names its members.
 */
import type { LoadContext } from "./context.js";
import { pointer } from "../errors.js";
import { isRecord } from "./json.js";
import { resolvePointer } from "./refs.js";

/** Rewrites `document` in place (the loader's own copy); `warnings` receives each change. */
export function normalizeDiscriminators(ctx: LoadContext): void {
  const document = ctx.document;
  const visit = (node: unknown, at: readonly (string | number)[]): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, [...at, i]));
    if (!isRecord(node)) return;
    const discriminator = node.discriminator;
    if (isRecord(discriminator) && isRecord(discriminator.mapping)) {
      const mapping = discriminator.mapping;
      for (const [value, target] of Object.entries(mapping)) {
        const where = pointer(...at, "discriminator", "mapping", value);
        const ref = typeof target === "string" ? resolvedRef(document, target) : undefined;
        if (ref === target) continue;
        if (ref === undefined) {
          delete mapping[value];
          ctx.warn("discriminators", `${where}: ${JSON.stringify(target)} names no schema of this document; left out of the mapping (the union's members still come from its oneOf/anyOf)`);
        } else {
          mapping[value] = ref;
          ctx.warn("discriminators", `${where}: the bare schema name ${JSON.stringify(target)} is read as ${ref}`);
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== "discriminator") visit(value, [...at, key]);
  };
  visit(document, []);
}

/** The local pointer `target` means, when it leads somewhere: itself, or a bare name's pointer. */
function resolvedRef(document: Record<string, unknown>, target: string): string | undefined {
  if (target.startsWith("#/")) return resolvePointer(document, target) === undefined ? undefined : target;
  if (target.includes("/") || target.includes("#")) return undefined;
  const ref = `#/components/schemas/${target.replaceAll("~", "~0")}`;
  return resolvePointer(document, ref) === undefined ? undefined : ref;
}
