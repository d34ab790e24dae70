/** The package knows its own version (the drift check keeps it equal to package.json) and names it in every request. */
import { readFileSync } from "node:fs";
import { RUNTIME_VERSION } from "@x/runtime";
import { expect, it } from "vitest";
import { Common, SDK_VERSION } from "../src/index.js";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };
const ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

it("exports SDK_VERSION, the version in package.json", () => {
  expect(SDK_VERSION).toBe(manifest.version);
});

it("sends a User-Agent naming the package, the runtime and Node", async () => {
  const seen: string[] = [];
  const client = new Common({
    security: { authHeader: "Basic dGVzdA==" },
    serverURL: "http://127.0.0.1:9",
    fetch: async (request: Request) => {
      seen.push(request.headers.get("user-agent") ?? "");
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  await client.connections.get({ companyId: ID, connectionId: ID });
  const node = process.versions.node.split(".").slice(0, 2).join(".");
  expect(seen).toEqual([`${manifest.name}/${manifest.version} @x/runtime/${RUNTIME_VERSION} node/${node}`]);
});
