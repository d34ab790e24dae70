/**
 * What emitters and tools ask of a loaded model besides its fields: derived views that several
 * of them need, computed from the model alone (never from the document).
 */
import type { Operation, Resource, ServerModel, SpecModel } from "./model.js";

/** The lean client class of a client (`Common` → `CommonCore`): the runtime core without resources. */
export function coreClassName(clientName: string): string {
  return `${clientName}Core`;
}

/** Every variable of every server, by name: what the client's `serverVariables` option accepts. */
export function serverVariableOptions(servers: readonly ServerModel[]): Map<string, { enum?: string[]; default?: string; description?: string }> {
  const options = new Map<string, { enum?: string[]; default?: string; description?: string }>();
  for (const server of servers) {
    for (const [name, v] of Object.entries(server.variables ?? {})) {
      const seen = options.get(name);
      if (!seen) {
        options.set(name, { ...(v.enum ? { enum: [...v.enum] } : {}), ...(v.default !== undefined ? { default: v.default } : {}), ...(v.description ? { description: v.description } : {}) });
        continue;
      }
      // A variable with an enum on one server and free text on another takes any string.
      if (seen.enum && v.enum) seen.enum = [...new Set([...seen.enum, ...v.enum])];
      else delete seen.enum;
    }
  }
  return options;
}

/** The client's servers and every operation's own: where `serverVariables` apply. */
export function allServers(model: Pick<SpecModel, "servers" | "resources">): ServerModel[] {
  return [...model.servers, ...model.resources.flatMap((r) => r.operations.flatMap((o) => o.servers ?? []))];
}

/** The types the generated requests.ts declares for an operation: its request, and an inline body's and response's. */
export function declaredTypes(op: Pick<Operation, "names">): string[] {
  return [op.names.request, op.names.requestBody, op.names.response].filter((n): n is string => n !== undefined);
}

/**
 * The resources a resource exposes as properties (`client.accountsPayable.bills`): those one
 * level below it. For the untagged operations' resource (the client itself, path `[]`), the
 * top-level resources.
 */
export function childResources(model: Pick<SpecModel, "resources">, parent: Pick<Resource, "path">): Resource[] {
  const depth = parent.path.length;
  return model.resources.filter((r) => r.path.length === depth + 1 && parent.path.every((p, i) => r.path[i] === p));
}
