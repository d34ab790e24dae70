/** Starts server.mjs in a child process; `close` ends it (closing its stdin). */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startFixtureServer(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, [new URL("./server.mjs", import.meta.url).pathname], { stdio: ["pipe", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`fixture server exited ${code}`)));
    createInterface({ input: child.stdout! }).once("line", resolve);
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}
