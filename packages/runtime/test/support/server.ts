/** A local HTTP server a test controls, for behaviour a mock server cannot produce. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers one request; `index` counts requests from 0. Leaving `res` open simulates a hung server. */
export type Handler = (req: Received, res: http.ServerResponse, index: number) => void | Promise<void>;

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    received.push(entry);
    await handler(entry, res, received.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends `reply`; a string body goes as text, anything else as JSON. */
export function send(res: http.ServerResponse, reply: Reply): void {
  const text = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  const type = typeof reply.body === "string" ? "text/plain" : "application/json";
  res.writeHead(reply.status, { "Content-Type": type, ...reply.headers });
  res.end(text);
}

/** Replies in order; the last reply repeats once the script runs out. */
export function scripted(...replies: Reply[]): Handler {
  return (_req, res, index) => send(res, replies[Math.min(index, replies.length - 1)]!);
}

/** A URL on which nothing listens: a server is started to reserve a free port, then closed. */
export async function refusedURL(): Promise<string> {
  const server = await startServer(() => undefined);
  await server.close();
  return server.url;
}
