/**
 * Every parameter style, explode and location on the wire: an SDK generated from
 * fixtures/styles.yaml (the OpenAPI specification's `color` examples as a primitive
 * `p`, an array `a` and an object `o`) calls each operation against a recording server
 * of this test's own, and the request line, headers and Cookie are compared exactly.
 * The styles Prism can check (form, simple) are also sent to Prism, which must report
 * no request violation.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { startMockServer, type MockServer } from "@x/mock-server";
import { violationsOfRequest } from "@x/mock-server/contract";
import { generateFiles } from "../src/generate.js";
import { FIXTURES, targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = join(FIXTURES, "styles.yaml");
const p = "blue";
const a = ["blue", "black", "brown"];
const o = { R: 100, G: 200, B: 150 };

interface Case {
  readonly method: string;
  readonly request: Record<string, unknown>;
  readonly options?: { headers: Record<string, string> };
  /** The request target, exactly as it reaches the server. */
  readonly url: string;
  /** Headers that must arrive, exactly. */
  readonly headers?: Record<string, string>;
  /**
   * Prism validates this style: it is also sent there. Not the path's arrays and objects:
   * Prism 5's simple-style path deserializer crashes on them (`value.split is not a
   * function`) and the request hangs; queryDefaults sends Prism a simple path primitive.
   */
  readonly prism?: boolean;
}

const CASES: readonly Case[] = [
  { method: "pathSimpleFalse", request: { p, a, o }, url: "/path/simple-false/blue/blue,black,brown/R,100,G,200,B,150" },
  { method: "pathSimpleTrue", request: { p, a, o }, url: "/path/simple-true/blue/blue,black,brown/R=100,G=200,B=150" },
  { method: "pathLabelFalse", request: { p, a, o }, url: "/path/label-false/.blue/.blue,black,brown/.R,100,G,200,B,150" },
  { method: "pathLabelTrue", request: { p, a, o }, url: "/path/label-true/.blue/.blue.black.brown/.R=100.G=200.B=150" },
  { method: "pathMatrixFalse", request: { p, a, o }, url: "/path/matrix-false/;p=blue/;a=blue,black,brown/;o=R,100,G,200,B,150" },
  { method: "pathMatrixTrue", request: { p, a, o }, url: "/path/matrix-true/;p=blue/;a=blue;a=black;a=brown/;R=100;G=200;B=150" },
  { method: "queryFormFalse", request: { p, a, o }, url: "/query/form-false?p=blue&a=blue,black,brown&o=R,100,G,200,B,150", prism: true },
  { method: "queryFormTrue", request: { p, a, o }, url: "/query/form-true?p=blue&a=blue&a=black&a=brown&R=100&G=200&B=150", prism: true },
  { method: "querySpaceDelimitedFalse", request: { a, o }, url: "/query/spaceDelimited-false?a=blue%20black%20brown&o=R%20100%20G%20200%20B%20150" },
  { method: "queryPipeDelimitedFalse", request: { a, o }, url: "/query/pipeDelimited-false?a=blue|black|brown&o=R|100|G|200|B|150" },
  { method: "queryDeepObjectTrue", request: { o }, url: "/query/deepObject-true?o[R]=100&o[G]=200&o[B]=150" },
  { method: "queryReserved", request: { plain: "a/b?c=d&e", reserved: "/x:y,z@w" }, url: "/query/reserved?plain=a%2Fb%3Fc%3Dd%26e&reserved=/x:y,z@w", prism: true },
  { method: "queryDefaults", request: { id: "a/b?c#d e", a, o }, url: "/query/defaults/a%2Fb%3Fc%23d%20e?a=blue&a=black&a=brown&R=100&G=200&B=150", prism: true },
  { method: "headerSimpleFalse", request: { xP: p, xA: a, xO: o }, url: "/header/simple-false", headers: { "x-p": "blue", "x-a": "blue,black,brown", "x-o": "R,100,G,200,B,150" }, prism: true },
  { method: "headerSimpleTrue", request: { xP: p, xA: a, xO: o }, url: "/header/simple-true", headers: { "x-p": "blue", "x-a": "blue,black,brown", "x-o": "R=100,G=200,B=150" }, prism: true },
  { method: "cookieFormFalse", request: { p, a, o }, url: "/cookie/form-false", headers: { cookie: "p=blue; a=blue,black,brown; o=R,100,G,200,B,150" }, prism: true },
  { method: "cookieFormTrue", request: { p, a, o }, url: "/cookie/form-true", headers: { cookie: "p=blue; a=blue; a=black; a=brown; R=100; G=200; B=150" } },
  {
    method: "cookieFormTrue", request: { p }, options: { headers: { cookie: "session=s1" } },
    url: "/cookie/form-true", headers: { cookie: "p=blue; session=s1" }, prism: true,
  },
];

/** Calls each case by index, through the generated SDK. */
const CALLS = `import { FxStyles } from "./generated/index.js";

export function makeClient(serverURL: string): FxStyles {
  return new FxStyles({ serverURL, retryConfig: { strategy: "none" } });
}

export const calls: ((client: FxStyles) => Promise<unknown>)[] = [
${CASES.map((c) => `  (client) => client.styles.${c.method}(${JSON.stringify(c.request)}${c.options ? `, ${JSON.stringify(c.options)}` : ""}),`).join("\n")}
];
`;

type Sdk = { makeClient(url: string): unknown; calls: ((client: unknown) => Promise<unknown>)[] };
let sdk: Sdk;
let recorder: Server;
let recorderURL = "";
const received: { requestLine: string; headers: IncomingMessage["headers"] }[] = [];

beforeAll(async () => {
  const dir = await tempDir("x-codegen-styles-");
  const files = await generateFiles(targetFor(SPEC, "FxStyles", "test/fixtures/styles.yaml"));
  expect(await typecheck(files, { "calls.ts": CALLS })).toEqual([]);
  await mkdir(join(dir, "generated"), { recursive: true });
  for (const f of files) await writeFile(join(dir, "generated", f.path), f.contents);
  await writeFile(join(dir, "calls.ts"), CALLS);
  sdk = await import(pathToFileURL(join(dir, "calls.ts")).href) as Sdk;
  recorder = createServer((req, res) => {
    received.push({ requestLine: `${req.method} ${req.url} HTTP/${req.httpVersion}`, headers: req.headers });
    res.writeHead(204).end();
  });
  recorder.listen(0, "127.0.0.1");
  await once(recorder, "listening");
  recorderURL = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
}, needs(5_000));

afterAll(async () => {
  if (recorder?.listening) {
    recorder.closeAllConnections();
    await new Promise((resolve) => recorder.close(resolve));
  }
});

describe("the exact wire format, on a recording server", () => {
  it.each(CASES.map((c, i) => ({ ...c, i, label: `${c.method} ${c.url}` })))("$label", async ({ i, url, headers }) => {
    received.length = 0;
    await sdk.calls[i]!(sdk.makeClient(recorderURL));
    expect(received.map((r) => r.requestLine)).toEqual([`GET ${url} HTTP/1.1`]);
    for (const [name, value] of Object.entries(headers ?? {})) expect(received[0]!.headers[name], name).toBe(value);
  });
});

describe("the styles Prism checks (form, simple), with no request violation", () => {
  let prism: MockServer | undefined;
  beforeAll(async () => {
    prism = await startMockServer(SPEC);
  }, needs(5_000));
  afterAll(async () => {
    await prism?.close();
  });

  it.each(CASES.map((c, i) => ({ ...c, i, label: `${c.method} ${c.url}` })).filter((c) => c.prism))("$label", async ({ i }) => {
    const violations: unknown[] = [];
    const client = sdk.makeClient(prism!.url);
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const response = await fetchBefore(input, init);
      const found = response.headers.get("sl-violations");
      if (found) violations.push(...violationsOfRequest(found));
      return response;
    };
    try {
      await sdk.calls[i]!(client);
    } finally {
      globalThis.fetch = fetchBefore;
    }
    expect(violations).toEqual([]);
  });
});
