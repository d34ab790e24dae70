/** Bodies and responses that are not JSON: text, forms, multipart, binary. */
import { describe, expect, it } from "vitest";
import { SDKValidationError } from "../src/errors.js";
import type { BodyEncoding, OperationSpec, ResponseKind } from "../src/operation.js";
import { caught, core, serve } from "./support/core.js";
import { send } from "./support/server.js";

function upload(encoding: BodyEncoding, mediaType: string, response: ResponseKind = "empty", accept?: string): OperationSpec {
  return {
    operationId: `upload-${encoding}`,
    methodPath: "files.upload",
    method: "put",
    path: "/files",
    parameters: [],
    body: { field: "requestBody", required: true, mediaType, encoding },
    response,
    ...(accept ? { accept } : {}),
    errors: {},
  };
}

function download(response: ResponseKind, accept: string): OperationSpec {
  return { operationId: "download", methodPath: "files.download", method: "get", path: "/files/1", parameters: [], response, accept, errors: {} };
}

describe("request bodies by encoding", () => {
  const cases: { name: string; op: OperationSpec; body: unknown; type: RegExp; wire: string | RegExp }[] = [
    { name: "text as is", op: upload("text", "text/plain"), body: "hello, world", type: /^text\/plain$/, wire: "hello, world" },
    { name: "JSON", op: upload("json", "application/json"), body: { a: [1, 2] }, type: /^application\/json$/, wire: '{"a":[1,2]}' },
    {
      name: "a form, arrays repeated, dates in ISO 8601, objects as JSON",
      op: upload("form", "application/x-www-form-urlencoded"),
      body: { q: "a b&c", tag: ["x", "y"], at: new Date("2026-01-02T03:04:05Z"), meta: { k: 1 }, skipped: undefined },
      type: /^application\/x-www-form-urlencoded$/,
      wire: "q=a+b%26c&tag=x&tag=y&at=2026-01-02T03%3A04%3A05.000Z&meta=%7B%22k%22%3A1%7D",
    },
    {
      name: "multipart with a file, the boundary set by fetch",
      op: upload("multipart", "multipart/form-data"),
      body: { name: "report", file: new File(["a,b\n1,2\n"], "report.csv", { type: "text/csv" }) },
      type: /^multipart\/form-data; boundary=/,
      wire: /name="name"\r\n\r\nreport\r\n.*filename="report\.csv"\r\nContent-Type: text\/csv\r\n\r\na,b\n1,2\n/s,
    },
    { name: "binary bytes", op: upload("binary", "application/octet-stream"), body: new TextEncoder().encode("\u00ffbytes"), type: /^application\/octet-stream$/, wire: "\u00ffbytes" },
  ];
  it.each(cases)("sends $name", async ({ op, body, type, wire }) => {
    const server = await serve((_req, res) => send(res, { status: 204 }));
    await expect(core(server).invoke(op, { requestBody: body })).resolves.toBeUndefined();
    const got = server.received[0]!;
    expect(got.headers["content-type"]).toMatch(type);
    if (typeof wire === "string") expect(got.body).toBe(wire);
    else expect(got.body).toMatch(wire);
  });

  it("refuses a body of the wrong kind before sending", async () => {
    const server = await serve((_req, res) => send(res, { status: 204 }));
    const sdk = core(server);
    const text = await caught(sdk.invoke(upload("text", "text/plain"), { requestBody: { not: "text" } }));
    expect(text).toBeInstanceOf(SDKValidationError);
    expect((text as Error).message).toBe("files.upload: requestBody must be a string");
    const form = await caught(sdk.invoke(upload("form", "application/x-www-form-urlencoded"), { requestBody: "q=1" }));
    expect((form as Error).message).toBe("files.upload: requestBody must be an object of fields");
    const binary = await caught(sdk.invoke(upload("binary", "application/octet-stream"), { requestBody: 42 }));
    expect((binary as SDKValidationError).field).toBe("requestBody");
    expect(server.received).toHaveLength(0);
  });
});

describe("responses by kind", () => {
  it("resolves a text response to its text, asking for its media type", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/csv" });
      res.end("id,name\n1,Acme\n");
    });
    await expect(core(server).invoke(download("text", "text/csv"), {})).resolves.toBe("id,name\n1,Acme\n");
    expect(server.received[0]!.headers.accept).toBe("text/csv");
  });

  it("resolves a binary response to a Blob with every byte, and withResponse gives it readable", async () => {
    const bytes = Uint8Array.from([0, 255, 128, 10, 13, 0]);
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/pdf" });
      res.end(Buffer.from(bytes));
    });
    const { data, response } = await core(server).invoke<Blob>(download("binary", "application/pdf"), {}).withResponse();
    expect(data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await data.arrayBuffer())).toEqual(bytes);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it("resolves an empty operation to undefined whatever the server sends", async () => {
    const server = await serve((_req, res) => send(res, { status: 200, body: { ignored: true } }));
    await expect(core(server).invoke(download("empty", "application/json"), {})).resolves.toBeUndefined();
  });
});
