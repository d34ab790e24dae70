/** `pnpm demo` keeps working: every operation answers through the built SDKs. */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";

it("calls all nine operations and reports the documented errors", async () => {
  const { stdout } = await promisify(execFile)("pnpm", ["exec", "tsx", "src/demo.ts"], { cwd: resolve(import.meta.dirname, "..") });
  const lines = stdout.split("\n");
  for (const call of ["list", "get", "create", "unlinkConnection", "updateAuthorization", "delete", "getConnection", "unlink", "deleteConnection"]) {
    expect(lines.some((l) => new RegExp(`connections\\.${call}\\s+ok\\s`).test(l)), call).toBe(true);
  }
  expect(stdout).toContain("All 9 operations answered (one also with its HTTP response, the list also page by page); documented errors arrived as ErrorMessage; the bad argument was refused before sending.");
}, needs(40_000)); // a subprocess: tsx, Prism for both specs, every call
