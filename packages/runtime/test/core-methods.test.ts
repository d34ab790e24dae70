/**
 * OpenAPI 3.2's methods beyond the Path Item Object's classic fields: `query` (a safe,
 * idempotent read that carries a body) and the custom methods of `additionalOperations`,
 * sent exactly as written.
 */
import { describe, expect, it } from "vitest";
import type { OperationSpec } from "../src/operation.js";
import { SDKError } from "../src/errors.js";
import { caught, core, serve } from "./support/core.js";
import { scripted } from "./support/server.js";

const searchBills = {
  operationId: "search-bills",
  methodPath: "bills.search",
  method: "query",
  path: "/bills",
  parameters: [{ field: "limit", name: "limit", in: "query", required: false }],
  body: { field: "requestBody", required: true, mediaType: "application/json" },
  response: "json",
  errors: {},
} satisfies OperationSpec;

const copyBill = {
  operationId: "copy-bill",
  methodPath: "bills.copy",
  method: "COPY",
  path: "/bills/{billId}",
  parameters: [{ field: "billId", name: "billId", in: "path", required: true }],
  response: "empty",
  errors: {},
} satisfies OperationSpec;

describe("OpenAPI 3.2 methods", () => {
  it("sends QUERY with its body and parameters, and retries it like a GET", async () => {
    const server = await serve(scripted({ status: 500, body: "broke" }, { status: 200, body: ["b1"] }));
    const result = await core(server).invoke(searchBills, { limit: 2, requestBody: { text: "rent" } });
    expect(result).toEqual(["b1"]);
    expect(server.received.map((r) => [r.method, r.url, r.body, r.headers["content-type"]])).toEqual([
      ["QUERY", "/bills?limit=2", '{"text":"rent"}', "application/json"],
      ["QUERY", "/bills?limit=2", '{"text":"rent"}', "application/json"],
    ]);
  });

  it("sends a custom method as written, and does not repeat it after a 5XX (it is not known to be idempotent)", async () => {
    const server = await serve(scripted({ status: 500, body: "broke" }, { status: 204 }));
    const error = await caught(core(server).invoke(copyBill, { billId: "b1" }));
    expect(error).toBeInstanceOf(SDKError);
    expect((error as SDKError).status).toBe(500);
    expect(server.received.map((r) => [r.method, r.url])).toEqual([["COPY", "/bills/b1"]]);
  });

  it("types a custom method upper case only, as fetch clients send it", () => {
    // @ts-expect-error a lower-case custom method would be sent upper-cased, so it is not one the spec can name.
    const wrong: OperationSpec["method"] = "copy";
    expect(wrong).toBe("copy");
  });
});
