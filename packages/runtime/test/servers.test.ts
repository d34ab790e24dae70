/** Server variables, and operations with servers of their own: where each call goes. */
import { describe, expect, it } from "vitest";
import { SDKCore } from "../src/core.js";
import { SDKValidationError } from "../src/errors.js";
import type { SDKDefinition } from "../src/definition.js";
import type { OperationSpec, ServerSpec } from "../src/operation.js";
import { resolveServerURL, serverVariables } from "../src/server-url.js";
import { caught, serve } from "./support/core.js";
import { send } from "./support/server.js";
import { definition } from "./support/fixtures.js";

const regional: SDKDefinition = {
  ...definition,
  servers: [
    {
      url: "https://{region}.api.example.com/{version}",
      variables: { region: { default: "eu", enum: ["eu", "us"] }, version: { default: "v1" } },
    },
    { url: "https://sandbox.example.com/{version}", variables: { version: { default: "v0" } } },
  ],
};

describe("server variables", () => {
  it("fills each variable with the spec's default when left out", () => {
    expect(resolveServerURL(regional, undefined, undefined, serverVariables(undefined, "Test"))).toBe("https://eu.api.example.com/v1");
    expect(resolveServerURL(regional, undefined, 1, serverVariables(undefined, "Test"))).toBe("https://sandbox.example.com/v0");
  });

  it("fills them from serverVariables, for the server at serverIdx", () => {
    expect(resolveServerURL(regional, undefined, undefined, serverVariables({ region: "us", version: "v2" }, "Test"))).toBe("https://us.api.example.com/v2");
    // region means nothing to server 1: it is ignored there.
    expect(resolveServerURL(regional, undefined, 1, serverVariables({ region: "us", version: "v9" }, "Test"))).toBe("https://sandbox.example.com/v9");
  });

  it("lets serverURL override the variables", () => {
    expect(resolveServerURL(regional, "https://proxy.test/", undefined, serverVariables({ region: "us" }, "Test"))).toBe("https://proxy.test");
  });

  it("refuses a value outside the variable's enum at construction, naming the variable and the values allowed", () => {
    const error = (() => {
      try {
        new SDKCore(regional, { serverVariables: { region: "asia" } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).message).toBe('Test: serverVariables.region must be one of "eu", "us" (server 0 of the spec)');
    expect((error as SDKValidationError).field).toBe("serverVariables.region");
  });

  it("refuses serverVariables that are not an object of strings", () => {
    expect(() => new SDKCore(regional, { serverVariables: { version: 2 } as never })).toThrow("Test: serverVariables.version must be a string");
    expect(() => new SDKCore(regional, { serverVariables: "us" as never })).toThrow("Test: serverVariables must be an object of strings");
  });
});

describe("an operation with servers of its own", () => {
  function ownServer(servers: readonly ServerSpec[]): OperationSpec {
    return { operationId: "upload", methodPath: "files.upload", method: "get", path: "/files", parameters: [], response: "empty", errors: {}, servers };
  }
  /** A server URL whose port is a variable, its default the recording server's port. */
  function portServer(url: string, enumOf?: string[]): ServerSpec {
    const port = new URL(url).port;
    return { url: "http://127.0.0.1:{port}/{base}", variables: { port: { default: port, ...(enumOf ? { enum: [port, ...enumOf] } : {}) }, base: { default: "files-api" } } };
  }

  it("goes to the operation's first server, not the client's, with its variables filled", async () => {
    const client = await serve((_req, res) => send(res, { status: 204 }));
    const files = await serve((_req, res) => send(res, { status: 204 }));
    const op = ownServer([portServer(files.url), { url: client.url }]);
    const sdk = new SDKCore({ ...definition, servers: [{ url: client.url }] }, {});
    await sdk.invoke(op, {});
    expect(files.received.map((r) => r.url)).toEqual(["/files-api/files"]);
    expect(client.received).toHaveLength(0);
    await new SDKCore({ ...definition, servers: [{ url: client.url }] }, { serverVariables: { base: "v2" } }).invoke(op, {});
    expect(files.received.map((r) => r.url)).toEqual(["/files-api/files", "/v2/files"]);
  });

  it("goes to the client's serverURL when one was given, and to the call's serverURL above all", async () => {
    const client = await serve((_req, res) => send(res, { status: 204 }));
    const files = await serve((_req, res) => send(res, { status: 204 }));
    const call = await serve((_req, res) => send(res, { status: 204 }));
    const op = ownServer([portServer(files.url)]);
    const sdk = new SDKCore(definition, { serverURL: client.url });
    await sdk.invoke(op, {});
    await sdk.invoke(op, {}, { serverURL: `${call.url}/` });
    await new SDKCore({ ...definition, servers: [portServer(files.url)] }).invoke({ ...op, servers: undefined }, {}, { serverURL: call.url });
    expect(client.received.map((r) => r.url)).toEqual(["/files"]);
    expect(call.received.map((r) => r.url)).toEqual(["/files", "/files"]);
    expect(files.received).toHaveLength(0);
  });

  it("refuses, before sending, a client variable outside the operation's server enum", async () => {
    const files = await serve((_req, res) => send(res, { status: 204 }));
    const op = ownServer([portServer(files.url, ["1"])]);
    const sdk = new SDKCore({ ...definition, servers: [{ url: files.url }] }, { serverVariables: { port: "2" } });
    const error = await caught(sdk.invoke(op, {}));
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as Error).message).toMatch(/^files\.upload: serverVariables\.port must be one of "\d+", "1" \(the operation's server\)$/);
    expect(files.received).toHaveLength(0);
  });

  it("refuses a bad per-call serverURL without quoting it", async () => {
    const sdk = new SDKCore(definition, { serverURL: "https://api.test" });
    const error = await caught(sdk.invoke(ownServer([]), {}, { serverURL: "https://me:hunter2@x.test" }));
    expect((error as SDKValidationError).field).toBe("options.serverURL");
    expect((error as Error).message).toBe("files.upload: options.serverURL must be an absolute http(s) URL without credentials, query or fragment");
  });
});
