/** Following `ref` shapes and merging `allOf`: what the kit's data and checks read a shape through. */
import type { ObjectShape, Shape } from "../shape.js";

export type Schemas = Readonly<Record<string, Shape>>;

const COMPONENT_PREFIX = "#/components/schemas/";

/** A schema name from a ref or a discriminator mapping value (`Pet` or `#/components/schemas/Pet`). */
export function schemaName(ref: string): string {
  return ref.startsWith(COMPONENT_PREFIX) ? decodeURIComponent(ref.slice(COMPONENT_PREFIX.length)) : ref;
}

/** The shape a `ref` names, followed through refs to refs; any other shape as it is. */
export function deref(shape: Shape, schemas: Schemas): Shape {
  let current = shape;
  for (let hops = 0; current.type === "ref" && hops < 32; hops++) {
    const target = schemas[schemaName(current.ref)];
    if (target === undefined) throw new Error(`the shapes name no schema ${JSON.stringify(current.ref)}`);
    current = current.nullable && target.type !== "ref" ? { ...target, nullable: true } : target;
  }
  return current;
}

/**
 * `allOf` members merged into one object shape (properties and required lists united), when every
 * member is an object or an `allOf` of objects; otherwise undefined (the kit then reads the first member).
 */
export function mergeAllOf(members: readonly Shape[], schemas: Schemas): ObjectShape | undefined {
  const properties: Record<string, Shape> = {};
  const required = new Set<string>();
  let additional: ObjectShape["additionalProperties"];
  for (const member of members) {
    const resolved = deref(member, schemas);
    const object = resolved.type === "allOf" ? mergeAllOf(resolved.of, schemas) : resolved.type === "object" ? resolved : undefined;
    if (object === undefined) return undefined;
    Object.assign(properties, object.properties);
    for (const name of object.required ?? []) required.add(name);
    if (object.additionalProperties !== undefined && object.additionalProperties !== false) additional = object.additionalProperties;
  }
  return { type: "object", properties, required: [...required], ...(additional === undefined ? {} : { additionalProperties: additional }) };
}
