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

describe("the spec's encoding of form and multipart bodies", () => {
  it("writes multipart files as file parts (a Blob named after its property), arrays of files as repeated parts, JSON-typed values as JSON parts", async () => {
    const server = await serve((_req, res) => send(res, { status: 204 }));
    const op: OperationSpec = {
      ...upload("multipart", "multipart/form-data"),
      body: { field: "requestBody", required: true, mediaType: "multipart/form-data", encoding: "multipart", fields: { meta: { contentType: "application/json" }, tags: { contentType: "application/json" } } },
    };
    const body = {
      avatar: new Blob(["PNG"], { type: "image/png" }),
      photos: [new File(["one"], "1.jpg", { type: "image/jpeg" }), new File(["two"], "2.jpg", { type: "image/jpeg" })],
      meta: { size: 2, at: "x" },
      tags: ["a", "b"],
      count: 3,
    };
    await core(server).invoke(op, { requestBody: body });
    const wire = server.received[0]!.body;
    const boundary = /boundary=(.+)$/.exec(server.received[0]!.headers["content-type"]!)![1]!;
    const parts = wire.split(`--${boundary}`).slice(1, -1).map((p) => p.replace(/^\r\n/, "").replace(/\r\n$/, ""));
    expect(parts).toEqual([
      'Content-Disposition: form-data; name="avatar"; filename="avatar"\r\nContent-Type: image/png\r\n\r\nPNG',
      'Content-Disposition: form-data; name="photos"; filename="1.jpg"\r\nContent-Type: image/jpeg\r\n\r\none',
      'Content-Disposition: form-data; name="photos"; filename="2.jpg"\r\nContent-Type: image/jpeg\r\n\r\ntwo',
      'Content-Disposition: form-data; name="meta"; filename="meta"\r\nContent-Type: application/json\r\n\r\n{"size":2,"at":"x"}',
      'Content-Disposition: form-data; name="tags"; filename="tags"\r\nContent-Type: application/json\r\n\r\n["a","b"]',
      'Content-Disposition: form-data; name="count"\r\n\r\n3',
    ]);
  });

  it("writes form fields with a style or explode as the query serializers do, others as before", async () => {
    const server = await serve((_req, res) => send(res, { status: 204 }));
    const op: OperationSpec = {
      ...upload("form", "application/x-www-form-urlencoded"),
      body: {
        field: "requestBody", required: true, mediaType: "application/x-www-form-urlencoded", encoding: "form",
        fields: { filter: { style: "deepObject", explode: true }, ids: { style: "form", explode: false }, pipes: { style: "pipeDelimited", explode: false }, raw: { contentType: "application/json" } },
      },
    };
    const body = { filter: { color: "red", size: "L" }, ids: [1, 2, 3], pipes: ["a", "b"], raw: { k: [1] }, plain: ["x", "y"], name: "a b" };
    await core(server).invoke(op, { requestBody: body });
    expect(server.received[0]!.body).toBe("filter[color]=red&filter[size]=L&ids=1,2,3&pipes=a|b&raw=%7B%22k%22%3A%5B1%5D%7D&plain=x&plain=y&name=a+b");
  });
});

describe("binary uploads and several media types", () => {
  it("streams a ReadableStream body", async () => {
    const server = await serve((_req, res) => send(res, { status: 204 }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("chunk-1,"));
        controller.enqueue(new TextEncoder().encode("chunk-2"));
        controller.close();
      },
    });
    await core(server).invoke(upload("binary", "application/octet-stream"), { requestBody: stream });
    expect(server.received[0]!.body).toBe("chunk-1,chunk-2");
    expect(server.received[0]!.headers["content-type"]).toBe("application/octet-stream");
  });

  const multi: OperationSpec = {
    operationId: "put-note", methodPath: "notes.put", method: "put", path: "/notes", parameters: [],
    body: { field: "requestBody", required: true, mediaType: "application/json", others: [{ mediaType: "text/plain", encoding: "text" }, { mediaType: "application/x-www-form-urlencoded", encoding: "form" }] },
    response: "json",
    otherAccepts: [{ mediaType: "text/csv", response: "text" }, { mediaType: "application/pdf", response: "binary" }],
    errors: {},
  };

  it("sends JSON by default and another of the spec's media types when the call names it", async () => {
    const server = await serve((req, res) => {
      if (req.headers.accept === "text/csv") {
        res.writeHead(200, { "Content-Type": "text/csv" });
        res.end("a,b\n");
      } else send(res, { status: 200, body: { ok: true } });
    });
    const sdk = core(server);
    await expect(sdk.invoke(multi, { requestBody: { n: 1 } })).resolves.toEqual({ ok: true });
    await expect(sdk.invoke(multi, { requestBody: "hi" }, { contentType: "text/plain", accept: "text/csv" })).resolves.toBe("a,b\n");
    await sdk.invoke(multi, { requestBody: { n: 1 } }, { contentType: "application/x-www-form-urlencoded" });
    expect(server.received.map((r) => [r.headers["content-type"], r.headers.accept, r.body])).toEqual([
      ["application/json", "application/json", '{"n":1}'],
      ["text/plain", "text/csv", "hi"],
      ["application/x-www-form-urlencoded", "application/json", "n=1"],
    ]);
  });

  it("resolves to a Blob when the call accepts a binary media type", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/pdf" });
      res.end(Buffer.from([37, 80, 68, 70]));
    });
    const data = await core(server).invoke<Blob>(multi, { requestBody: {} }, { accept: "application/pdf" });
    expect(data).toBeInstanceOf(Blob);
    expect(new Uint8Array(await data.arrayBuffer())).toEqual(Uint8Array.from([37, 80, 68, 70]));
  });

  it("refuses a media type the spec does not list, before sending, naming those it does", async () => {
    const server = await serve((_req, res) => send(res, { status: 204 }));
    const sdk = core(server);
    const body = await caught(sdk.invoke(multi, { requestBody: {} }, { contentType: "application/xml" }));
    expect((body as SDKValidationError).message).toBe('notes.put: options.contentType must be one of "application/json", "text/plain", "application/x-www-form-urlencoded"');
    expect((body as SDKValidationError).field).toBe("options.contentType");
    const accept = await caught(sdk.invoke(multi, { requestBody: {} }, { accept: "image/png" }));
    expect((accept as SDKValidationError).message).toBe('notes.put: options.accept must be one of "application/json", "text/csv", "application/pdf"');
    expect(server.received).toHaveLength(0);
  });
});

it("refuses a contentType that is not a string like any unknown one", async () => {
  const server = await serve((_req, res) => send(res, { status: 204 }));
  const error = await caught(core(server).invoke(upload("text", "text/plain"), { requestBody: "x" }, { contentType: 5 as never }));
  expect((error as SDKValidationError).message).toBe('files.upload: options.contentType must be one of "text/plain"');
});
