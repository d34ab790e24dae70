import { describe, expect, it } from "vitest";
import { ConnectionError, SDKValidationError } from "../src/errors.js";
import { caught, core, ids, serve } from "./support/core.js";
import { ErrorMessage, getConnection } from "./support/fixtures.js";
import { refusedURL, scripted } from "./support/server.js";

class DomainError extends Error {}

describe("SDKCore hooks", () => {
  it("calls beforeRequest per attempt, beforeRetry between, afterSuccess once, in order", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 200, body: { ok: true } }));
    const calls: string[] = [];
    const sdk = core(server, {
      security: { authHeader: "Bearer hooks-secret-1" },
      hooks: {
        beforeRequest(ctx, request, { attempt }) {
          calls.push(`before ${attempt} ${ctx.operationId} ${ctx.methodPath} auth=${request.headers.get("authorization") !== null}`);
          const signed = new Request(request);
          signed.headers.set("X-Signed", `sig-${attempt}`);
          return signed;
        },
        beforeRetry(_ctx, info) {
          calls.push(`retry ${info.attempt} ${info.response?.status}`);
        },
        async afterSuccess(_ctx, response) {
          calls.push(`success ${response.status} ${await response.text()}`);
        },
        afterError() {
          calls.push("error");
        },
      },
    });
    await expect(sdk.invoke(getConnection, ids)).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      "before 1 get-connection connections.get auth=true",
      "retry 1 503",
      "before 2 get-connection connections.get auth=true",
      'success 200 {"ok":true}',
    ]);
    expect(server.received.map((r) => r.headers["x-signed"])).toEqual(["sig-1", "sig-2"]);
  });

  it("lets afterError map an API error to the caller's own, and sees the typed one first", async () => {
    const server = await serve(scripted({ status: 404, body: { error: "gone" } }));
    const seen: unknown[] = [];
    const sdk = core(server, {
      hooks: {
        afterError(_ctx, error) {
          seen.push(error);
          return new DomainError(`mapped: ${error.message}`, { cause: error });
        },
      },
    });
    const error = await caught(sdk.invoke(getConnection, ids));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as Error).message).toBe("mapped: connections.get: HTTP 404 Not Found: gone");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(ErrorMessage);
  });

  it("throws the original when afterError returns nothing, and sees transport errors too", async () => {
    const sdk = core({ url: await refusedURL() }, {
      retryConfig: { strategy: "none" },
      hooks: { afterError: (_ctx, error) => void seen.push(error.name) },
    });
    const seen: string[] = [];
    expect(await caught(sdk.invoke(getConnection, ids))).toBeInstanceOf(ConnectionError);
    expect(seen).toEqual(["ConnectionError"]);
  });

  it("does not call afterError for a bad argument, which never reached the network", async () => {
    const seen: string[] = [];
    const sdk = core({ url: "http://127.0.0.1:9" }, { hooks: { afterError: (_ctx, error) => void seen.push(error.name) } });
    expect(await caught(sdk.invoke(getConnection, { companyId: "c1" }))).toBeInstanceOf(SDKValidationError);
    expect(seen).toEqual([]);
  });

  it("passes an exception thrown by a hook through unchanged, and sends nothing after beforeRequest throws", async () => {
    const server = await serve(scripted({ status: 200, body: {} }));
    const failure = new DomainError("signing failed");
    const sdk = core(server, { hooks: { beforeRequest: () => { throw failure; } } });
    expect(await caught(sdk.invoke(getConnection, ids))).toBe(failure);
    expect(server.received).toHaveLength(0);
  });
});
