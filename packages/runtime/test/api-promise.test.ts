import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APIPromise } from "../src/api-promise.js";
import { SDKError } from "../src/errors.js";
import { caught, core, ids, serve } from "./support/core.js";
import { ErrorMessage, deleteCompany, getConnection } from "./support/fixtures.js";
import { scripted, send } from "./support/server.js";

const CONNECTION = { id: "x1", status: "Linked", tags: ["a", "b"] };

/** Rejections nobody handled, seen directly rather than only through vitest's report. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Unhandled rejections are reported after the microtask queue drains.
  await new Promise((resolve) => setImmediate(resolve));
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

describe("APIPromise", () => {
  it("is a Promise of the data", async () => {
    const server = await serve(scripted({ status: 200, body: CONNECTION }));
    const p = core(server).invoke(getConnection, ids);
    expect(p).toBeInstanceOf(APIPromise);
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toEqual(CONNECTION);
  });

  it("gives the response with withResponse: status, headers, and a body that can still be read", async () => {
    const server = await serve(scripted({ status: 200, body: CONNECTION, headers: { "X-Request-Id": "req-42" } }));
    const { data, response } = await core(server).invoke(getConnection, ids).withResponse();
    expect(data).toEqual(CONNECTION);
    expect(response).toBeInstanceOf(Response);
    expect({ status: response.status, ok: response.ok, requestId: response.headers.get("x-request-id"), bodyUsed: response.bodyUsed }).toEqual({
      status: 200,
      ok: true,
      requestId: "req-42",
      bodyUsed: false,
    });
    expect(response.url).toBe(`${server.url}/companies/c1/connections/x1`);
    expect(await response.json()).toEqual(data);
  });

  it("gives the final response of a retried call", async () => {
    const server = await serve(
      scripted({ status: 503, headers: { "X-Request-Id": "req-1" } }, { status: 200, body: CONNECTION, headers: { "X-Request-Id": "req-2" } }),
    );
    const { response } = await core(server).invoke(getConnection, ids).withResponse();
    expect(server.received).toHaveLength(2);
    expect([response.status, response.headers.get("x-request-id")]).toEqual([200, "req-2"]);
  });

  it("sends ONE request however often the same promise is awaited or asked for its response", async () => {
    const server = await serve(scripted({ status: 200, body: CONNECTION }));
    const p = core(server).invoke(getConnection, ids);
    const data = await p;
    const first = await p.withResponse();
    const second = await p.withResponse();
    expect(await p).toBe(data);
    expect(first.data).toBe(data);
    // Each withResponse gives its own readable copy of the body.
    expect(first.response).not.toBe(second.response);
    expect(await first.response.text()).toBe(JSON.stringify(CONNECTION));
    expect(await second.response.json()).toEqual(CONNECTION);
    expect(server.received).toHaveLength(1);
  });

  it("starts the request when the method is called, before anyone awaits it", async () => {
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const server = await serve((_req, res) => {
      arrived();
      send(res, { status: 200, body: CONNECTION });
    });
    const p = core(server).invoke(getConnection, ids);
    await reached;
    expect(server.received).toHaveLength(1);
    await expect(p).resolves.toEqual(CONNECTION);
    expect(server.received).toHaveLength(1);
  });

  it("resolves an empty operation to undefined, with the 204 response", async () => {
    const server = await serve((_req, res) => void res.writeHead(204, { "X-Request-Id": "del-1" }).end());
    const p = core(server).invoke(deleteCompany, { companyId: "c1" });
    await expect(p).resolves.toBeUndefined();
    const { data, response } = await p.withResponse();
    expect(data).toBeUndefined();
    expect([response.status, response.headers.get("x-request-id"), response.body]).toEqual([204, "del-1", null]);
    expect(await response.text()).toBe("");
    expect(server.received.map((r) => r.method)).toEqual(["DELETE"]);
  });

  it("rejects withResponse with the same typed error as the promise itself", async () => {
    const server = await serve(scripted({ status: 404, body: { error: "Missing connection" } }));
    const p = core(server).invoke(getConnection, ids);
    const error = await caught(p);
    expect(error).toBeInstanceOf(ErrorMessage);
    expect(await caught(p.withResponse())).toBe(error);
    expect((error as ErrorMessage).message).toBe("connections.get: HTTP 404 Not Found: Missing connection");
    expect(server.received).toHaveLength(1);
  });

  it("rejects withResponse alone, when the promise itself is never awaited", async () => {
    const server = await serve(scripted({ status: 418, body: "teapot" }));
    const error = await caught(core(server).invoke(getConnection, ids).withResponse());
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ status: 418, bodyText: "teapot" });
  });

  describe("behaves like a Promise", () => {
    it("works with Promise.all, Promise.race and Promise.resolve", async () => {
      const server = await serve(scripted({ status: 200, body: CONNECTION }));
      const sdk = core(server);
      expect(await Promise.all([sdk.invoke(getConnection, ids), sdk.invoke(deleteCompany, { companyId: "c1" })])).toEqual([CONNECTION, undefined]);
      expect(await Promise.race([sdk.invoke(getConnection, ids)])).toEqual(CONNECTION);
      expect(await Promise.resolve(sdk.invoke(getConnection, ids))).toEqual(CONNECTION);
      expect(server.received).toHaveLength(4);
    });

    it("chains then into a plain Promise of the callback's result", async () => {
      const server = await serve(scripted({ status: 200, body: CONNECTION }));
      const chained = core(server).invoke<typeof CONNECTION>(getConnection, ids).then((data) => data.tags.length);
      expect(chained).toBeInstanceOf(Promise);
      expect(chained).not.toBeInstanceOf(APIPromise);
      expect(await chained).toBe(2);
      const caughtOne = core(server).invoke(getConnection, ids).catch(() => undefined);
      const finallyOne = core(server).invoke(getConnection, ids).finally(() => undefined);
      for (const derived of [caughtOne, finallyOne]) expect(derived).not.toBeInstanceOf(APIPromise);
      await Promise.all([caughtOne, finallyOne]);
    });

    it("calls finally's callback once on success and passes the data through", async () => {
      const server = await serve(scripted({ status: 200, body: CONNECTION }));
      const cb = vi.fn();
      const p = core(server).invoke(getConnection, ids);
      await expect(p.finally(cb)).resolves.toEqual(CONNECTION);
      expect(cb).toHaveBeenCalledTimes(1);
      expect(cb).toHaveBeenCalledWith();
    });

    it("calls finally's callback on failure and keeps the rejection", async () => {
      const server = await serve(scripted({ status: 404, body: { error: "gone" } }));
      const cb = vi.fn();
      const p = core(server).invoke(getConnection, ids);
      const error = await caught(p.finally(cb));
      expect(error).toBeInstanceOf(ErrorMessage);
      expect(cb).toHaveBeenCalledTimes(1);
    });

    it("routes a failure to catch, and to then's second callback", async () => {
      const server = await serve(scripted({ status: 404, body: { error: "gone" } }));
      const sdk = core(server);
      expect(await sdk.invoke(getConnection, ids).catch((e: unknown) => (e as ErrorMessage).status)).toBe(404);
      const onFulfilled = vi.fn();
      const viaThen = await sdk.invoke(getConnection, ids).then(onFulfilled, (e: unknown) => (e as Error).name);
      expect(viaThen).toBe("ErrorMessage");
      expect(onFulfilled).not.toHaveBeenCalled();
    });

    it("settles in Promise.allSettled with the typed error as reason", async () => {
      const server = await serve(scripted({ status: 200, body: CONNECTION }, { status: 404, body: { error: "gone" } }));
      const sdk = core(server, { retryConfig: { strategy: "none" } });
      const ok = sdk.invoke(getConnection, ids);
      await ok;
      const [fulfilled, rejected] = await Promise.allSettled([ok, sdk.invoke(getConnection, ids)]);
      expect(fulfilled).toEqual({ status: "fulfilled", value: CONNECTION });
      expect(rejected?.status).toBe("rejected");
      expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(ErrorMessage);
    });
  });

  it("causes no unhandled rejection when a failed call is awaited, with or without withResponse", async () => {
    // afterEach fails the test on any unhandled rejection.
    const server = await serve(scripted({ status: 404, body: { error: "gone" } }));
    const sdk = core(server);
    await expect(sdk.invoke(getConnection, ids)).rejects.toBeInstanceOf(ErrorMessage);
    await expect(sdk.invoke(getConnection, ids).withResponse()).rejects.toBeInstanceOf(ErrorMessage);
    try {
      await sdk.invoke(getConnection, ids);
    } catch (error) {
      expect(error).toBeInstanceOf(ErrorMessage);
    }
    const p = sdk.invoke(getConnection, ids);
    await caught(p);
    await caught(p.withResponse());
    expect(server.received).toHaveLength(4);
  });
});
