/**
 * Runs the remote-cache proof (`bin/cache-proof.js`, as `pnpm cache:proof` does) once and
 * checks what it printed: the second clean clone ran every build task from the first
 * clone's remote cache, the server refused a wrong token, and the temp root is gone.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { PROOF_LIMIT_MS } from "../src/pipeline/remote-cache.ts";

const bin = fileURLToPath(new URL("../bin/cache-proof.js", import.meta.url));
let exitCode: number | null = null;
let output = "";

beforeAll(async () => {
  const child = spawn(process.execPath, [bin], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
  exitCode = await new Promise<number | null>((resolve) => child.once("close", resolve));
  // The proof stops itself at its one limit; this only outlasts that and its cleanup.
}, PROOF_LIMIT_MS + 120_000);

const clone = (name: string) => {
  const m = new RegExp(`${name} clone: .*turbo run build: (\\d+) tasks, (\\d+) cache hits \\((\\d+) remote\\)`).exec(output);
  return m ? { tasks: Number(m[1]), hits: Number(m[2]), remote: Number(m[3]) } : undefined;
};

it("exits 0", () => {
  expect(output).toMatch(/cache proof: ok/);
  expect(exitCode).toBe(0);
});

it("builds the first clone from scratch and the second entirely from the remote cache", () => {
  const [first, second] = [clone("first"), clone("second")];
  expect(first).toBeDefined();
  expect(first!.hits).toBe(0);
  expect(second).toEqual({ tasks: first!.tasks, hits: first!.tasks, remote: first!.tasks });
  expect(first!.tasks).toBeGreaterThanOrEqual(6);
});

it("refuses a wrong token and never prints the real one", () => {
  expect(output).toMatch(/HTTP 200 with the token, HTTP 401 with a wrong one/);
  expect(output).not.toMatch(/[0-9a-f]{48}/);
});

it("removes its temp root", () => {
  const storage = /storage (\S+)\)/.exec(output)?.[1];
  expect(storage).toBeDefined();
  expect(existsSync(dirname(storage!))).toBe(false);
});
