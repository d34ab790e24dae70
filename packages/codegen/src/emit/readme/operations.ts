/**
 * The operations reference: a section per resource (its tag, or the client's own methods for
 * the untagged operations) with, for each operation, its signature, fields, an example, its
 * media types and server, its paged iterator, and what it returns, throws and retries.
 */
import { sdkPath, type Operation, type Parameter, type Resource } from "../../load/model.js";
import { bodyTypeName, requestTypeName, responseTypeName } from "../requests.js";
import { streamMedia } from "../operation.js";
import { responseDescription } from "./examples.js";
import { pagedIterator } from "./pagination.js";
import { streamedResponse } from "./streams.js";
import { fragment } from "./template.js";
import { anchor, cell, sentence } from "./text.js";
import { nonIdempotent, type ReadmeWriter } from "./writer.js";

export function resource(w: ReadmeWriter, res: Resource): string {
  const lines = [`## ${w.heading(res)}`, ""];
  if (res.description) lines.push(res.description, "");
  lines.push(res.onClient ? `Operations without a tag, called on \`${w.client}\` itself.` : `Reached through \`${w.client}.${res.path.join(".")}\`.`, "");
  for (const op of res.operations) {
    lines.push(`* [\`${op.methodName}\`](#${anchor(sdkPath(res, op))})${op.summary ? ` - ${op.summary}` : ""}`);
  }
  for (const op of res.operations) lines.push("", operation(w, res, op));
  return lines.join("\n");
}

function operation(w: ReadmeWriter, res: Resource, op: Operation): string {
  const required = op.parameters.some((p) => p.required) || op.body?.required === true;
  const response = responseTypeName(w.model, op);
  const lines = [
    `### ${sdkPath(res, op)}`,
    "",
    "```ts",
    `${sdkPath(res, op)}(request${required ? "" : "?"}: ${requestTypeName(op)}, options?: RequestOptions): APIPromise<${response}>`,
    "```",
    "",
  ];
  if (op.deprecated) lines.push(fragment("deprecated"), "");
  lines.push(`${op.summary ? `**${op.summary}**: ` : ""}\`${op.method.toUpperCase()} ${op.path}\``, "");
  if (op.description) lines.push(op.description, "");
  const fields = fieldRows(w, op);
  if (fields.length > 0) {
    lines.push("| field | in | required | description |", "|---|---|---|---|", ...fields, "");
  }
  lines.push("```ts", ...w.prelude([]), "", ...w.callLines(res, op, ""), "```", "");
  const media = mediaNote(op);
  if (media) lines.push(media, "");
  if (op.servers) lines.push(`Sent to \`${op.servers[0]!.url}\` (its own server; see [Servers](#servers)) unless \`serverURL\` is given.`, "");
  if (op.idempotencyHeader) lines.push(idempotencyNote(op, op.idempotencyHeader), "");
  lines.push(...pagedIterator(w, res, op));
  lines.push(...streamedResponse(w, res, op));
  lines.push(`**Returns** ${returns(w, op)}`, "", "**Throws**", "", ...throws(w, op), "", `**Retries** ${retryNote(w, op)}`);
  return lines.join("\n");
}

/** The media types a call may choose with `contentType` / `accept`, when the spec lists several. */
function mediaNote(op: Operation): string {
  const list = (types: readonly string[]) => types.map((t) => `\`${t}\``).join(", ");
  const notes = [
    op.body?.others ? `\`options.contentType\` sends the body as ${list([op.body.mediaType, ...op.body.others.map((m) => m.mediaType)])} (default \`${op.body.mediaType}\`)` : "",
    op.response.kind !== "empty" && op.response.kind !== "unknown" && op.response.others
      ? `\`options.accept\` asks for ${list([op.response.mediaType, ...op.response.others.map((m) => m.mediaType)])} (default \`${op.response.mediaType}\`; text resolves to a string, ${streamMedia(op).length > 0 ? "a stream to an `EventStream`, " : ""}other bytes to a Blob)`
      : "",
  ].filter((n) => n !== "");
  return notes.length > 0 ? `**Media types**: ${notes.join("; ")}.` : "";
}

function fieldRows(w: ReadmeWriter, op: Operation): string[] {
  const rows = op.parameters.map((p) => {
    const whole = p.querystring ? `The whole query string, written as \`${p.querystring.mediaType}\`.` : undefined;
    const notes = [p.description, whole, constraintText(p), p.deprecated ? "Deprecated." : undefined].filter(Boolean).join(" ");
    return `| \`${p.field}\` | ${p.in}${p.in === "path" && p.name === p.field ? "" : ` (\`${p.name}\`)`} | ${p.required ? "yes" : "no"} | ${cell(notes)} |`;
  });
  if (op.body) {
    const type = `\`${bodyTypeName(w.model, op)}\``;
    rows.push(`| \`${op.body.field}\` | body (${type}) | ${op.body.required ? "yes" : "no"} | ${cell(op.body.description ?? "")} |`);
  }
  return rows;
}

function returns(w: ReadmeWriter, op: Operation): string {
  const described = responseDescription(op);
  if (op.response.kind === "empty") return `nothing (\`void\`) on ${op.response.status}.${described ? ` ${described}` : ""}`;
  return `\`${responseTypeName(w.model, op)}\` on ${op.response.status}.${described ? ` ${described}` : ""}`;
}

function throws(w: ReadmeWriter, op: Operation): string[] {
  const byClass = new Map<string, string[]>();
  for (const e of op.errors) {
    const name = w.errorClass(e.schemaName);
    byClass.set(name, [...(byClass.get(name) ?? []), e.status]);
  }
  const rules = op.parameters.flatMap((p) => {
    const rule = validationRule(p);
    return rule ? [`\`${p.field}\` must ${rule}`] : [];
  });
  const hasDefault = op.errors.some((e) => e.status === "default");
  return [
    ...[...byClass].map(([name, statuses]) => `- \`${name}\` on ${statuses.map((s) => (s === "default" ? "any other error status" : s)).join(", ")}`),
    hasDefault ? "- `SDKError` when an error response's body is not JSON" : "- `SDKError` on any other non-2xx status",
    `- \`SDKValidationError\` before anything is sent, when the request is invalid (a missing or unknown field${rules.length > 0 ? `; ${rules.join("; ")}` : ""})`,
    "- `ConnectionError`, `RequestTimeoutError` or `RequestAbortedError` when no response came",
  ];
}

function retryNote(w: ReadmeWriter, op: Operation): string {
  const retry = w.model.retry;
  if (!retry || retry.strategy === "none") return "none by default: the spec sets no retry policy (see [Retries](#retries) to turn them on).";
  if (!nonIdempotent(op.method)) return "by the [spec's policy](#retries).";
  if (op.idempotencyHeader) return `like a GET: its idempotency key (the same on every attempt) makes this ${op.method.toUpperCase()} safe to repeat.`;
  if (op.idempotent) return `like a GET: the spec marks this ${op.method.toUpperCase()} \`x-idempotent\`, so it is safe to repeat.`;
  return `only when the request never reached the server (connection refused) or the server declined it (429, 503): a ${op.method.toUpperCase()} is never sent twice otherwise, unless you set \`retryNonIdempotent: true\`.`;
}

/** Which header carries the operation's idempotency key, and what the SDK sends when the caller sets none. */
function idempotencyNote(op: Operation, header: string): string {
  const field = op.parameters.find((p) => p.idempotencyKey)?.field;
  return `**Idempotency key**: \`${header}\`${field ? ` (the \`${field}\` field)` : ""}; when you set none, the SDK sends a fresh UUID, the same on every attempt of the call.`;
}

/** What the runtime checks before sending, e.g. `be a UUID`; `undefined` when nothing worth saying. */
function validationRule(p: Parameter): string | undefined {
  const c = p.constraints;
  const parts: string[] = [];
  if (c?.format === "uuid") parts.push("be a UUID");
  if (c?.minimum !== undefined && c.maximum !== undefined) parts.push(`be from ${c.minimum} to ${c.maximum}`);
  else if (c?.minimum !== undefined) parts.push(`be at least ${c.minimum}`);
  else if (c?.maximum !== undefined) parts.push(`be at most ${c.maximum}`);
  if (c?.enum) parts.push(`be one of ${c.enum.map((v: unknown) => `\`${String(v)}\``).join(", ")}`);
  return parts.length > 0 ? parts.join(" and ") : undefined;
}

function constraintText(p: Parameter): string | undefined {
  const c = p.constraints;
  const parts: string[] = [];
  if (c?.format === "uuid") parts.push("a UUID");
  else if (c?.format === "date-time") parts.push("a date-time");
  if (c?.minimum !== undefined && c.maximum !== undefined) parts.push(`${c.minimum} to ${c.maximum}`);
  else if (c?.minimum !== undefined) parts.push(`at least ${c.minimum}`);
  else if (c?.maximum !== undefined) parts.push(`at most ${c.maximum}`);
  if (c?.enum) parts.push(`one of ${c.enum.map((v: unknown) => `\`${String(v)}\``).join(", ")}`);
  if (p.defaultValue !== undefined) parts.push(`default \`${JSON.stringify(p.defaultValue)}\``);
  return parts.length > 0 ? `${sentence(parts.join(", ")).replace(/^./, (s) => s.toUpperCase())}` : undefined;
}
