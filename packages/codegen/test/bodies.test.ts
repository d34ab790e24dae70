/**
 * Request bodies and responses with several media types, the spec's per-property
 * `encoding`, and discriminated unions: loaded, typed, and sent on the wire by the
 * generated code itself against a local recording server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import type { GeneratedFile } from "../src/emit/source.js";
import { FIXTURES, targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = join(FIXTURES, "bodies.yaml");

describe("bodies and media types, loaded", () => {
  it("keeps every media type of a body and a response, JSON first, and the encoding of each property", async () => {
    const model = await loadSpec("bodies.yaml", SPEC);
    const ops = Object.fromEntries(model.resources.flatMap((r) => r.operations).map((op) => [op.operationId, op]));
    expect(ops["upload-photos"]!.body).toMatchObject({ mediaType: "multipart/form-data", encoding: "multipart", fields: { meta: { contentType: "application/json" } } });
    expect(ops["search"]!.body!.fields).toEqual({ filter: { style: "deepObject", explode: true }, ids: { style: "form", explode: false } });
    expect(ops["put-note"]!.body).toMatchObject({ mediaType: "application/json", schemaName: "Note", others: [{ mediaType: "text/plain", encoding: "text" }] });
    expect(ops["put-note"]!.response).toMatchObject({ kind: "json", mediaType: "application/json", others: [{ mediaType: "application/xml", kind: "text" }, { mediaType: "application/pdf", kind: "binary" }] });
    expect(model.warnings).toContain('#/paths/~1search/post/requestBody/content/application/x-www-form-urlencoded/encoding/bad: style "matrix" is not one a form field can have; sent as form');
  });
});

describe("bodies and media types, generated", () => {
  let files: GeneratedFile[];
  beforeAll(async () => {
    files = await generateFiles(targetFor(SPEC, "Bodies"));
  }, needs(2_000));

  it("types contentType and accept from the spec's media types, the result by the one accepted, and unions by their discriminator", async () => {
    const consumer = `
import type { RequestOptions } from "@x/runtime";
import { Bodies, type Note, type Pet, type Lizard, type Snake } from "./generated/index.js";
const client = new Bodies();
// One options object, typed for every method, fits a method with several media types too.
const shared: RequestOptions = { retries: { strategy: "none" } };
const sharedCall: Promise<Note> = client.notes.putNote({ id: "1", note: { text: "hi" } }, shared);
const photos: Promise<void> = client.photos.uploadPhotos({ requestBody: { photos: [new Blob(["a"]), new File(["b"], "b.png")], meta: { album: "x" } } });
const json: Promise<Note> = client.notes.putNote({ id: "1", note: { text: "hi" } });
const text: Promise<Note> = client.notes.putNote({ id: "1", note: "hi" }, { contentType: "text/plain" });
const xml: Promise<string> = client.notes.putNote({ id: "1", note: { text: "hi" } }, { accept: "application/xml" });
const pdf: Promise<Blob> = client.notes.putNote({ id: "1", note: { text: "hi" } }, { accept: "application/pdf" });
// @ts-expect-error not one of the body's media types
client.notes.putNote({ id: "1", note: "hi" }, { contentType: "image/png" });
// @ts-expect-error a PDF is not a Note
const wrong: Promise<Note> = client.notes.putNote({ id: "1", note: { text: "hi" } }, { accept: "application/pdf" });
function describe(pet: Pet): string {
  switch (pet.petType) {
    case "cat": return String(pet.meows);
    case "doggo": return String(pet.barks);
  }
}
// @ts-expect-error the mapping's key, not the schema's name, is the value
const dog: Pet = { petType: "Dog" };
const lizard: Lizard["kind"] = "lizard";
const snake: Snake["kind"] = "Snake";
void sharedCall; void photos; void json; void text; void xml; void pdf; void wrong; void describe; void dog; void lizard; void snake;
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(6_000));

  describe("on the wire", () => {
    const received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
    let server: http.Server;
    let url = "";
    beforeAll(async () => {
      server = http.createServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        if (req.headers.accept === "application/xml") {
          res.writeHead(200, { "Content-Type": "application/xml" });
          res.end("<note><text>hi</text></note>");
        } else if (req.url?.startsWith("/notes")) {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end('{"text":"hi"}');
        } else res.writeHead(204).end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** The generated package, written out and imported as is (its @x/runtime is the built runtime). */
    async function client(): Promise<Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>> {
      const dir = join(await tempDir("x-codegen-wire-"), "generated");
      await mkdir(dir, { recursive: true });
      await Promise.all(files.map((f) => writeFile(join(dir, f.path), f.contents)));
      const { Bodies } = (await import(join(dir, "index.ts"))) as { Bodies: new (o: object) => never };
      return new Bodies({ serverURL: url });
    }

    it("sends multipart files as named parts, JSON-encoded properties as JSON parts, and form fields in their style", async () => {
      const sdk = await client();
      await sdk.photos!.uploadPhotos!({ requestBody: { photos: [new File(["a"], "a.png", { type: "image/png" }), new File(["b"], "b.png", { type: "image/png" })], meta: { album: "x" }, caption: "hi" } });
      const multipart = received.at(-1)!;
      expect(multipart.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(multipart.body).toMatch(/name="photos"; filename="a\.png"\r\nContent-Type: image\/png\r\n\r\na\r\n[\s\S]*name="photos"; filename="b\.png"/);
      expect(multipart.body).toMatch(/name="meta"; filename="meta"\r\nContent-Type: application\/json\r\n\r\n\{"album":"x"\}\r\n/);
      expect(multipart.body).toMatch(/name="caption"\r\n\r\nhi\r\n/);
      await sdk.photos!.search!({ requestBody: { filter: { color: "red" }, ids: [1, 2] } });
      expect(received.at(-1)!.body).toBe("filter[color]=red&ids=1,2");
    });

    it("sends JSON by default, the chosen content type when asked, and resolves by the accepted media type", async () => {
      const sdk = await client();
      await expect(sdk.notes!.putNote!({ id: "1", note: { text: "hi" } })).resolves.toEqual({ text: "hi" });
      await expect(sdk.notes!.putNote!({ id: "1", note: "hi" }, { contentType: "text/plain", accept: "application/xml" })).resolves.toBe("<note><text>hi</text></note>");
      expect(received.slice(-2).map((r) => [r.headers["content-type"], r.headers.accept, r.body])).toEqual([
        ["application/json", "application/json", '{"text":"hi"}'],
        ["text/plain", "application/xml", "hi"],
      ]);
    });
  });
});

it("documents the selectable media types in the README", async () => {
  const { generatePackage } = await import("../src/generate.js");
  const { packageFiles } = await generatePackage({ ...targetFor(SPEC, "Bodies"), readme: { path: "README.md", specLink: "bodies.yaml" } });
  const readme = packageFiles.find((f) => f.path === "README.md")!.contents;
  expect(readme).toContain("**Media types**: `options.contentType` sends the body as `application/json`, `text/plain` (default `application/json`); `options.accept` asks for `application/json`, `application/xml`, `application/pdf` (default `application/json`; text resolves to a string, other bytes to a Blob).");
});
