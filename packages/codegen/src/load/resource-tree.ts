/**
 * The client's resources, from where each operation is placed (groups.ts): a tree of
 * resources flattened depth-first (a parent before its children, siblings in the order of
 * `#/tags`, then by name), with every property, class, file and method name settled.
 */
import { pointer } from "../errors.js";
import { NAME_OVERRIDE } from "./method-names.js";
import { sdkPath, type Operation, type Resource } from "./model.js";
import { camelCase, isIdentifier } from "./naming.js";
import type { LoadContext } from "./context.js";
import { GROUP_EXTENSION, type Segment, type TagIndex } from "./groups.js";
import { resourceNames } from "./type-names.js";

/** Client members a resource property or a method of the client may not take. */
const RESERVED_PROPERTIES = new Set(["constructor"]);

interface Node {
  /** The property it wants (camel-cased tag or group segment). */
  readonly wanted: string;
  /** The tag it stands for, when a tag (not only `x-speakeasy-group`) names it. */
  tag?: string;
  readonly children: Node[];
  readonly operations: Operation[];
}

/** Where an operation is written, as messages name it: `#/paths/~1pets/get`, `#/paths/~1pets/additionalOperations/COPY`. */
export function operationAt(op: Pick<Operation, "path" | "method" | "pointer">): string {
  return op.pointer.includes("/additionalOperations/") ? op.pointer : pointer("paths", op.path, op.method);
}

export function buildResources(ctx: LoadContext, tags: TagIndex, placed: readonly { op: Operation; segments: readonly Segment[] }[]): Resource[] {
  const root: Node = { wanted: "", children: [], operations: [] };
  for (const { op, segments } of placed) {
    let node = root;
    for (const segment of segments) node = childFor(node, segment);
    node.operations.push(op);
  }
  const resources: Resource[] = [];
  const used = { classNames: new Set<string>(), fileNames: new Set<string>() };
  const visit = (node: Node, path: readonly string[], description: string | undefined) => {
    const children = settleProperties(ctx, node, path, tags);
    const members = new Map<string, string>([...RESERVED_PROPERTIES].map((p) => [p, "a member of the class"]));
    for (const { property } of children) members.set(property, `the resource ${["client", ...path, property].join(".")}`);
    if (path.length === 0 ? node.operations.length > 0 : true) {
      const resource: Resource = path.length === 0
        ? { tag: "", className: "", path: [], property: "", fileName: "", onClient: true, operations: node.operations }
        : {
          tag: node.tag ?? "",
          ...uniqueNames(resourceNames(path), used),
          path,
          property: path.at(-1)!,
          ...(description !== undefined ? { description } : {}),
          operations: node.operations,
        };
      resources.push(settleMethods(ctx, resource, members));
    }
    for (const { child, property } of children) {
      const doc = child.tag === undefined ? undefined : tags.byName.get(child.tag)?.node.description;
      visit(child, [...path, property], typeof doc === "string" ? doc : undefined);
    }
  };
  visit(root, [], undefined);
  return resources;
}

/** The child of `node` that `segment` names: a tag's own node, or the one its camel-cased name already names. */
function childFor(node: Node, segment: Segment): Node {
  const wanted = "tag" in segment ? camelCase(segment.tag) || "resource" : segment.group;
  const found = "tag" in segment
    ? node.children.find((c) => c.tag === segment.tag) ?? node.children.find((c) => c.tag === undefined && c.wanted === wanted)
    : node.children.find((c) => c.wanted === wanted);
  if (found) {
    if ("tag" in segment) found.tag = segment.tag;
    return found;
  }
  const child: Node = { wanted, ...("tag" in segment ? { tag: segment.tag } : {}), children: [], operations: [] };
  node.children.push(child);
  return child;
}

/** The children of `node` in order, each with the property it gets: a taken one is numbered, with a warning. */
function settleProperties(ctx: LoadContext, node: Node, path: readonly string[], tags: TagIndex): { child: Node; property: string }[] {
  const order = (c: Node) => (c.tag === undefined ? Number.MAX_SAFE_INTEGER : tags.byName.get(c.tag)?.index ?? Number.MAX_SAFE_INTEGER);
  const sorted = [...node.children].sort((a, b) => order(a) - order(b) || (a.tag ?? a.wanted).localeCompare(b.tag ?? b.wanted));
  const properties = new Map<string, Node>();
  const owner = path.length === 0 ? "the client's" : `client.${path.join(".")}'s`;
  return sorted.map((child) => {
    let property = child.wanted;
    for (let n = 2; properties.has(property) || RESERVED_PROPERTIES.has(property); n++) property = `${child.wanted}${n}`;
    if (property !== child.wanted) {
      const holder = properties.get(child.wanted);
      const as = holder === undefined ? "which the client reserves" : `as ${describe(holder)} is`;
      ctx.warn("naming", `${locate(child)}: ${describe(child)} would be ${owner} ${child.wanted}, ${as}; reached as ${property} instead`);
    }
    properties.set(property, child);
    return { child, property };
  });
}

function describe(node: Node): string {
  return node.tag !== undefined ? `tag ${JSON.stringify(node.tag)}` : `group ${JSON.stringify(node.wanted)}`;
}

/** Where a node is written: `#/tags` for a tag, else the `x-speakeasy-group` of its first operation. */
function locate(node: Node): string {
  if (node.tag !== undefined) return pointer("tags");
  const first = (n: Node): Operation | undefined => n.operations[0] ?? n.children.map(first).find((o) => o !== undefined);
  const op = first(node);
  return op ? `${operationAt(op)}/${GROUP_EXTENSION}` : pointer("paths");
}

/** A class and file name no other resource has (`Bills`, then `Bills2`). */
function uniqueNames(wanted: { className: string; fileName: string }, used: { classNames: Set<string>; fileNames: Set<string> }): { className: string; fileName: string } {
  let names = wanted;
  for (let n = 2; used.classNames.has(names.className) || used.fileNames.has(names.fileName); n++) {
    names = { className: `${wanted.className}${n}`, fileName: `${wanted.fileName}-${n}` };
  }
  used.classNames.add(names.className);
  used.fileNames.add(names.fileName);
  return names;
}

/**
 * Operations of one resource that want one method name: the first (in method-name, then path
 * order) keeps it, unless a member of the class (`constructor`, a nested resource's property)
 * holds it; each other takes its camel-cased operationId (or a numbered name). One warning per
 * wanted name names each operation and the method it got.
 */
function settleMethods(ctx: LoadContext, resource: Resource, reserved: ReadonlyMap<string, string>): Resource {
  const byName = (list: readonly Operation[]) => [...list].sort((a, b) => a.methodName.localeCompare(b.methodName));
  const taken = new Set<string>(reserved.keys());
  const got = new Map<Operation, string>();
  for (const op of byName(resource.operations)) {
    let name = op.methodName;
    if (taken.has(name)) {
      name = camelCase(op.operationId);
      for (let n = 2; taken.has(name) || !isIdentifier(name); n++) name = `${op.methodName}${n}`;
    }
    taken.add(name);
    got.set(op, name);
  }
  const wanted = new Map<string, Operation[]>();
  for (const op of byName(resource.operations)) wanted.set(op.methodName, [...(wanted.get(op.methodName) ?? []), op]);
  const owner = resource.onClient ? "the client" : `client.${resource.path.join(".")}`;
  for (const [name, ops] of wanted) {
    if (ops.every((op) => got.get(op) === name)) continue;
    const holder = reserved.get(name);
    const count = ops.length === 1 ? "the operation" : `${ops.length} operations`;
    const each = ops.map((op) => `${op.operationId} (${operationAt(op)}) is ${sdkPath(resource, { methodName: got.get(op)! })}`);
    ctx.warn("naming",
      `${operationAt(ops[0]!)}: ${count} of ${owner} want${ops.length === 1 ? "s" : ""} the method ${name}${holder ? `, which is ${holder}` : ""}: ` +
      `${each.join("; ")} (give ${ops.length === 1 ? "it" : "each"} an ${NAME_OVERRIDE}, or an ${GROUP_EXTENSION}, to choose)`,
    );
  }
  const operations = resource.operations.map((op) => (got.get(op) === op.methodName ? op : { ...op, methodName: got.get(op)! }));
  return { ...resource, operations: byName(operations) };
}
