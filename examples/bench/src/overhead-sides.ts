/**
 * The overhead harness's pieces (overhead.ts runs them; test/overhead.test.ts checks them):
 * the fast server in a child process, stopped by its PID; the sides, each asking it for one
 * Connection with one call in flight; and the two ways of timing them: blocks of calls with
 * the sides' order rotating round by round, and single calls interleaved.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Common } from "@x/common";
import createClient from "openapi-fetch";
import { authHeader, companyId, connectionId, connectionPath } from "./fixture.ts";
import { quantile, type Side } from "./measure.ts";

export interface FastServer {
  readonly url: string;
  readonly pid: number;
  /** Ends the server by its PID (SIGTERM, then SIGKILL) and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Starts fast-server.mjs on 127.0.0.1 (a free port). The process is killed when this one exits, however it exits. */
export async function startFastServer(): Promise<FastServer> {
  const child = spawn(process.execPath, [new URL("./fast-server.mjs", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
  const pid = child.pid!;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onExit = () => kill("SIGKILL");
  process.once("exit", onExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`fast server exited ${code}`)));
    createInterface({ input: child.stdout! }).once("line", resolve);
  }).catch((error: unknown) => {
    onExit();
    throw error;
  });
  return {
    url,
    pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        kill("SIGTERM");
        const force = setTimeout(() => kill("SIGKILL"), 3_000);
        await exited;
        clearTimeout(force);
      }
      process.off("exit", onExit);
    },
  };
}

/** The paths type openapi-fetch is generic over (the connections-get route); only its runtime matters here. */
type ConnectionPaths = {
  "/companies/{companyId}/connections/{connectionId}": {
    get: {
      parameters: { path: { companyId: string; connectionId: string } };
      responses: { 200: { content: { "application/json": { id: string } } } };
    };
  };
};

const expectId = (value: unknown): void => {
  if ((value as { id?: unknown } | undefined)?.id !== connectionId) throw new Error(`unexpected answer: ${JSON.stringify(value)}`);
};

/**
 * A: the default @x/common client (the spec's retry policy on); B: the same with
 * `retryConfig: { strategy: "none" }`; C: bare openapi-fetch with the same paths and the
 * same credential header; D: raw fetch. Every side checks the answer, so a side that quietly
 * failed could not look fast; all use Node's global fetch (one keep-alive pool).
 */
export function overheadSides(base: string): { a: Side; b: Side; c: Side; d: Side } {
  const common = new Common({ security: { authHeader }, serverURL: base });
  const noRetries = new Common({ security: { authHeader }, serverURL: base, retryConfig: { strategy: "none" } });
  const bare = createClient<ConnectionPaths>({ baseUrl: base, headers: { Authorization: authHeader } });
  const url = `${base}${connectionPath(connectionId)}`;
  return {
    a: { name: "A: @x/common (default)", run: async () => expectId(await common.connections.get({ companyId, connectionId })) },
    b: { name: "B: @x/common, retries off", run: async () => expectId(await noRetries.connections.get({ companyId, connectionId })) },
    c: {
      name: "C: bare openapi-fetch",
      run: async () => expectId((await bare.GET("/companies/{companyId}/connections/{connectionId}", { params: { path: { companyId, connectionId } } })).data),
    },
    d: {
      name: "D: raw fetch",
      run: async () => {
        const response = await fetch(url, { headers: { Authorization: authHeader, Accept: "application/json" } });
        expectId(JSON.parse(await response.text()));
      },
    },
  };
}

export interface BlockFigures {
  /** Every call's time per side (ms), in the order made. */
  readonly samples: Map<string, number[]>;
  /** The sides' order in each round. */
  readonly orders: string[][];
}

/**
 * `rounds` rounds after `warmupRounds` untimed ones; in each, every side makes `blockSize`
 * sequential calls in a row, the sides' order rotating by one from round to round.
 */
export async function blocks(sides: readonly Side[], rounds: number, blockSize: number, warmupRounds: number): Promise<BlockFigures> {
  const samples = new Map(sides.map((s) => [s.name, [] as number[]]));
  const orders: string[][] = [];
  for (let r = -warmupRounds; r < rounds; r++) {
    const order = sides.map((_, i) => sides[(((i + r) % sides.length) + sides.length) % sides.length]!);
    if (r >= 0) orders.push(order.map((s) => s.name));
    for (const side of order) {
      const times = samples.get(side.name)!;
      for (let i = 0; i < blockSize; i++) {
        const started = performance.now();
        await side.run();
        if (r >= 0) times.push(performance.now() - started);
      }
    }
  }
  return { samples, orders };
}

/** `calls` rounds after `warmup` untimed ones; each round one call of every side, the order rotating. */
export async function interleaved(sides: readonly Side[], calls: number, warmup: number): Promise<Map<string, number[]>> {
  const samples = new Map(sides.map((s) => [s.name, [] as number[]]));
  for (let r = -warmup; r < calls; r++) {
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(((i + r) % sides.length) + sides.length) % sides.length]!;
      const started = performance.now();
      await side.run();
      if (r >= 0) samples.get(side.name)!.push(performance.now() - started);
    }
  }
  return samples;
}

export const p50 = (values: readonly number[]): number => quantile([...values].sort((x, y) => x - y), 0.5);

/** The p50 of each round's block per side, then each round's ratio `top / bottom`: the spread of a ratio across rounds. */
export function roundRatios(figures: BlockFigures, top: string, bottom: string, blockSize: number): number[] {
  const block = (name: string, r: number) => figures.samples.get(name)!.slice(r * blockSize, (r + 1) * blockSize);
  return figures.orders.map((_, r) => p50(block(top, r)) / p50(block(bottom, r)));
}
