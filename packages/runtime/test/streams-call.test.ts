/**
 * A streamed operation as a call: line streams, the typed error of a bad item, the response
 * beside the stream, hooks and the debug log, retries before the stream, and the `accept`
 * choice between JSON and a stream.
 */
import { describe, expect, it } from "vitest";
import { SDKCoreBase } from "../src/core.js";
import { queryApiKey } from "../src/features.js";
import { StreamError } from "../src/errors.js";
import type { OperationSpec, ResponseKind } from "../src/operation.js";
import type { EventStream } from "../src/streams/index.js";
import { caught, core, serve } from "./support/core.js";
import { definition } from "./support/fixtures.js";
import { send } from "./support/server.js";

function streamed(response: ResponseKind, accept: string, extra: Partial<OperationSpec> = {}): OperationSpec {
  return { operationId: "export", methodPath: "records.export", method: "get", path: "/records", parameters: [], response, accept, errors: {}, ...extra };
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

function chunked(type: string, chunks: readonly string[]) {
  return serve(async (_req, res) => {
    res.writeHead(200, { "Content-Type": type });
    for (const chunk of chunks) await new Promise((resolve) => res.write(chunk, resolve));
    res.end();
  });
}

describe("line streams", () => {
  it.each([
    ["jsonLines", "application/jsonl", ['{"id":1}\n{"id"', ':2}\r\n\n{"id":3}']],
    ["jsonLines", "application/x-ndjson", ['{"id":1}\n', '{"id":2}\n{"id":3}\n']],
    ["jsonSeq", "application/json-seq", ['\u001e{"id":1}\n\u001e{"i', 'd":2}\n\u001e{"id":3}\n']],
  ] as const)("%s (%s) gives one item per value, however the chunks cut them", async (kind, type, chunks) => {
    const server = await chunked(type, chunks);
    const stream = await core(server).invoke<EventStream<{ id: number }>>(streamed(kind, type), {});
    expect(await collect(stream)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(server.received[0]!.headers.accept).toBe(type);
  });

  it("a line that is not JSON rejects with StreamError, after the items before it, quoting nothing of it", async () => {
    const server = await chunked("application/jsonl", ['{"id":1}\n{"token":"sk-live-secret"\n{"id":3}\n']);
    const stream = await core(server).invoke<EventStream<unknown>>(streamed("jsonLines", "application/jsonl"), {});
    expect(await stream.next()).toEqual({ value: { id: 1 }, done: false });
    const error = await caught(stream.next());
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ methodPath: "records.export", method: "GET", itemsRead: 1, url: `${server.url}/records` });
    expect((error as Error).message).toMatch(/^records\.export: item 2 of the stream: a line is not valid JSON/);
    expect(JSON.stringify(error)).not.toContain("sk-live-secret");
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});

describe("a streamed call", () => {
  it("withResponse() gives the response beside the stream", async () => {
    const server = await chunked("application/x-ndjson", ['{"id":1}\n']);
    const { data, response } = await core(server).invoke<EventStream<unknown>>(streamed("jsonLines", "application/x-ndjson"), {}).withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    expect(await collect(data)).toEqual([{ id: 1 }]);
  });

  it("hooks and the debug log see the call and the stream's end", async () => {
    const server = await chunked("application/jsonl", ['{"id":1}\n{"id":2}\n']);
    const lines: string[] = [];
    const seen: string[] = [];
    const sdk = core(server, {
      debugLogger: { debug: (line) => lines.push(line) },
      hooks: {
        beforeRequest: (ctx) => void seen.push(`before ${ctx.methodPath}`),
        afterSuccess: (ctx, response) => void seen.push(`after ${ctx.methodPath} ${response.status}`),
      },
    });
    expect(await collect(await sdk.invoke<EventStream<unknown>>(streamed("jsonLines", "application/jsonl"), {}))).toHaveLength(2);
    expect(seen).toEqual(["before records.export", "after records.export 200"]);
    expect(lines.some((line) => /records\.export: GET \/records: attempt 1: HTTP 200/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe("records.export: stream ended after 2 items");
  });

  it("an afterSuccess hook that throws closes the stream it was shown", async () => {
    let closed: Promise<void> | undefined;
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/jsonl" });
      closed = new Promise((resolve) => res.once("close", () => resolve()));
      res.write('{"id":1}\n');
    });
    const sdk = core(server, { hooks: { afterSuccess: () => { throw new Error("refused by the hook"); } } });
    const error = await caught(sdk.invoke(streamed("jsonLines", "application/jsonl"), {}));
    expect((error as Error).message).toBe("refused by the hook");
    await closed;
  });

  it("retries before the stream starts: a 503, then the stream", async () => {
    const server = await serve(async (_req, res, index) => {
      if (index === 0) return send(res, { status: 503, body: { busy: true } });
      res.writeHead(200, { "Content-Type": "application/jsonl" });
      res.end('{"id":1}\n');
    });
    const sdk = core(server, { retryConfig: { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5, exponent: 1, maxElapsedTime: 5_000 }, retryConnectionErrors: true } });
    expect(await collect(await sdk.invoke<EventStream<unknown>>(streamed("jsonLines", "application/jsonl"), {}))).toEqual([{ id: 1 }]);
    expect(server.received).toHaveLength(2);
  });

  it("the accept option chooses the stream over the default JSON", async () => {
    const op = streamed("json", "application/json", { otherAccepts: [{ mediaType: "text/event-stream", response: "eventData" }] });
    const server = await serve(async (req, res) => {
      if (req.headers.accept === "application/json") return send(res, { status: 200, body: { all: true } });
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.end('data: {"part":1}\n\n');
    });
    const sdk = core(server);
    await expect(sdk.invoke(op, {})).resolves.toEqual({ all: true });
    expect(await collect(await sdk.invoke<EventStream<unknown>>(op, {}, { accept: "text/event-stream" }))).toEqual([{ part: 1 }]);
  });

  it("an SDK whose definition lacks the streams feature says to regenerate, sending nothing", async () => {
    const server = await chunked("application/jsonl", []);
    const sdk = new SDKCoreBase({ ...definition, features: { queryApiKey } }, { serverURL: server.url });
    const error = await caught(sdk.invoke(streamed("jsonLines", "application/jsonl"), {}));
    expect((error as Error).message).toMatch(/records\.export: a streamed response needs the runtime's `streams` feature/);
    expect(server.received).toHaveLength(0);
  });

  it("refuses an idleTimeoutMs that is not a positive number", async () => {
    const server = await chunked("application/jsonl", []);
    const error = await caught(core(server).invoke(streamed("jsonLines", "application/jsonl"), {}, { idleTimeoutMs: -1 }));
    expect(error).toMatchObject({ field: "options.idleTimeoutMs" });
  });
});
