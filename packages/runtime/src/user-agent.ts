/**
 * Every request names the SDK that sent it: `@x/common/1.1.0 @x/runtime/1.0.2 node/20.20`.
 * Browsers forbid setting `User-Agent` from script, so there the same value goes in
 * `X-SDK-User-Agent` (a header the API's CORS policy must allow).
 */
import { RUNTIME_VERSION } from "./generated/version.js";

export const USER_AGENT_HEADER = "User-Agent";
export const BROWSER_USER_AGENT_HEADER = "X-SDK-User-Agent";

interface Host {
  readonly process?: { readonly versions?: Readonly<Record<string, string | undefined>> };
}

/** `bun/1.1`, `deno/2.0` or `node/20.20` (major.minor); undefined in a browser or worker. */
export function serverRuntime(host: Host = globalThis as Host): string | undefined {
  const versions = host.process?.versions ?? {};
  const name = ["bun", "deno", "node"].find((name) => typeof versions[name] === "string");
  return name && `${name}/${versions[name]!.split(".", 2).join(".")}`;
}

/** The header name and value an SDK sends with every request. */
export function userAgentHeader(
  packageName: string | undefined, sdkVersion: string | undefined, host: Host = globalThis as Host,
): readonly [name: string, value: string] {
  const runtime = serverRuntime(host);
  const value = [packageName && `${packageName}/${sdkVersion ?? "0.0.0"}`, `@x/runtime/${RUNTIME_VERSION}`, runtime].filter(Boolean).join(" ");
  return [runtime ? USER_AGENT_HEADER : BROWSER_USER_AGENT_HEADER, value];
}
