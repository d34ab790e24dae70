import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SDKCore } from "../src/core.js";
import { RUNTIME_VERSION } from "../src/generated/version.js";
import { serverRuntime, userAgentHeader } from "../src/user-agent.js";
import { ids, serve } from "./support/core.js";
import { definition, getConnection } from "./support/fixtures.js";
import { scripted } from "./support/server.js";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const node = process.versions.node.split(".").slice(0, 2).join(".");

describe("User-Agent", () => {
  it("RUNTIME_VERSION is the version in package.json (run `pnpm generate` after versioning)", () => {
    expect(RUNTIME_VERSION).toBe(manifest.version);
  });

  it.each([
    { given: { process: { versions: { node: "20.20.2" } } }, want: "node/20.20" },
    { given: { process: { versions: { node: "1.1.38", bun: "1.1.38" } } }, want: "bun/1.1" },
    { given: { process: { versions: { node: "20.11.1", deno: "2.0.6" } } }, want: "deno/2.0" },
    { given: {}, want: undefined },
    { given: { process: {} }, want: undefined },
  ])("names the server runtime of $given as $want", ({ given, want }) => {
    expect(serverRuntime(given)).toBe(want);
  });

  it("on a server, is `User-Agent: <package>/<version> @x/runtime/<version> <runtime>`", () => {
    expect(userAgentHeader("@x/common", "1.1.0", { process: { versions: { node: "20.20.2" } } }))
      .toEqual(["User-Agent", `@x/common/1.1.0 @x/runtime/${RUNTIME_VERSION} node/20.20`]);
  });

  it("in a browser, where User-Agent cannot be set, goes in X-SDK-User-Agent", () => {
    expect(userAgentHeader("@x/common", "1.1.0", {}))
      .toEqual(["X-SDK-User-Agent", `@x/common/1.1.0 @x/runtime/${RUNTIME_VERSION}`]);
  });

  it("is sent with every request, and a per-call header replaces it", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const sdk = new SDKCore({ ...definition, packageName: "@x/test", sdkVersion: "3.2.1" }, { serverURL: server.url });
    await sdk.invoke(getConnection, ids);
    await sdk.invoke(getConnection, ids, { headers: { "User-Agent": "my-app/1.0" } });
    expect(server.received.map((r) => r.headers["user-agent"])).toEqual([
      `@x/test/3.2.1 @x/runtime/${RUNTIME_VERSION} node/${node}`,
      "my-app/1.0",
    ]);
    expect(server.received[0]!.headers["x-sdk-user-agent"]).toBeUndefined();
  });
});
