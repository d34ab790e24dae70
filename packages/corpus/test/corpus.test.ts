/**
 * The corpus: for every spec bin/corpus.mjs lists in $CORPUS_SPECS, an SDK is generated
 * into .work/<name>/ (gitignored) by sdk:new's code path (generateFiles), type-checked in
 * strict mode, and every GET operation is called through it (and every other operation
 * the spec's examples make a request for, see corpusCalls), with example arguments
 * derived from the spec (sampleCalls), against Prism serving that same spec, or against
 * the stand-in (@x/mock-server) for an operation Prism cannot serve (standInReason,
 * decided from the spec before calling). src/judge.ts decides each call: no request
 * violation, and a documented 2xx resolves or a documented error status throws the SDK's
 * typed error for it. Prism also validates its answer, the spec's own example, against
 * the spec: violations there are the spec's, shown in the table as notes.
 * Run it with `pnpm corpus` (the public corpus) or `pnpm corpus <folder or file>...`.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { exampleBody, generateFiles, loadSpec, pascalCase, sampleCalls, type SampleCall, type SpecModel } from "@x/codegen";
import { typecheckFiles } from "@x/codegen/testing";
import { httpFetch, standInReason, startMockServer, startStandIn, type MockServer, type StandInServer } from "@x/mock-server";
import { violationsOfRequest } from "@x/mock-server/contract";
import { describeError, judge } from "../src/judge.js";
import { KNOWN_SPECS, REFERENCE_FOLDER } from "./known-specs.js";

interface Listed {
  readonly path: string;
  /** How the report names it, e.g. `oas-examples/3.0/petstore.json`. */
  readonly label: string;
  /** The directory under .work and the stem of the client's name, unique in the run. */
  readonly name: string;
}

const listed = JSON.parse(process.env.CORPUS_SPECS ?? "null") as Listed[] | null;
if (!listed) throw new Error("CORPUS_SPECS is not set; run `pnpm corpus [folder or file]...`");
const WORK = resolve(import.meta.dirname, "../.work");
const AUTH = `Basic ${Buffer.from("corpus-api-key").toString("base64")}`;
/** Prism answers in milliseconds; a request it has not answered by then never will be. */
const PRISM_ANSWER_MS = 10_000;
/** What the largest document (GitHub's REST API) needs to generate, import and start Prism on: about 10 s on a quiet machine. */
const SETUP_QUIET_MS = 20_000;
/** What its SDK's type-check needs: 7.5 s on a quiet machine. */
const TYPECHECK_QUIET_MS = 15_000;

interface CorpusSpec extends Listed {
  readonly file: string;
  readonly model?: SpecModel;
  readonly calls: readonly CorpusCall[];
  readonly loadError?: unknown;
}

/** A call with, for a body taken from the spec's example, the request field that holds it. */
type CorpusCall = SampleCall & { readonly exampleBodyField?: string };

const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"];

/**
 * Every GET, then every other operation whose request the spec's examples make: one
 * without a body, with an optional body (left out), or with the spec's own example of
 * its JSON body (exampleBody). Each with example arguments for its parameters.
 */
function corpusCalls(model: SpecModel): CorpusCall[] {
  const operations = new Map(model.resources.flatMap((r) => r.operations).map((op) => [`${op.method} ${op.path}`, op]));
  return HTTP_METHODS.flatMap((method) => sampleCalls(model, method)).flatMap((call) => {
    const op = operations.get(`${call.httpMethod.toLowerCase()} ${call.path}`);
    if (call.httpMethod === "GET" || op?.body === undefined) return [call];
    const body = exampleBody(op);
    if (body !== undefined) return [{ ...call, request: { ...call.request, [op.body.field]: body.value }, exampleBodyField: op.body.field }];
    return op.body.required ? [] : [call];
  });
}

/** The client's name before the loader settles clashes: the document's name, pascal-cased (an identifier cannot start with a digit). */
function wantedClientName(name: string): string {
  return /^[0-9]/.test(name) ? `Api${pascalCase(name)}` : pascalCase(name);
}

const specs: CorpusSpec[] = [];
for (const spec of listed) {
  const file = basename(spec.path);
  try {
    // The loader settles the client's name (a spec named security.json would clash with `Security`).
    const model = await loadSpec(file, spec.path, { clientName: wantedClientName(spec.name) });
    specs.push({ ...spec, file, model, calls: corpusCalls(model) });
  } catch (loadError) {
    specs.push({ ...spec, file, calls: [], loadError });
  }
}

/** Per document: operations called, passed, failed (a failed load or type-check counts as one failure). */
const rows = new Map<string, { called: number; passed: number; failed: number; note?: string }>(specs.map((s) => [s.name, { called: 0, passed: 0, failed: 0 }]));

it("finds the specs it was given, and every known reference spec", () => {
  expect(specs.length).toBeGreaterThan(0);
  const referenceFiles = specs.filter((s) => basename(dirname(s.path)) === REFERENCE_FOLDER).map((s) => s.file);
  if (referenceFiles.length > 0) expect(referenceFiles).toEqual(expect.arrayContaining(Object.keys(KNOWN_SPECS)));
});

afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  const width = Math.max(8, ...specs.map((s) => s.label.length));
  const lines = specs.map((s) => [s.label, rows.get(s.name)!] as const).map(([label, r]) => `  ${label.padEnd(width)}  ${String(r.called).padStart(6)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}${r.note ? `  ${r.note}` : ""}`);
  const total = [...rows.values()].reduce((t, r) => ({ called: t.called + r.called, passed: t.passed + r.passed, failed: t.failed + r.failed }), { called: 0, passed: 0, failed: 0 });
  console.log([
    `\ncorpus: ${specs.length} documents`,
    `  ${"document".padEnd(width)}  ${"called".padStart(6)}  ${"passed".padStart(6)}  ${"failed".padStart(6)}`,
    ...lines,
    `  ${"total".padEnd(width)}  ${String(total.called).padStart(6)}  ${String(total.passed).padStart(6)}  ${String(total.failed).padStart(6)}`,
    "",
  ].join("\n"));
});

/** calls.ts: a client factory and each call as typed source, type-checked with the SDK. */
/**
 * The answer to an OAuth2 client-credentials token request, when `request` goes to one of the
 * spec's token URLs (as the runtime resolves them, against the server): the API's token
 * server is not part of what Prism serves, so the corpus stands in for it.
 */
/** The violations in Prism's own 422 answer (problem+json, `validation`), located like sl-violations' (`request`, then where). */
async function prismValidation(response: Response): Promise<{ location: string[]; message?: string }[]> {
  if (!(response.headers.get("content-type") ?? "").includes("problem+json")) return [];
  const problem = (await response.clone().json().catch(() => undefined)) as { type?: string; validation?: { location?: string[]; message?: string }[] } | undefined;
  if (!problem?.type?.endsWith("#UNPROCESSABLE_ENTITY") || !Array.isArray(problem.validation)) return [];
  return problem.validation.map((v) => ({ ...v, location: ["request", ...(v.location ?? [])] }));
}

/** The outcome of a call whose body, the spec's own example, Prism finds invalid. */
const EXAMPLE_INVALID = "not counted, the spec's example body breaks its schema";

function tokenAnswer(model: SpecModel, serverURL: string, request: Request): Response | undefined {
  const tokenUrls = model.securitySchemes.flatMap((s) => (s.kind === "oauth2" && s.tokenUrl !== undefined ? [new URL(s.tokenUrl, `${serverURL.replace(/\/+$/, "")}/`).href] : []));
  if (request.method !== "POST" || !tokenUrls.includes(request.url)) return undefined;
  return Response.json({ access_token: "corpus-token", token_type: "Bearer", expires_in: 3600 });
}

function callsSource(spec: CorpusSpec, clientName: string): string {
  // A client-credentials scheme gets client credentials: the SDK fetches its token from the
  // spec's tokenUrl, which the corpus's fetch answers itself (see tokenAnswer).
  const fields = spec.model!.securitySchemes.flatMap((s) => {
    if (s.kind === "basic") return [`${s.field}: { username: "corpus", password: ${JSON.stringify(AUTH)} }`];
    if (s.kind === "oauth2" && s.tokenUrl !== undefined && !s.acceptsToken) return [`${s.field}: { clientID: "corpus", clientSecret: "corpus-secret" }`];
    return [`${s.field}: ${JSON.stringify(AUTH)}`];
  });
  const security = fields.length > 0 ? `security: { ${fields.join(", ")} }, ` : "";
  // A body from the spec's example is the spec's data, not the SDK's: it is sent as the spec
  // gives it (Prism judges it), not type-checked against the SDK's body type.
  const request = (c: CorpusCall) => `{ ${Object.entries(c.request).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}${k === c.exampleBodyField ? " as never" : ""}`).join(", ")} }`;
  const call = (c: CorpusCall) => `settle(client.${c.methodPath}(${request(c)}, NO_RETRIES))`;
  return `// Written by the corpus from ${spec.file}: every operation it calls, with example arguments.
import type { RequestOptions } from "@x/runtime";
import { ${clientName} } from "./generated/index.js";

const NO_RETRIES: RequestOptions = { retries: { strategy: "none" } };

/** A streamed result is read to its end (so the call is judged on its items too); anything else as it is. */
async function settle(result: Promise<unknown>): Promise<unknown> {
  const value = await result;
  if (typeof value !== "object" || value === null || !(Symbol.asyncIterator in value)) return value;
  const items: unknown[] = [];
  for await (const item of value as AsyncIterable<unknown>) items.push(item);
  return items;
}

export function makeClient(serverURL: string, fetch: (request: Request) => Promise<Response>): ${clientName} {
  return new ${clientName}({ ${security}serverURL, fetch });
}

export const calls: Record<string, (client: ${clientName}) => Promise<unknown>> = {
${spec.calls.map((c) => `  ${JSON.stringify(c.methodPath)}: (client) => ${call(c)},`).join("\n")}
};
`;
}

function responseNote(header: string): string {
  try {
    const entries = JSON.parse(header) as (string | { message?: string })[];
    return entries.map((v) => (typeof v === "string" ? `${v.slice(0, 160)}…` : v.message)).join("; ");
  } catch {
    return `${header.slice(0, 160)}…`;
  }
}

/** The raw operation's response keys, and the generated error class per status that has one. */
function documentedResponses(model: SpecModel, call: SampleCall) {
  const item = (model.document.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)[call.path];
  const documented = Object.keys(item?.[call.httpMethod.toLowerCase()]?.responses ?? {});
  const op = model.resources.flatMap((r) => r.operations).find((o) => o.operationId === call.operationId && o.path === call.path);
  const errorClasses = Object.fromEntries((op?.errors ?? []).flatMap((e) => {
    const className = model.schemas.find((s) => s.name === e.schemaName)?.errorClass?.className;
    return className ? [[e.status, className]] : [];
  }));
  return { documented, errorClasses };
}

for (const spec of specs) {
  describe(spec.label, () => {
    const row = rows.get(spec.name)!;
    if (spec.loadError !== undefined) {
      it("loads", () => {
        row.failed++;
        row.note = "does not load";
        throw spec.loadError;
      });
      return;
    }
    const clientName = spec.model?.clientName ?? wantedClientName(spec.name);
    const dir = join(WORK, spec.name);
    const outcomes = new Map<string, string>();
    const standInFor = new Map(spec.calls.map((c) => [c.methodPath, standInReason(spec.model!.document, c.path, c.httpMethod)]));
    let prism: MockServer | undefined;
    let standIn: StandInServer | undefined;
    let roots: string[] = [];
    let sdk: { makeClient(url: string, fetch: (r: Request) => Promise<Response>): unknown; calls: Record<string, (client: unknown) => Promise<unknown>> };

    beforeAll(async () => {
      let stage = "generate";
      try {
        await rm(dir, { recursive: true, force: true });
        const outDir = join(dir, "generated");
        const files = await generateFiles({
          packageName: `@x/${spec.name}`,
          packageDir: dir,
          specFile: spec.file,
          specPath: spec.path,
          clientName,
          runtimeImport: "@x/runtime",
          outDir,
        });
        await mkdir(outDir, { recursive: true });
        for (const f of files) {
          await mkdir(dirname(join(outDir, f.path)), { recursive: true });
          await writeFile(join(outDir, f.path), f.contents);
        }
        await writeFile(join(dir, "calls.ts"), callsSource(spec, clientName));
        roots = [...files.map((f) => join(outDir, f.path)), join(dir, "calls.ts")];
        stage = "import (not valid TypeScript)";
        sdk = await import(pathToFileURL(join(dir, "calls.ts")).href);
        stage = "start its mock servers";
        if (spec.calls.some((c) => standInFor.get(c.methodPath) === undefined)) prism = await startMockServer(spec.path);
        if (spec.calls.some((c) => standInFor.get(c.methodPath) !== undefined)) standIn = await startStandIn(spec.model!.document);
      } catch (error) {
        row.failed++;
        row.note = `does not ${stage}`;
        throw error;
      }
    }, needs(SETUP_QUIET_MS));

    afterAll(async () => {
      await prism?.close();
      await standIn?.close();
      const width = Math.max(9, ...spec.calls.map((c) => c.methodPath.length));
      const lines = spec.calls.map((c) => `  ${c.methodPath.padEnd(width)}  ${`${c.httpMethod} ${c.path}`.padEnd(60)}  ${outcomes.get(c.methodPath) ?? "not run"}`);
      const uncounted = spec.calls.filter((c) => outcomes.get(c.methodPath)?.startsWith(EXAMPLE_INVALID)).length;
      const failed = spec.calls.filter((c) => !outcomes.get(c.methodPath)?.startsWith("ok")).length - uncounted;
      row.called = outcomes.size - uncounted;
      row.passed = spec.calls.length - failed - uncounted;
      row.failed += failed;
      if (uncounted > 0) row.note = `${row.note ? `${row.note}; ` : ""}${uncounted} not counted: the spec's example body breaks its schema`;
      console.log(`\n${spec.label} (client ${clientName}): ${spec.calls.length} operations\n  ${"operation".padEnd(width)}  ${"request".padEnd(60)}  outcome\n${lines.join("\n")}\n  ${spec.calls.length - failed} passed, ${failed} failed\n`);
    });

    it("generates an SDK that type-checks in strict mode", () => {
      const problems = typecheckFiles(roots, { root: WORK });
      if (problems.length > 0) {
        row.failed++;
        row.note = "does not type-check";
      }
      expect(problems).toEqual([]);
    }, needs(TYPECHECK_QUIET_MS));

    const known = KNOWN_SPECS[spec.file];
    if (known && basename(dirname(spec.path)) === REFERENCE_FOLDER) {
      it("puts every operation on a resource per tag, named as the vendor's SDKs name them", () => {
        const resources = spec.model!.resources;
        expect(resources.length).toBe(known.resources);
        expect(resources.flatMap((r) => r.operations).length).toBe(known.operations);
        expect(resources.find((r) => r.property === "connections")?.operations.map((o) => o.methodName)).toEqual(known.connections);
        expect(spec.model!.retry?.statusCodes).toEqual(expect.arrayContaining([429]));
      });
    }

    it.each(spec.calls.map((c) => ({ ...c, label: `${c.methodPath} (${c.httpMethod} ${c.path})` })))("$label", async (call) => {
      const violations: string[] = [];
      const notes: string[] = [];
      let status = 0;
      const reason = standInFor.get(call.methodPath);
      const server = reason === undefined ? prism! : standIn!;
      const client = sdk.makeClient(server.url, async (request) => {
        const token = tokenAnswer(spec.model!, server.url, request);
        if (token) return token;
        // The stand-in is read through node:http (Node's fetch rejects a 407); Prism gets a
        // deadline, and its redirects reach the SDK (they point at the API's real hosts).
        const response = reason !== undefined
          ? await httpFetch(request)
          : await fetch(request, { redirect: "manual", signal: AbortSignal.timeout(PRISM_ANSWER_MS) });
        status = response.status;
        const found = response.headers.get("sl-violations");
        // Prism's warnings (e.g. a security scheme it does not support) are notes, not violations.
        const byRequest = found ? violationsOfRequest(found).filter((v) => (v as { severity?: string }).severity !== "Warning") : [];
        if (byRequest.length > 0) violations.push(JSON.stringify(byRequest));
        else if (found) notes.push(responseNote(found));
        // With no documented answer for an invalid request, Prism lists its violations in its own 422 body.
        const invalid = reason === undefined && response.status === 422 ? await prismValidation(response) : [];
        if (invalid.length > 0) violations.push(JSON.stringify(invalid));
        return response;
      });
      let error: unknown;
      try {
        await sdk.calls[call.methodPath]!(client);
      } catch (thrown) {
        error = thrown;
      }
      // A non-GET call is made only where the spec's examples make a valid request; when Prism
      // finds the spec's own example body invalid, the call shows only that the SDK sent the
      // rest (path, query, headers) right: it is listed, and counted neither way.
      const found = violations.flatMap((v) => JSON.parse(v) as { location?: string[]; message?: string }[]);
      if (call.exampleBodyField !== undefined && found.length > 0 && found.every((v) => v.location?.[1] === "body")) {
        outcomes.set(call.methodPath, `${EXAMPLE_INVALID}: ${found.map((v) => v.message).join("; ").slice(0, 200)}`);
        expect(found.filter((v) => v.location?.[1] !== "body")).toEqual([]);
        return;
      }
      const verdict = judge({ status, violations, error, ...documentedResponses(spec.model!, call) });
      const where = reason === undefined ? "" : ` [stand-in: ${reason}]`;
      const note = notes.length > 0 ? ` (the spec's example response breaks its schema: ${notes.join("; ")})` : "";
      outcomes.set(call.methodPath, `${verdict.text}${where}${verdict.ok ? note : ""}`);
      if (!verdict.ok && error !== undefined) throw error instanceof Error ? Object.assign(error, { message: `${verdict.text}\n${error.message}` }) : new Error(describeError(error));
      expect(verdict.text).toMatch(/^ok/);
    }, PRISM_ANSWER_MS + needs(2_000)); // Prism's deadline, and what a call needs besides waiting for it
  });
}
