/**
 * A stand-in for Prism, for operations Prism cannot serve (see `standInReason`): a plain
 * HTTP server on 127.0.0.1 that checks the request as far as the operation's model
 * allows (the path matches, required parameters are where the spec puts them, styled
 * values are in their wire format, each value fits its schema's type and enum) and
 * answers with a documented response. Violations go in the `sl-violations` header the
 * way Prism reports them (`location: ["request", ...]`), so one recorder reads both.
 *
 * `httpFetch` calls it through node:http rather than fetch: Node's fetch rejects some
 * documented statuses (407) that the SDK must still see.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Json = Record<string, unknown>;

export interface StandInServer {
  readonly url: string;
  close(): Promise<void>;
}

interface RawParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly schema?: Json;
}

interface Violation {
  readonly location: string[];
  readonly message: string;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/**
 * Why Prism cannot serve an operation of an OpenAPI 3 document, or undefined when it can:
 * it documents no response (3.1 allows that), the status it would answer is one Node's HTTP client cannot receive (1xx is never a
 * final response; Node's fetch rejects 407), or a parameter Prism's request validator
 * never finishes on (a header with an array or object schema, a path object, a path
 * array not in label style, a non-exploded spaceDelimited or pipeDelimited query parameter).
 */
export function standInReason(document: Json, path: string, method: string): string | undefined {
  const operation = operationAt(document, path, method);
  if (operation === undefined) return undefined;
  const status = answerStatus(operation);
  if (status === undefined) return "documents no response for Prism to answer";
  if (status < 200) return `answers ${status}, which is never a final HTTP response`;
  if (status === 407) return "answers 407, which Node's fetch rejects";
  const clash = unsendableSecurity(document, operation);
  if (clash !== undefined) return clash;
  for (const p of parametersOf(document, path, operation)) {
    const type = schemaType(document, p.schema);
    if (p.in === "header" && (type === "array" || type === "object")) return `header ${p.name} has an ${type} schema`;
    // Prism's path deserializers throw on these (uncaught: the request never gets an answer).
    if (p.in === "path" && (type === "object" || (type === "array" && p.style !== "label"))) return `path ${p.name} has an ${type} schema`;
    if (p.in === "query" && (p.style === "spaceDelimited" || p.style === "pipeDelimited") && p.explode !== true) {
      return `query ${p.name} is non-exploded ${p.style}`;
    }
  }
  return undefined;
}

/**
 * Every security alternative of the operation needs two credentials in one header (HTTP
 * basic and OAuth2 both in Authorization, say): no request can carry both, so Prism's
 * security check can only fail it.
 */
function unsendableSecurity(document: Json, operation: Json): string | undefined {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const headerOf = (name: string): string | undefined => {
    const scheme = schemes[name];
    if (!isRecord(scheme)) return undefined;
    if (scheme.type === "http" || scheme.type === "oauth2" || scheme.type === "openIdConnect") return "authorization";
    return scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string" ? scheme.name.toLowerCase() : undefined;
  };
  const clashes = requirements.map((r) => {
    const headers = (isRecord(r) ? Object.keys(r) : []).map(headerOf).filter((h): h is string => h !== undefined);
    return headers.find((h, i) => headers.indexOf(h) !== i);
  });
  if (requirements.length === 0 || clashes.some((c) => c === undefined)) return undefined;
  return `every security alternative needs two credentials in the ${clashes[0]} header, which no request can carry`;
}

/** Serves every operation of `document` (OpenAPI 3, as the generator normalised it). */
export async function startStandIn(document: Json): Promise<StandInServer> {
  const server = createServer((req, res) => void answer(document, req, res));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** `fetch` through node:http: every status reaches the caller as a Response. */
export async function httpFetch(input: Request): Promise<Response> {
  const body = input.body === null ? undefined : Buffer.from(await input.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = httpRequest(input.url, { method: input.method, headers: Object.fromEntries(input.headers), signal: input.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        const status = res.statusCode ?? 500;
        const empty = status === 204 || status === 304 || input.method === "HEAD";
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers }));
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function answer(document: Json, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for await (const _ of req); // drain the body
  const url = new URL(req.url ?? "/", "http://stand-in");
  const method = (req.method ?? "GET").toLowerCase();
  const found = route(document, method, url.pathname);
  if (found === undefined) {
    res.writeHead(404, { "content-type": "text/plain" }).end(`no operation for ${req.method} ${url.pathname}`);
    return;
  }
  const violations = checkRequest(document, found.path, found.operation, found.pathValues, url, req);
  const status = answerStatus(found.operation);
  const headers: Record<string, string> = {};
  if (violations.length > 0) headers["sl-violations"] = JSON.stringify(violations);
  if (status === undefined || status < 200 || violations.length > 0) {
    // 1xx is informational only: an operation that documents nothing else, or nothing at all, gets an empty final answer.
    res.writeHead(violations.length > 0 ? 422 : 204, headers).end();
    return;
  }
  const body = responseBody(document, found.operation, status);
  if (body === undefined) res.writeHead(status, headers).end();
  else res.writeHead(status, { ...headers, "content-type": body.mediaType }).end(body.text);
}

function route(document: Json, method: string, pathname: string) {
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const operation = isRecord(item) ? item[method] : undefined;
    if (!isRecord(operation)) continue;
    const names: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
      names.push(name);
      return "([^/]*)";
    });
    const match = new RegExp(`^${source}$`).exec(pathname);
    if (match) return { path, operation, pathValues: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  return undefined;
}

function checkRequest(document: Json, path: string, operation: Json, pathValues: Record<string, string>, url: URL, req: IncomingMessage): Violation[] {
  const violations: Violation[] = [];
  const cookies = new Map((req.headers.cookie ?? "").split(/;\s*/).filter(Boolean).map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)]));
  for (const p of parametersOf(document, path, operation)) {
    const schema = resolve(document, p.schema) ?? {};
    const type = schemaType(document, p.schema);
    const at = ["request", p.in, p.name];
    let raw: string | undefined;
    if (p.in === "path") raw = pathValues[p.name];
    else if (p.in === "header") raw = headerValue(req, p.name);
    else if (p.in === "cookie") raw = cookies.get(p.name);
    else if (url.searchParams.has(p.name)) raw = url.searchParams.getAll(p.name).join(",");
    else if ([...url.searchParams.keys()].some((k) => k.startsWith(`${p.name}[`))) raw = ""; // deepObject
    else if (type === "object" && p.style !== "deepObject" && p.explode !== false) raw = ""; // exploded form: its own keys
    if (raw === undefined || (p.in === "path" && raw === "")) {
      if (p.required || p.in === "path") violations.push({ location: at, message: `must have required ${p.in} parameter '${p.name}'` });
      continue;
    }
    if (raw === "") continue;
    if (p.in === "query" && (p.style === "spaceDelimited" || p.style === "pipeDelimited") && p.explode !== true) {
      if (url.searchParams.getAll(p.name).length !== 1) violations.push({ location: at, message: `non-exploded ${p.style} must appear once` });
      const items = raw.split(p.style === "spaceDelimited" ? " " : "|");
      if (type === "array") violations.push(...items.flatMap((v) => valueProblems(document, resolve(document, schema.items) ?? {}, v, at)));
      else if (type === "object" && items.length % 2 !== 0) violations.push({ location: at, message: `object as ${p.style} must be key${p.style === "spaceDelimited" ? " " : "|"}value pairs` });
      continue;
    }
    if (p.in === "header" && (type === "array" || type === "object")) {
      const items = raw.split(",");
      if (/^[[{]/.test(raw)) violations.push({ location: at, message: "must be in simple style, not JSON" });
      else if (type === "array") violations.push(...items.flatMap((v) => valueProblems(document, resolve(document, schema.items) ?? {}, v, at)));
      else if (p.explode === true ? !items.every((i) => i.includes("=")) : items.length % 2 !== 0) {
        violations.push({ location: at, message: `object must be ${p.explode === true ? "key=value" : "key,value"} pairs in simple style` });
      }
      continue;
    }
    if (p.in === "path" && (type === "array" || type === "object")) {
      violations.push(...styledPathProblems(document, p, schema, type, raw, at));
      continue;
    }
    if (type !== "array" && type !== "object") violations.push(...valueProblems(document, schema, raw, at));
  }
  return violations;
}

/** A path array or object in its style: simple `a,b`, label `.a.b` / `.a,b`, matrix `;n=a;n=b` / `;n=a,b`. */
function styledPathProblems(document: Json, p: RawParameter, schema: Json, type: string, raw: string, at: string[]): Violation[] {
  const style = p.style ?? "simple";
  const explode = p.explode === true;
  // An exploded matrix object names its properties, not itself: `;k=v;k2=v2`.
  const prefix = style === "label" ? "." : style === "matrix" ? (explode && type === "object" ? ";" : `;${p.name}=`) : "";
  if (!raw.startsWith(prefix)) return [{ location: at, message: `must start with ${JSON.stringify(prefix)} in ${style} style` }];
  const body = raw.slice(prefix.length);
  const separator = !explode || style === "simple" ? "," : style === "label" ? "." : type === "array" ? prefix : ";";
  const items = body.split(separator);
  if (type === "array") return items.flatMap((v) => valueProblems(document, resolve(document, schema.items) ?? {}, v, at));
  const pairs = explode ? items.every((i) => i.includes("=")) : items.length % 2 === 0;
  return pairs ? [] : [{ location: at, message: `object must be ${explode ? "key=value" : "key,value"} pairs in ${style} style` }];
}

function valueProblems(document: Json, schema: Json, raw: string, at: string[]): Violation[] {
  const type = schemaType(document, schema);
  if ((type === "integer" && !/^-?\d+$/.test(raw)) || (type === "number" && Number.isNaN(Number(raw))) || (type === "boolean" && raw !== "true" && raw !== "false")) {
    return [{ location: at, message: `must be ${type}, got ${JSON.stringify(raw)}` }];
  }
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(raw)) return [{ location: at, message: `must be one of ${schema.enum.join(", ")}` }];
  return [];
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** The status Prism would answer: the first documented 2xx, else the lowest documented status. */
function answerStatus(operation: Json): number | undefined {
  const responses = isRecord(operation.responses) ? Object.keys(operation.responses) : [];
  const statuses = responses.map((s) => Number(s.replace(/XX$/i, "00"))).filter((n) => Number.isInteger(n) && n >= 100).sort((a, b) => a - b);
  return statuses.find((s) => s >= 200 && s < 300) ?? statuses[0];
}

function responseBody(document: Json, operation: Json, status: number): { mediaType: string; text: string } | undefined {
  const responses = operation.responses as Json;
  const response = resolve(document, responses[String(status)] ?? responses[`${String(status)[0]}XX`]);
  const content = isRecord(response?.content) ? response.content : {};
  const [mediaType, media] = Object.entries(content).find(([type]) => /json/i.test(type)) ?? Object.entries(content)[0] ?? [];
  if (mediaType === undefined || !isRecord(media)) return undefined;
  const schema = resolve(document, media.schema) ?? {};
  const examples = isRecord(media.examples) ? Object.values(media.examples).map((e) => resolve(document, e)?.value) : [];
  const example = [media.example, ...examples, schema.example].find((e) => e !== undefined);
  if (!/json/i.test(mediaType)) return { mediaType, text: typeof example === "string" ? example : "" };
  const fallback = schemaType(document, schema) === "array" ? [] : schemaType(document, schema) === "object" ? {} : null;
  return { mediaType, text: JSON.stringify(example ?? fallback) };
}

function operationAt(document: Json, path: string, method: string): Json | undefined {
  const item = resolve(document, (document.paths as Json | undefined)?.[path]);
  const operation = item?.[method.toLowerCase()];
  return HTTP_METHODS.includes(method.toLowerCase()) && isRecord(operation) ? operation : undefined;
}

/** The operation's parameters and its path item's (the operation's win by name and location). */
function parametersOf(document: Json, path: string, operation: Json): RawParameter[] {
  const item = resolve(document, (document.paths as Json)[path]) ?? {};
  const list = [...(Array.isArray(operation.parameters) ? operation.parameters : []), ...(Array.isArray(item.parameters) ? item.parameters : [])]
    .map((p) => resolve(document, p))
    .filter((p): p is Json => isRecord(p) && typeof p.name === "string" && typeof p.in === "string");
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(`${p.in} ${p.name}`) && seen.add(`${p.in} ${p.name}`)) as unknown as RawParameter[];
}

function schemaType(document: Json, value: unknown): string | undefined {
  const schema = resolve(document, value);
  if (schema === undefined) return undefined;
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    if (Array.isArray(schema[key])) for (const branch of schema[key]) { const t = schemaType(document, branch); if (t !== undefined && t !== "null") return t; }
  }
  if (isRecord(schema.properties)) return "object";
  return undefined;
}

/** Follows local $refs (`#/...`). */
function resolve(document: Json, value: unknown, depth = 0): Json | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.$ref !== "string" || !value.$ref.startsWith("#/") || depth > 20) return value;
  let target: unknown = document;
  for (const part of value.$ref.slice(2).split("/")) {
    target = isRecord(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return resolve(document, target, depth + 1);
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
