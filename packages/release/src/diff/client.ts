/**
 * What the client class knows from the spec: its `Security` type, the `ServerList`
 * (exported `as const`, so every URL and description is part of its type), the retry
 * policy, and the spec's title, description and tags, which only document.
 */
import type { DiffContext } from "./context.js";
import { asArray, asRecord, child, deepEqual, show } from "./json.js";

export function compareClient(ctx: DiffContext): void {
  compareSecurity(ctx);
  compareServers(ctx);
  for (const key of ["x-speakeasy-retries", "x-speakeasy-name-override", "info", "tags", "openapi", "$self"]) ctx.cover(`#/${key}`);
  if (!deepEqual(ctx.before.retry, ctx.after.retry)) {
    const fields = flatten(ctx.before.retry).concat(flatten(ctx.after.retry)).map(([k]) => k);
    const changed = [...new Set(fields)].filter((k) => !deepEqual(lookup(ctx.before.retry, k), lookup(ctx.after.retry, k)));
    ctx.add("minor", "#/x-speakeasy-retries", `client: retry policy changed (${changed.map((k) => `${k} ${show(lookup(ctx.before.retry, k))} → ${show(lookup(ctx.after.retry, k))}`).join(", ")})`);
  }
  // Which schemes the API asks for: the client picks the credentials it sends by them (whether a field is required is judged in compareSecurity).
  ctx.cover("#/security");
  if (!deepEqual(ctx.beforeDoc.security, ctx.afterDoc.security)) {
    ctx.add("minor", "#/security", "security requirements changed; the client now picks the credentials it sends by the new ones, and the API may ask for other credentials");
  }
  if (!deepEqual(ctx.beforeDoc["x-speakeasy-name-override"], ctx.afterDoc["x-speakeasy-name-override"])) {
    ctx.add("patch", "#/x-speakeasy-name-override", "x-speakeasy-name-override changed (renamed methods are listed on their own)");
  }
  const info = (doc: Record<string, unknown>) => asRecord(doc.info);
  for (const key of new Set([...Object.keys(info(ctx.beforeDoc)), ...Object.keys(info(ctx.afterDoc))])) {
    if (!deepEqual(info(ctx.beforeDoc)[key], info(ctx.afterDoc)[key])) ctx.add("patch", child("#/info", key), `info.${key} changed (documentation only)`);
  }
  if (!deepEqual(ctx.beforeDoc.tags, ctx.afterDoc.tags)) ctx.add("patch", "#/tags", "tags changed (their descriptions document the resources; methods are compared on their own)");
  // OpenAPI 3.2 `$self`: where the document says it lives; its references are compared resolved.
  if (ctx.before.self !== ctx.after.self) ctx.add("patch", "#/$self", `$self ${show(ctx.before.self)} → ${show(ctx.after.self)} (the document's own URI; the SDK does not use it)`);
  if (ctx.beforeDoc.openapi !== ctx.afterDoc.openapi) ctx.add("patch", "#/openapi", `openapi ${show(ctx.beforeDoc.openapi)} → ${show(ctx.afterDoc.openapi)} (its effects show up in the schemas compared)`);
}

/** The `Security` option: one field per scheme, typed by its kind, required only when it is the one scheme every operation needs. */
function compareSecurity(ctx: DiffContext): void {
  const [before, after] = [ctx.before.securitySchemes, ctx.after.securitySchemes];
  const schemes = (doc: Record<string, unknown>) => asRecord(asRecord(doc.components).securitySchemes);
  for (const name of new Set([...Object.keys(schemes(ctx.beforeDoc)), ...Object.keys(schemes(ctx.afterDoc))])) {
    const at = child("#/components/securitySchemes", name);
    ctx.cover(at);
    if ([...before, ...after].some((s) => s.schemeName === name)) continue;
    // Schemes the generator leaves out of the client's Security (it warns), so the SDK does not change.
    if (!deepEqual(schemes(ctx.beforeDoc)[name], schemes(ctx.afterDoc)[name])) {
      ctx.add("minor", at, `client: security scheme ${name}, which the generator does not support and leaves out of Security, changed`);
    }
  }
  for (const b of before) {
    const a = after.find((s) => s.field === b.field);
    const at = child("#/components/securitySchemes", (a ?? b).schemeName);
    if (!a) {
      ctx.add("major", at, `client: security scheme ${b.schemeName} removed; callers setting security.${b.field} no longer compile`);
      continue;
    }
    const [was, now] = [b.summary, a.summary];
    if (a.kind === "oauth2" && b.kind === "oauth2" && a.acceptsToken === b.acceptsToken && (a.tokenUrl === undefined) === (b.tokenUrl === undefined)) {
      if (a.tokenUrl !== b.tokenUrl) ctx.add("minor", at, `client: security.${a.field} now fetches its token from ${a.tokenUrl} instead of ${b.tokenUrl}`);
    } else if (was !== now) {
      ctx.add("major", at, `client: security.${a.field} is now sent as the ${now} instead of the ${was}`);
    }
    if (!b.required && a.required) ctx.add("major", at, `client: security.${a.field} is now required (the only scheme, and every operation needs it); callers must now set it`);
    if (b.required && !a.required) ctx.add("minor", at, `client: security.${a.field} is now optional`);
    if (a.description !== b.description) ctx.add("patch", child(at, "description"), `client: security.${a.field} description changed`);
    // OpenAPI 3.2: a deprecated scheme's field is marked @deprecated, like a deprecated parameter's.
    if (a.deprecated !== b.deprecated) ctx.add(a.deprecated ? "minor" : "patch", child(at, "deprecated"), `client: security.${a.field} ${a.deprecated ? "is now deprecated" : "is no longer deprecated"}`);
    const [bMeta, aMeta] = [b.kind === "oauth2" ? b.metadataUrl : undefined, a.kind === "oauth2" ? a.metadataUrl : undefined];
    if (aMeta !== bMeta) ctx.add("patch", child(at, "oauth2MetadataUrl"), `client: security.${a.field}'s authorization server metadata ${show(bMeta)} → ${show(aMeta)} (documentation only)`);
    if (a.schemeName !== b.schemeName) ctx.add("patch", at, `client: security scheme ${b.schemeName} is now named ${a.schemeName}`);
  }
  for (const a of after.filter((s) => !before.some((b) => b.field === s.field))) {
    const at = child("#/components/securitySchemes", a.schemeName);
    if (!a.required) ctx.add("minor", at, `client: new optional security.${a.field} (${a.summary})`);
    else ctx.add("major", at, `client: new required security.${a.field} (${a.summary}); callers must now set it`);
  }
}

/** `ServerList` is exported `as const`: a changed URL or description changes its type. */
function compareServers(ctx: DiffContext): void {
  ctx.cover("#/servers");
  const [before, after] = [asArray(ctx.beforeDoc.servers), asArray(ctx.afterDoc.servers)];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const [b, a] = [asRecord(before[i]), asRecord(after[i])];
    const at = child("#/servers", i);
    if (i >= after.length) ctx.add("major", at, `client: server ${i} (${show(b.url)}) removed; serverIdx ${i} and ServerList[${i}] no longer exist`);
    else if (i >= before.length) ctx.add("minor", at, `client: new server ${i} (${show(a.url)})`);
    else if (!deepEqual(b, a)) {
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !deepEqual(b[k], a[k]));
      ctx.add("major", at, `client: server ${i} changed (${keys.join(", ")}: ${keys.map((k) => `${show(b[k])} → ${show(a[k])}`).join(", ")}); ServerList is exported as const, so its type changes`);
    }
  }
}

function flatten(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return prefix ? [[prefix, value]] : [];
  return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function lookup(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => asRecord(node)[key], value);
}
