/**
 * The overhead harness (src/overhead.ts) without its figures: the fast server runs in a
 * process of its own and is gone once stopped; every side gets the Connection from it; the
 * blocks rotate the sides' order and time every call; interleaving alternates the sides. No
 * timing is asserted: the figures are `pnpm bench`'s to print.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { blocks, interleaved, overheadSides, roundRatios, startFastServer, type FastServer } from "../src/overhead-sides.ts";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the overhead harness", () => {
  let server: FastServer;
  beforeAll(async () => {
    server = await startFastServer();
  }, needs(5_000));
  afterAll(() => server?.stop());

  it("runs the server in a child process on 127.0.0.1, answering the route with a fixed body and anything else with a 404", async () => {
    expect(server.pid).not.toBe(process.pid);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ok = await fetch(`${server.url}/companies/c1/connections/2e9d2c44-f675-40ba-8049-353bfcb5e171`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("connection")).toBe("keep-alive");
    expect(await ok.json()).toMatchObject({ id: "2e9d2c44-f675-40ba-8049-353bfcb5e171" });
    const other = await fetch(`${server.url}/companies/c1`);
    expect(other.status).toBe(404);
    await other.arrayBuffer();
  });

  it("has every side get the Connection from it", async () => {
    const sides = overheadSides(server.url);
    for (const side of [sides.a, sides.b, sides.c, sides.d]) await expect(side.run()).resolves.toBeUndefined();
  });

  it("times every call of every side in blocks, the order rotating round by round", async () => {
    const calls: string[] = [];
    const side = (name: string) => ({ name, run: async () => void calls.push(name) });
    const figures = await blocks([side("a"), side("b"), side("c")], 3, 2, 1);
    expect(figures.orders).toEqual([["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"]]);
    // The warm-up round (order c, a, b) is run but not timed.
    expect(calls.slice(0, 6)).toEqual(["c", "c", "a", "a", "b", "b"]);
    expect(calls).toHaveLength(4 * 3 * 2);
    for (const name of ["a", "b", "c"]) expect(figures.samples.get(name)).toHaveLength(3 * 2);
    expect(roundRatios(figures, "a", "b", 2)).toHaveLength(3);
  });

  it("alternates the sides call by call when interleaved", async () => {
    const calls: string[] = [];
    const side = (name: string) => ({ name, run: async () => void calls.push(name) });
    const samples = await interleaved([side("a"), side("c")], 3, 1);
    expect(calls).toEqual(["c", "a", "a", "c", "c", "a", "a", "c"]);
    expect(samples.get("a")).toHaveLength(3);
    expect(samples.get("c")).toHaveLength(3);
  });

  it("stops the server by its PID", async () => {
    const own = await startFastServer();
    expect(alive(own.pid)).toBe(true);
    await own.stop();
    expect(alive(own.pid)).toBe(false);
    await expect(fetch(own.url)).rejects.toThrow();
  }, needs(5_000));
});
