/**
 * Shared by the security tests: the fixture SDK generated from auth-schemes.yaml and
 * imported (on the runtime's sources), and a local OAuth2 token server that also serves
 * the fixture's `/oauth` operation, accepting only tokens it issued and has not revoked.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generateFiles } from "../../src/generate.js";
import { REPO_ROOT, targetFor, tempDir } from "../helpers.js";

export const SPEC = resolve(import.meta.dirname, "auth-schemes.yaml");
export const CLIENT_ID = "fixture-client";
export const CLIENT_SECRET = "cl1ent-s3cret-never-shown";
const RUNTIME_SOURCE = resolve(REPO_ROOT, "packages/runtime/src/index.ts");

/** The generated files, with `@x/runtime` as the import, for type-checking. */
export async function fixtureFiles(runtimeImport = "@x/runtime") {
  return generateFiles({ ...targetFor(SPEC, "FxAuth", "test/security/auth-schemes.yaml"), runtimeImport });
}

/** The generated SDK's module, on the runtime's sources. */
export async function importFixtureSdk(): Promise<Record<string, any>> {
  const dir = await tempDir("x-codegen-security-");
  await mkdir(join(dir, "generated"), { recursive: true });
  for (const f of await fixtureFiles(RUNTIME_SOURCE)) await writeFile(join(dir, "generated", f.path), f.contents);
  return import(pathToFileURL(join(dir, "generated", "index.ts")).href);
}

export interface TokenServer {
  readonly url: string;
  /** Token requests received, with the time each was answered (Date.now()). */
  readonly issued: { token: string; scope: string | null; atMs: number }[];
  /** What the next token requests get. */
  mode: "ok" | "500" | "not-json" | "no-token";
  expiresIn: number;
  /** Delay before answering a token request, so concurrent calls overlap it. */
  delayMs: number;
  /** Tokens the API no longer accepts. */
  readonly revoked: Set<string>;
  /** The API refuses every token. */
  refuseAll: boolean;
  /** API calls received on /oauth, with the token each carried. */
  readonly apiCalls: string[];
  close(): Promise<void>;
}

export async function startTokenServer(): Promise<TokenServer> {
  const state: Omit<TokenServer, "url" | "close"> = { issued: [], mode: "ok", expiresIn: 3600, delayMs: 30, revoked: new Set(), refuseAll: false, apiCalls: [] };
  const valid = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "POST" && req.url === "/oauth/token") {
      const body = new URLSearchParams(await read(req));
      const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`;
      await new Promise((r) => setTimeout(r, state.delayMs));
      if (req.headers.authorization !== expected || body.get("grant_type") !== "client_credentials") return json(401, { error: "invalid_client", echoed: req.headers.authorization });
      if (state.mode === "500") return json(500, { error: "server_error", echoed: CLIENT_SECRET });
      if (state.mode === "not-json") return res.writeHead(200).end(`<html>${CLIENT_SECRET}</html>`);
      if (state.mode === "no-token") return json(200, { token_type: "bearer" });
      const token = `tok-${state.issued.length + 1}-${Math.random().toString(36).slice(2)}`;
      valid.set(token, Date.now() + state.expiresIn * 1000);
      state.issued.push({ token, scope: body.get("scope"), atMs: Date.now() });
      return json(200, { access_token: token, token_type: "bearer", expires_in: state.expiresIn });
    }
    if (req.method === "GET" && req.url === "/oauth") {
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      state.apiCalls.push(token);
      const until = valid.get(token);
      if (until === undefined || until < Date.now() || state.revoked.has(token) || state.refuseAll) return json(401, { message: `token ${token} refused` });
      return json(200, { ok: true });
    }
    json(404, {});
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}

async function read(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}
