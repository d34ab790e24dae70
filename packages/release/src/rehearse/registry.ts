/**
 * A real npm registry for the rehearsal: Verdaccio on 127.0.0.1, storage in the temp
 * root, serving `@x/*` itself (publish allowed with any token) and proxying every other
 * package to the registry npm is configured with. Started as a child process and stopped
 * by its PID.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, closeSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { stopChild, track } from "./proc.ts";

export interface Registry {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  readonly log: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function verdaccioConfig(storage: string, uplink: string): string {
  return [
    `storage: ${yamlString(storage)}`,
    "uplinks:",
    "  npmjs:",
    `    url: ${yamlString(uplink)}`,
    "    timeout: 30s",
    "packages:",
    "  '@x/*':",
    "    access: $all",
    "    publish: $all",
    "    unpublish: $all",
    "  '**':",
    "    access: $all",
    "    proxy: npmjs",
    "web:",
    "  enable: false",
    "log: { type: stdout, format: json, level: warn }",
    "",
  ].join("\n");
}

/** Starts Verdaccio and waits until it answers, at most until `deadline` (epoch ms, the rehearsal's). */
export async function startVerdaccio(dir: string, uplink: string, packageDir: string, env: NodeJS.ProcessEnv, deadline: number): Promise<Registry> {
  mkdirSync(join(dir, "storage"), { recursive: true });
  const config = join(dir, "config.yaml");
  writeFileSync(config, verdaccioConfig(join(dir, "storage"), uplink));
  const port = await freePort();
  const bin = join(dirname(createRequire(join(packageDir, "package.json")).resolve("verdaccio/package.json")), "bin", "verdaccio");
  const log = join(dir, "verdaccio.log");
  const fd = openSync(log, "a");
  const child = spawn(process.execPath, [bin, "--config", config, "--listen", `127.0.0.1:${port}`], {
    cwd: dir,
    env,
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  closeSync(fd);
  track(child);
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with ${child.exitCode} (log: ${log})`);
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`Verdaccio did not answer on ${url} in the ${((Date.now() - started) / 1000).toFixed(0)} s the rehearsal's limit left (log: ${log})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, child, log };
}

/**
 * The npm user config the rehearsal runs everything with: the developer's default registry
 * for everything else, our scope routed to the rehearsal registry, a throwaway token for
 * it. No credential of the developer's is read or copied.
 */
export function writeUserConfig(path: string, registry: Registry, defaultRegistry: string): void {
  const hostPath = registry.url.replace(/^https?:/, "");
  writeFileSync(path, [
    `registry=${defaultRegistry}`,
    `@x:registry=${registry.url}`,
    `${hostPath}:_authToken=rehearsal`,
    "fund=false",
    "audit=false",
    "update-notifier=false",
    "",
  ].join("\n"));
}

export interface Packument {
  readonly name: string;
  readonly "dist-tags": Record<string, string>;
  readonly versions: Record<string, { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>;
}

/** The registry's document of a package, or undefined on 404. */
export async function packument(registryUrl: string, name: string): Promise<Packument | undefined> {
  const response = await fetch(`${registryUrl}${name.replace("/", "%2f")}`, {
    headers: { accept: "application/json" },
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${registryUrl}${name}: HTTP ${response.status}`);
  return (await response.json()) as Packument;
}
