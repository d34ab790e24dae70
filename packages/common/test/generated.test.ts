/** The committed src/generated/ is exactly what the spec produces today (the drift check). */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";

const PACKAGE_DIR = resolve(import.meta.dirname, "..");

it("matches what `x-codegen --check` regenerates from the spec", { timeout: needs(20_000) }, async () => {
  const run = promisify(execFile);
  const { stdout } = await run("pnpm", ["exec", "x-codegen", "--check"], { cwd: PACKAGE_DIR }).catch((error: { stdout: string; stderr: string }) => {
    throw new Error(`src/generated/ is stale; run \`pnpm generate\` and commit.\n${error.stderr}${error.stdout}`);
  });
  expect(stdout).toMatch(/generated files up to date with openapi\//);
});
