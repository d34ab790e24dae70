/**
 * A spec that names no server generates a client whose serverURL is required, in its type and at
 * construction; server variables become typed options; operations with servers of their own go there.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generateFiles, generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { FIXTURES, targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.0.3
info: { title: Notes, version: "1" }
paths:
  /notes:
    get:
      operationId: list-notes
      tags: [Notes]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
`;

describe("a spec with no servers", () => {
  it("generates, warning that serverURL is required, and the type requires it", async () => {
    const spec = join(await tempDir(), "notes.yaml");
    await writeFile(spec, SPEC);
    const { files, packageFiles, warnings } = await generatePackage({ ...targetFor(spec, "NotesApi"), readme: { path: "README.md", specLink: "notes.yaml" } });
    expect(warnings).toEqual(["#/servers: the spec names no server, so the client requires serverURL at construction"]);
    expect(packageFiles[0]!.contents).toContain("| `serverURL` | none: **required**, as the spec names no server | base URL of the API |");
    const ok = `import { NotesApi } from "./generated/index.js";\nexport const notes = new NotesApi({ serverURL: "https://notes.example.com" });\nexport const all = notes.notes.listNotes({});\n`;
    expect(await typecheck(files, { "consumer.ts": ok })).toEqual([]);
    const missing = `import { NotesApi } from "./generated/index.js";\nexport const notes = new NotesApi({});\n`;
    expect(await typecheck(files, { "consumer.ts": missing })).toEqual([expect.stringMatching(/^consumer\.ts:2: [\s\S]*Property 'serverURL' is missing/)]);
  }, needs(10_000));

  it("names its client like a tag without a clash (client Notes, tag Notes)", async () => {
    const spec = join(await tempDir(), "notes.yaml");
    await writeFile(spec, SPEC);
    const { files } = await generatePackage(targetFor(spec, "Notes"));
    const consumer = `import { Notes } from "./generated/index.js";\nexport const all: Promise<string[]> = new Notes({ serverURL: "https://notes.example.com" }).notes.listNotes({});\n`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(4_000));
});

describe("server variables and operations' own servers", () => {
  const spec = join(FIXTURES, "servers.yaml");

  it("loads each server's variables and each operation's servers (its own over its path item's)", async () => {
    const model = await loadSpec("servers.yaml", spec);
    expect(model.servers[0]).toEqual({
      url: "https://{region}.api.example.com/{version}",
      description: "Production",
      variables: { region: { default: "eu", enum: ["eu", "us"], description: "Data residency region." }, version: { default: "v1" } },
    });
    const ops = Object.fromEntries(model.resources.flatMap((r) => r.operations).map((op) => [op.operationId, op.servers]));
    expect(ops["list-items"]).toBeUndefined();
    expect(ops["create-upload"]).toEqual([{ url: "https://uploads.{region}.example.com", variables: { region: { default: "eu", enum: ["eu", "us", "ap"] } } }]);
    expect(ops["list-uploads"]!.map((s) => s.url)).toEqual(["https://archive.example.com", "https://archive-backup.example.com"]);
    expect(ops["get-local"]).toBeUndefined();
    expect(model.warnings).toContain("#/paths/~1local/servers/0: server /relative is not an absolute http(s) URL; the operation is sent to the client's server");
  });

  it("warns about a variable without a default, a default outside its enum and a {name} with no variable", async () => {
    const dir = await tempDir();
    const file = join(dir, "bad.yaml");
    await writeFile(file, SPEC.replace("paths:", [
      "servers:",
      "  - url: https://{a}.{b}.{c}.example.com",
      "    variables:",
      "      a: {}",
      "      b: { default: x, enum: [y, z] }",
      "paths:",
    ].join("\n")));
    const model = await loadSpec("bad.yaml", file);
    expect(model.warnings.filter((w) => !w.startsWith("lint:"))).toEqual([
      "#/servers/0/variables/a: has no default; the client requires serverVariables.a or serverURL",
      '#/servers/0/variables/b: its default "x" is not one of its enum values; it is allowed too',
      "#/servers/0: its URL's {c} is not among its variables; the client requires serverURL",
    ]);
    expect(model.servers[0]!.variables).toEqual({ a: {}, b: { default: "x", enum: ["x", "y", "z"] } });
  });

  it("types serverVariables from the variables' enums, and sends each operation to its own server", async () => {
    const files = await generateFiles(targetFor(spec, "Regions"));
    const core = files.find((f) => f.path === "core.ts")!.contents;
    expect(core).toContain('  region?: "eu" | "us" | "ap";\n');
    expect(core).toContain("  version?: string;\n");
    expect(core).toContain("export type RegionsOptions = ClientOptions<Security, ServerVariables>;");
    const items = files.find((f) => f.path === "items.ts")!.contents;
    expect(items).toContain('servers: [{ url: "https://archive.example.com" }, { url: "https://archive-backup.example.com" }],');
    const ok = [
      'import { Regions, type ServerVariables } from "./generated/index.js";',
      'const vars: ServerVariables = { region: "us", version: "v2" };',
      "export const client = new Regions({ serverVariables: vars, serverIdx: 0 });",
      'export const uploads = client.items.listUploads({}, { serverURL: "https://mirror.example.com" });',
    ].join("\n");
    expect(await typecheck(files, { "consumer.ts": ok })).toEqual([]);
    const bad = 'import { Regions } from "./generated/index.js";\nexport const client = new Regions({ serverVariables: { region: "asia" } });\n';
    expect(await typecheck(files, { "consumer.ts": bad })).toEqual([expect.stringMatching(/^consumer\.ts:2: [\s\S]*"asia"/)]);
  }, needs(6_000));

  it("documents serverVariables and the operations with their own servers in the README", async () => {
    const { packageFiles } = await generatePackage({ ...targetFor(spec, "Regions"), readme: { path: "README.md", specLink: "servers.yaml" } });
    const readme = packageFiles.find((f) => f.path === "README.md")!.contents;
    expect(readme).toContain("| `serverVariables` | the spec's defaults | values of the servers' `{variables}`; see [Servers](#servers) |");
    expect(readme).toContain("| `serverURL` | `https://eu.api.example.com/v1` | base URL of the API; overrides `serverIdx` |");
    expect(readme).toContain("### Servers");
    expect(readme).toContain('const regions = new Regions({ serverVariables: { region: "us" } });');
    expect(readme).toContain("| `region` | `eu` | `eu`, `us`, `ap`: Data residency region. |");
    expect(readme).toContain("* `regions.items.listUploads`: `https://archive.example.com`");
    expect(readme).toContain("* `regions.items.createUpload`: `https://uploads.{region}.example.com`");
  });
});
