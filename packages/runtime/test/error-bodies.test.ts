/**
 * Every error keeps its body, whatever the operation's success would have been (bytes,
 * text, a stream): its text, its parsed JSON and a documented error's typed fields.
 */
import { describe, expect, it } from "vitest";
import { SDKError } from "../src/errors.js";
import type { OperationSpec, ResponseKind } from "../src/operation.js";
import { caught, core, serve } from "./support/core.js";
import { ErrorMessage } from "./support/fixtures.js";

const problem = { statusCode: 500, service: "files", error: "disk on fire", correlationId: "c-1" };
const problemText = JSON.stringify(problem);

const successes: readonly (readonly [ResponseKind, string])[] = [
  ["binary", "application/octet-stream"],
  ["binary", "application/pdf"],
  ["text", "text/csv"],
  ["json", "application/json"],
  ["events", "text/event-stream"],
  ["eventData", "text/event-stream"],
  ["jsonLines", "application/x-ndjson"],
  ["jsonSeq", "application/json-seq"],
];

function download(response: ResponseKind, accept: string): OperationSpec {
  return { operationId: "download", methodPath: "files.download", method: "get", path: "/files/1", parameters: [], response, accept, errors: { "500": ErrorMessage } };
}

function failing(status: number, type: string, body: string) {
  return serve((_req, res) => {
    res.writeHead(status, { "Content-Type": type });
    res.end(body);
  });
}

describe("error bodies, whatever the success media type", () => {
  it.each(successes)("%s (%s): a documented problem+json 500 gives its typed error with text and JSON", async (kind, accept) => {
    const server = await failing(500, "application/problem+json", problemText);
    const error = await caught(core(server, { retryConfig: { strategy: "none" } }).invoke(download(kind, accept), {}));
    expect(error).toBeInstanceOf(ErrorMessage);
    expect(error).toMatchObject({ status: 500, bodyText: problemText, body: problem, service: "files", error: "disk on fire", correlationId: "c-1" });
    expect((error as Error).message).toBe("files.download: HTTP 500 Internal Server Error: disk on fire");
  });

  it.each(successes)("%s (%s): an undocumented 409 gives SDKError with text and JSON", async (kind, accept) => {
    const server = await failing(409, "application/problem+json", '{"title":"busy"}');
    const error = await caught(core(server, { retryConfig: { strategy: "none" } }).invoke(download(kind, accept), {}));
    expect(error).toBeInstanceOf(SDKError);
    expect(error).toMatchObject({ status: 409, bodyText: '{"title":"busy"}', body: { title: "busy" } });
  });

  it.each(successes)("%s (%s): a text error body is kept as text", async (kind, accept) => {
    const server = await failing(502, "text/plain", "bad gateway");
    const error = await caught(core(server, { retryConfig: { strategy: "none" } }).invoke(download(kind, accept), {}));
    expect(error).toMatchObject({ status: 502, bodyText: "bad gateway", body: "bad gateway" });
  });
});
