/** A spec that names no server generates a client whose serverURL is required, in its type and at construction. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatePackage } from "../src/generate.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

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
  });

  it("names its client like a tag without a clash (client Notes, tag Notes)", async () => {
    const spec = join(await tempDir(), "notes.yaml");
    await writeFile(spec, SPEC);
    const { files } = await generatePackage(targetFor(spec, "Notes"));
    const consumer = `import { Notes } from "./generated/index.js";\nexport const all: Promise<string[]> = new Notes({ serverURL: "https://notes.example.com" }).notes.listNotes({});\n`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  });
});
