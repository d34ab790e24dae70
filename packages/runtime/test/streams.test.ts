/**
 * Streamed responses against a local server that writes them chunk by chunk: items reach
 * the caller as they arrive, a loop that stops early or a signal closes the connection, and
 * a stream that stalls, breaks or sends bad JSON rejects with a typed error.
 */
import type http from "node:http";
import { describe, expect, it } from "vitest";
import { ConnectionError, RequestAbortedError, RequestTimeoutError, StreamError } from "../src/errors.js";
import type { OperationSpec, ResponseKind } from "../src/operation.js";
import type { EventStream, ServerSentEvent } from "../src/streams/index.js";
import { caught, core, serve } from "./support/core.js";
import { send } from "./support/server.js";

function streamed(response: ResponseKind, accept: string, extra: Partial<OperationSpec> = {}): OperationSpec {
  return { operationId: "stream", methodPath: "chat.stream", method: "post", path: "/chat", parameters: [], response, accept, errors: {}, ...extra };
}

const events = streamed("events", "text/event-stream");
const eventData = streamed("eventData", "text/event-stream");

/** Writes `chunks` one by one, each after the client's signal to go on (or at once), then ends unless `hold`. */
function writer(res: http.ServerResponse, type: string): { write(chunk: string): Promise<void>; closed: Promise<void> } {
  res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache" });
  res.flushHeaders();
  const closed = new Promise<void>((resolve) => res.once("close", () => resolve()));
  return { write: (chunk) => new Promise((resolve) => res.write(chunk, () => resolve())), closed };
}

/** A gate the server waits at and the test opens. */
function gate(): { open(): void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe("event streams", () => {
  it("gives events cut across chunks, with multi-line data, comments, heartbeats, id and retry, CRLF", async () => {
    const text = ': hello\r\n\r\nevent: delta\r\nid: 1\r\ndata: {"a":\r\ndata: 1}\r\n\r\n:\r\nretry: 300\ndata: two\n\n';
    const server = await serve(async (_req, res) => {
      const out = writer(res, "text/event-stream");
      for (let i = 0; i < text.length; i += 5) await out.write(text.slice(i, i + 5));
      res.end();
    });
    const stream = await core(server).invoke<EventStream<ServerSentEvent>>(events, {});
    expect(await collect(stream)).toEqual([{ event: "delta", id: "1", data: '{"a":\n1}' }, { data: "two", retry: 300 }]);
    expect(server.received[0]!.headers.accept).toBe("text/event-stream");
  });

  it("yields the first item before the response ends", async () => {
    const next = gate();
    const server = await serve(async (_req, res) => {
      const out = writer(res, "text/event-stream");
      await out.write('data: {"n":1}\n\n');
      await next.opened;
      await out.write('data: {"n":2}\n\n');
      res.end();
    });
    const stream = await core(server).invoke<EventStream<{ n: number }>>(eventData, {});
    const first = await stream.next();
    expect(first).toEqual({ value: { n: 1 }, done: false });
    next.open();
    expect(await collect(stream)).toEqual([{ n: 2 }]);
  });

  it("ends at [DONE] and closes the connection, though the server would go on", async () => {
    let closed: Promise<void> | undefined;
    const server = await serve(async (_req, res) => {
      const out = writer(res, "text/event-stream");
      closed = out.closed;
      await out.write('data: {"n":1}\n\ndata: [DONE]\n\n');
    });
    expect(await collect(await core(server).invoke<EventStream<unknown>>(eventData, {}))).toEqual([{ n: 1 }]);
    await closed;
  });

  it("break closes the connection", async () => {
    let closed: Promise<void> | undefined;
    let written = 0;
    const server = await serve(async (_req, res) => {
      const out = writer(res, "text/event-stream");
      closed = out.closed;
      let open = true;
      void out.closed.then(() => (open = false));
      while (open) {
        await out.write(`data: {"n":${++written}}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    const seen: unknown[] = [];
    for await (const item of await core(server).invoke<EventStream<unknown>>(eventData, {})) {
      seen.push(item);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    await closed;
  });

  it("the call's signal aborts the stream mid-way with RequestAbortedError and closes the connection", async () => {
    let closed: Promise<void> | undefined;
    const server = await serve(async (_req, res) => {
      const out = writer(res, "text/event-stream");
      closed = out.closed;
      await out.write('data: {"n":1}\n\n');
    });
    const controller = new AbortController();
    const stream = await core(server).invoke<EventStream<unknown>>(eventData, {}, { signal: controller.signal });
    expect(await stream.next()).toEqual({ value: { n: 1 }, done: false });
    const pending = stream.next();
    controller.abort();
    const error = await caught(pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    await closed;
  });

  it("a server that stalls after an item: RequestTimeoutError once idleTimeoutMs passes", async () => {
    const idleTimeoutMs = 100;
    const server = await serve(async (_req, res) => void (await writer(res, "text/event-stream").write('data: {"n":1}\n\n')));
    const stream = await core(server).invoke<EventStream<unknown>>(eventData, {}, { idleTimeoutMs });
    expect(await stream.next()).toEqual({ value: { n: 1 }, done: false });
    const started = performance.now();
    const error = await caught(stream.next());
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ timeoutMs: idleTimeoutMs, method: "POST" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(idleTimeoutMs - 1);
  });

  it("the attempt's timeout covers the time to the first byte", async () => {
    const timeoutMs = 150;
    const server = await serve((_req, res) => void writer(res, "text/event-stream"));
    const started = performance.now();
    const stream = await core(server).invoke<EventStream<unknown>>(eventData, {}, { timeoutMs });
    const error = await caught(stream.next());
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(timeoutMs - 1);
  });

  it("the attempt's timeout stops once the first byte arrived: a stream may outlast it", async () => {
    const timeoutMs = 150;
    const server = await serve(async (_req, res) => {
      const out = writer(res, "text/event-stream");
      await out.write('data: {"n":1}\n\n');
      await new Promise((resolve) => setTimeout(resolve, timeoutMs * 2));
      await out.write('data: {"n":2}\n\n');
      res.end();
    });
    expect(await collect(await core(server).invoke<EventStream<unknown>>(eventData, {}, { timeoutMs }))).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("a connection dropped mid-stream rejects with ConnectionError after the items that came", async () => {
    const server = await serve(async (_req, res) => {
      await writer(res, "text/event-stream").write('data: {"n":1}\n\ndata: {"n"');
      res.socket?.destroy();
    });
    const stream = await core(server).invoke<EventStream<unknown>>(eventData, {});
    expect(await stream.next()).toEqual({ value: { n: 1 }, done: false });
    expect(await caught(stream.next())).toBeInstanceOf(ConnectionError);
  });
});
