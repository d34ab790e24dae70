/**
 * Idempotency keys: an operation whose OperationSpec names an `idempotencyHeader` sends a
 * UUID in it when the caller sets none, the same on every attempt, a caller's own key as
 * given, and is retried like a GET whatever its method. Operations without one send no
 * such header and a POST keeps the non-idempotent rule.
 */
import { describe, expect, it } from "vitest";
import { caught, core, serve } from "./support/core.js";
import { Fallback, createCompany, createPayment } from "./support/fixtures.js";
import { scripted } from "./support/server.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const body = { companyRequestBody: { amount: 5 } };

describe("idempotency keys", () => {
  it("retries a keyed POST answered 503 then 200, sending the same UUID key on both attempts", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 201, body: { id: "p1" } }));
    await expect(core(server).invoke(createPayment, body)).resolves.toEqual({ id: "p1" });
    const keys = server.received.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    expect(server.received.map((r) => JSON.parse(r.body))).toEqual([{ amount: 5 }, { amount: 5 }]);
  });

  it("retries a keyed POST on a 500 like a GET, which an unkeyed POST is not", async () => {
    const server = await serve(scripted({ status: 500 }, { status: 500 }, { status: 201, body: { id: "p2" } }));
    await expect(core(server).invoke(createPayment, body)).resolves.toEqual({ id: "p2" });
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received.map((r) => r.headers["idempotency-key"])).size).toBe(1);
  });

  it("gives each call a key of its own", async () => {
    const server = await serve(scripted({ status: 201, body: {} }, { status: 201, body: {} }));
    const sdk = core(server);
    await sdk.invoke(createPayment, body);
    await sdk.invoke(createPayment, body);
    const [first, second] = server.received.map((r) => r.headers["idempotency-key"]);
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(second).not.toBe(first);
  });

  it("keeps a caller's own key, given as the field, on every attempt", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 201, body: {} }));
    await core(server).invoke(createPayment, { ...body, idempotencyKey: "order-42" });
    expect(server.received.map((r) => r.headers["idempotency-key"])).toEqual(["order-42", "order-42"]);
  });

  it("keeps a caller's own key, given as a header option in any case, on every attempt", async () => {
    const server = await serve(scripted({ status: 503 }, { status: 201, body: {} }));
    await core(server).invoke(createPayment, body, { headers: { "idempotency-KEY": "order-43" } });
    expect(server.received.map((r) => r.headers["idempotency-key"])).toEqual(["order-43", "order-43"]);
  });

  it("sends no key for an operation that declares none, and does not retry its POST on a 500", async () => {
    const server = await serve(scripted({ status: 500, body: { error: "boom" } }, { status: 201, body: {} }));
    const error = await caught(core(server).invoke(createCompany, body));
    expect(error).toBeInstanceOf(Fallback);
    expect(error).toMatchObject({ status: 500, attempts: 1 });
    expect(server.received).toHaveLength(1);
    expect(Object.keys(server.received[0]!.headers).filter((name) => name.includes("idempotency"))).toEqual([]);
  });
});
