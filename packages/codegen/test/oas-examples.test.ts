/**
 * Real inputs: ReadMe's public OpenAPI examples (a devDependency of packages/corpus),
 * loaded by path and never copied. The rules for servers and media types must hold
 * on specs written by someone else.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import { REPO_ROOT } from "./helpers.js";

const EXAMPLES = join(REPO_ROOT, "packages/corpus/node_modules/@readme/oas-examples/3.0/json");
const load = (name: string) => loadSpec(name, join(EXAMPLES, name));

describe("@readme/oas-examples", () => {
  it("server-variables.json: every templated server's variables have defaults, and enums where the spec lists them", async () => {
    const model = await load("server-variables.json");
    const templated = model.servers.filter((s) => /\{/.test(s.url));
    expect(templated.length).toBeGreaterThan(0);
    for (const server of templated) {
      for (const [, name] of server.url.matchAll(/\{([^}]+)\}/g)) expect(server.variables?.[name!]?.default, `${server.url} {${name}}`).toBeTypeOf("string");
    }
    expect(templated.some((s) => Object.values(s.variables ?? {}).some((v) => (v.enum?.length ?? 0) > 1))).toBe(true);
  });

  it("server-path-level.json: operations under a path or operation with absolute servers carry them; relative ones are warned about", async () => {
    const model = await load("server-path-level.json");
    const ops = model.resources.flatMap((r) => r.operations);
    const own = ops.filter((o) => o.servers);
    expect(own.length).toBeGreaterThan(0);
    for (const op of own) expect(op.servers!.every((s) => /^https?:\/\//.test(s.url)), op.operationId).toBe(true);
    expect(model.warnings.some((w) => w.includes("is not an absolute http(s) URL; the operation is sent to the client's server"))).toBe(true);
  });

  it("response-multiple-mediatypes.json: a response with several media types keeps JSON as the default and the others selectable", async () => {
    const model = await load("response-multiple-mediatypes.json");
    const several = model.resources.flatMap((r) => r.operations).filter((o) => o.response.kind !== "empty" && o.response.kind !== "unknown" && o.response.others);
    expect(several.length).toBeGreaterThan(0);
    for (const op of several) {
      const response = op.response as unknown as { mediaType: string; others: { mediaType: string }[] };
      const all = [response.mediaType, ...response.others.map((m) => m.mediaType)];
      if (all.some((t) => /json/i.test(t))) expect(response.mediaType, op.operationId).toMatch(/json/i);
    }
  });

  it("file-uploads.json and form-data.json: multipart and form bodies are encoded as such, files typed as Blob", async () => {
    for (const name of ["file-uploads.json", "form-data.json"]) {
      const model = await load(name);
      const encodings = new Set(model.resources.flatMap((r) => r.operations).map((o) => o.body?.encoding));
      expect(encodings.has("multipart") || encodings.has("form"), name).toBe(true);
    }
  });
});
