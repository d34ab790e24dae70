/**
 * Scripted misbehaviour for the fault matrix: each step answers one request the way a
 * real network or server goes wrong. Steps run in order; the last repeats.
 */
import type http from "node:http";
import { afterEach } from "vitest";
import { serve } from "./core.js";
import { send, type TestServer } from "./server.js";

export type Step = (res: http.ServerResponse) => void;

/** Timers steps leave behind (a slow reply), cleared after each test. */
const timers = new Set<NodeJS.Timeout>();
afterEach(clearFaultTimers);

export function clearFaultTimers(): void {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
}

export interface FaultServer extends TestServer {
  /** `performance.now()` at each request's arrival. */
  arrivals: number[];
}

export async function faultServer(...steps: Step[]): Promise<FaultServer> {
  const arrivals: number[] = [];
  const server = await serve((_req, res, index) => {
    arrivals.push(performance.now());
    steps[Math.min(index, steps.length - 1)]!(res);
  });
  return Object.assign(server, { arrivals });
}

export const reply = (status: number, body?: unknown, headers?: Record<string, string>): Step =>
  (res) => send(res, { status, body, headers });

/** TCP RST before a byte of the response. */
export const resetBeforeHeaders: Step = (res) => res.socket?.resetAndDestroy();

/** Status line and headers, part of the body, then a TCP RST. */
export const resetMidBody: Step = (res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "64" });
  res.write('{"id":"part', () => res.socket?.resetAndDestroy());
};

/** Headers and part of the body, then nothing: the connection stays open and silent. */
export const stallBody: Step = (res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "64" });
  res.write('{"id":"part');
};

/** Fewer bytes than Content-Length promised, then a clean close (FIN). */
export const truncateBody: Step = (res) => {
  res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "64" });
  res.write('{"id":"part', () => res.socket?.end());
};

/** The full reply, but only after `ms`. */
export const slowHeaders = (ms: number, then: Step = reply(200, { ok: true })): Step => (res) => {
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (!res.destroyed) then(res);
  }, ms);
  timers.add(timer);
};

/** A proxy's error page. */
export const htmlPage = (status: number): Step => (res) => {
  const page = `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body>${"<p>upstream unavailable</p>".repeat(40)}</body></html>`;
  res.writeHead(status, { "Content-Type": "text/html" });
  res.end(page);
};

/** A 200 whose body is not JSON, although the operation promises JSON. */
export const invalidJson: Step = (res) => {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end('{"id": "c1", "status": Linked}');
};

/** Statuses and headers of what the script answered, for messages. */
export function gaps(arrivals: readonly number[]): number[] {
  return arrivals.slice(1).map((at, i) => at - arrivals[i]!);
}
