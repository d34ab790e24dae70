/**
 * The corpus: for every spec in $CORPUS_DIR, an SDK is generated into .work/<name>/
 * (gitignored), type-checked in strict mode, and every GET operation is called through
 * it, with example arguments derived from the spec, against Prism serving that same
 * spec. A call passes when it resolves (no SDK error) and Prism reported no request
 * violation (sl-violations). Prism also validates its answer, the spec's own example,
 * against the spec: violations there are the spec's, shown in the table as notes. Run it with `pnpm corpus <folder>`; .ci/run does, on
 * ../shared/reference-specs.
 */
import { readdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFiles, loadSpec, pascalCase, renderCall, sampleCalls, typecheckFiles, type SampleCall, type SpecModel } from "@x/codegen";
import { startMockServer, type MockServer } from "@x/mock-server";
import { violationsOfRequest } from "@x/mock-server/contract";
import { KNOWN_SPECS, REFERENCE_FOLDER } from "./known-specs.js";

const CORPUS_DIR = process.env.CORPUS_DIR;
if (!CORPUS_DIR) throw new Error("CORPUS_DIR is not set; run `pnpm corpus <folder of specs>`");
const WORK = resolve(import.meta.dirname, "../.work");
const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];
const AUTH = `Basic ${Buffer.from("corpus-api-key").toString("base64")}`;

interface CorpusSpec {
  readonly file: string;
  readonly path: string;
  /** The directory name under .work and the stem of the client's name. */
  readonly name: string;
  readonly model?: SpecModel;
  readonly calls: readonly SampleCall[];
  readonly loadError?: unknown;
}

const specs: CorpusSpec[] = await Promise.all(
  readdirSync(CORPUS_DIR)
    .filter((f) => SPEC_EXTENSIONS.includes(extname(f).toLowerCase()))
    .sort()
    .map(async (file): Promise<CorpusSpec> => {
      const path = join(CORPUS_DIR, file);
      const name = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "spec";
      try {
        // The loader settles the client's name (a spec named security.json would clash with `Security`).
        const model = await loadSpec(file, path, { clientName: pascalCase(name) });
        return { file, path, name, model, calls: sampleCalls(model) };
      } catch (loadError) {
        return { file, path, name, calls: [], loadError };
      }
    }),
);
const summary = { specs: specs.length, passed: 0, failed: 0 };

it(`finds specs in ${CORPUS_DIR}`, () => {
  const files = specs.map((s) => s.file);
  expect(files).not.toEqual([]);
  if (basename(CORPUS_DIR) === REFERENCE_FOLDER) expect(files).toEqual(expect.arrayContaining(Object.keys(KNOWN_SPECS)));
});

afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  console.log(`corpus: ${summary.specs} specs, ${summary.passed + summary.failed} GET operations: ${summary.passed} passed, ${summary.failed} failed`);
});

/** calls.ts: a client factory and each GET call as typed source, type-checked with the SDK. */
function callsSource(spec: CorpusSpec, clientName: string): string {
  // A client-credentials scheme would need the API's token server, so the corpus leaves it unset.
  const fields = spec.model!.securitySchemes.flatMap((s) => {
    if (s.kind === "basic") return [`${s.field}: { username: "corpus", password: ${JSON.stringify(AUTH)} }`];
    if (s.kind === "oauth2" && s.tokenUrl !== undefined && !s.acceptsToken) return [];
    return [`${s.field}: ${JSON.stringify(AUTH)}`];
  });
  const security = fields.length > 0 ? `security: { ${fields.join(", ")} }, ` : "";
  return `// Written by the corpus from ${spec.file}: every GET operation with example arguments.
import type { RequestOptions } from "@x/runtime";
import { ${clientName} } from "./generated/index.js";

const NO_RETRIES: RequestOptions = { retries: { strategy: "none" } };

export function makeClient(serverURL: string, fetch: (request: Request) => Promise<Response>): ${clientName} {
  return new ${clientName}({ ${security}serverURL, fetch });
}

export const calls: Record<string, (client: ${clientName}) => Promise<unknown>> = {
${spec.calls.map((c) => `  ${JSON.stringify(c.methodPath)}: (client) => ${renderCall("client", c, "NO_RETRIES")},`).join("\n")}
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

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { status, bodyText } = error as Error & { status?: number; bodyText?: string };
  const body = bodyText ? `: ${bodyText.replace(/\s+/g, " ").slice(0, 300)}` : "";
  return `${error.name}${status ? ` ${status}` : ""}: ${error.message.split("\n")[0]}${body}`;
}

for (const spec of specs) {
  describe(spec.file, () => {
    if (spec.loadError !== undefined) {
      it("loads", () => {
        throw spec.loadError;
      });
      return;
    }
    const clientName = spec.model?.clientName ?? pascalCase(spec.name);
    const dir = join(WORK, spec.name);
    const outcomes = new Map<string, string>();
    let server: MockServer | undefined;
    let roots: string[] = [];
    let sdk: { makeClient(url: string, fetch: (r: Request) => Promise<Response>): unknown; calls: Record<string, (client: unknown) => Promise<unknown>> };

    beforeAll(async () => {
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
      for (const f of files) await writeFile(join(outDir, f.path), f.contents);
      await writeFile(join(dir, "calls.ts"), callsSource(spec, clientName));
      roots = [...files.map((f) => join(outDir, f.path)), join(dir, "calls.ts")];
      sdk = await import(pathToFileURL(join(dir, "calls.ts")).href);
      server = await startMockServer(spec.path);
    });

    afterAll(async () => {
      await server?.close();
      const width = Math.max(9, ...spec.calls.map((c) => c.methodPath.length));
      const rows = spec.calls.map((c) => `  ${c.methodPath.padEnd(width)}  ${`${c.httpMethod} ${c.path}`.padEnd(60)}  ${outcomes.get(c.methodPath) ?? "not run"}`);
      const failed = spec.calls.filter((c) => !outcomes.get(c.methodPath)?.startsWith("ok")).length;
      console.log(`\n${spec.file} (client ${clientName}): ${spec.calls.length} GET operations\n  ${"operation".padEnd(width)}  ${"request".padEnd(60)}  outcome\n${rows.join("\n")}\n  ${spec.calls.length - failed} passed, ${failed} failed\n`);
    });

    it("generates an SDK that type-checks in strict mode", () => {
      expect(typecheckFiles(roots, { root: WORK })).toEqual([]);
    }, 120_000);

    const known = KNOWN_SPECS[spec.file];
    if (known) {
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
      const client = sdk.makeClient(server!.url, async (request) => {
        const response = await fetch(request);
        status = response.status;
        const found = response.headers.get("sl-violations");
        const byRequest = found ? violationsOfRequest(found) : [];
        if (byRequest.length > 0) violations.push(JSON.stringify(byRequest));
        else if (found) notes.push(responseNote(found));
        return response;
      });
      try {
        await sdk.calls[call.methodPath]!(client);
        const note = notes.length > 0 ? ` (the spec's example response breaks its schema: ${notes.join("; ")})` : "";
        outcomes.set(call.methodPath, violations.length === 0 ? `ok ${status}${note}` : `FAIL ${status} with request violations: ${violations.join("; ")}`);
      } catch (error) {
        outcomes.set(call.methodPath, `FAIL ${describeError(error)}${violations.length > 0 ? ` (violations: ${violations.join("; ")})` : ""}`);
        summary.failed++;
        throw error;
      }
      if (violations.length > 0) summary.failed++;
      else summary.passed++;
      expect(violations).toEqual([]);
    });
  });
}
