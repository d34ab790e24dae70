/**
 * OpenAPI 3.2 fields of the parameter, document and security scheme objects: `in: querystring`,
 * `$self`, and the schemes' `oauth2MetadataUrl`, `deprecated` and device authorization flow.
 * Each is generated, or warned about by name with its pointer; none is a lint warning.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { readmeExamples } from "../src/emit/readme/index.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const spec = ({ version = "3.2.0", media = "application/x-www-form-urlencoded" } = {}) => `openapi: ${version}
$self: https://specs.example.com/notes/openapi.yaml
info: { title: Notes, version: "1" }
servers: [{ url: "https://notes.example.com" }]
security: [{ oauth: [notes.read] }, { "#/components/securitySchemes/legacyKey": [] }]
paths:
  /notes:
    get:
      operationId: search-notes
      tags: [notes]
      parameters:
        - $ref: "#/components/parameters/page"
        - name: filter
          in: querystring
          required: true
          description: What to look for.
          content:
            ${media}:
              schema:
                type: object
                required: [text]
                properties:
                  text: { type: string }
                  tag: { type: array, items: { type: string } }
              example: { text: "groceries", tag: [home] }
      responses:
        "200":
          description: Matching notes.
          content: { application/json: { schema: { type: array, items: { type: string } } } }
  /notes/by-range:
    get:
      operationId: notes-in-range
      tags: [notes]
      parameters:
        - { name: range, in: querystring, content: { application/json: { schema: { $ref: "#/components/schemas/Range" } } } }
      responses:
        "204": { description: Counted. }
components:
  parameters:
    page: { name: page, in: query, schema: { type: integer } }
  schemas:
    Range:
      type: object
      properties: { from: { type: string, format: date }, to: { type: string, format: date } }
  securitySchemes:
    oauth:
      type: oauth2
      oauth2MetadataUrl: https://auth.example.com/.well-known/oauth-authorization-server
      flows:
        clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: { notes.read: Read notes } }
        deviceAuthorization:
          deviceAuthorizationUrl: https://auth.example.com/device
          tokenUrl: https://auth.example.com/token
          scopes: { notes.read: Read notes }
    legacyKey: { type: apiKey, in: header, name: X-Legacy-Key, deprecated: true }
`;

async function specFile(text: string): Promise<string> {
  const path = join(await tempDir(), "spec.yaml");
  await writeFile(path, text);
  return path;
}

const DEVICE = "#/components/securitySchemes/oauth/flows/deviceAuthorization: the OAuth2 device authorization flow is not run by the SDK";

describe("OpenAPI 3.2 fields", () => {
  it("are read into the model, with no lint warning and only the device flow warned about, by name", async () => {
    const model = await loadSpec("spec.yaml", await specFile(spec()));
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toContain(DEVICE);
    expect(model.self).toBe("https://specs.example.com/notes/openapi.yaml");
    const byId = (id: string) => model.resources[0]!.operations.find((op) => op.operationId === id);
    const [search, range] = [byId("search-notes"), byId("notes-in-range")];
    expect(search!.parameters.map((p) => [p.field, p.in, p.required, p.querystring?.mediaType])).toEqual([
      ["page", "query", false, undefined], ["filter", "querystring", true, "application/x-www-form-urlencoded"],
    ]);
    expect(search!.example).toEqual({ filter: { text: "groceries", tag: ["home"] } });
    // A component schema types it as it is; an inline one is the loader's internal copy, exported nowhere.
    expect(range!.parameters[0]!.querystring).toEqual({ mediaType: "application/json", schemaName: "Range" });
    expect(model.schemas.map((s) => s.name)).toEqual(["Range"]);
    expect(Object.keys(model.hoistedFrom ?? {})).toEqual(["SearchNotesFilterQuery"]);
    // A requirement may name its scheme by URI (3.2): it is the scheme's field all the same.
    expect(model.security).toEqual([{ oauth: ["notes.read"] }, { legacyKey: [] }]);
    expect(model.securitySchemes).toEqual([
      expect.objectContaining({ field: "oauth", kind: "oauth2", tokenUrl: "https://auth.example.com/token", acceptsToken: true, metadataUrl: "https://auth.example.com/.well-known/oauth-authorization-server" }),
      expect.objectContaining({ field: "legacyKey", kind: "apiKey", deprecated: true }),
    ]);
  });

  it("are lint findings still in a 3.1 document, where they are not valid", async () => {
    const model = await loadSpec("spec.yaml", await specFile(spec({ version: "3.1.0" })));
    expect(model.warnings.filter((w) => w.startsWith("lint:")).map((w) => w.replace(/^lint: line \d+: .*\(at (.*)\)$/, "$1"))).toEqual([
      "#/$self",
      "#/paths/~1notes/get/parameters/1/in",
      "#/paths/~1notes~1by-range/get/parameters/0/in",
      "#/components/securitySchemes/oauth/oauth2MetadataUrl",
      "#/components/securitySchemes/oauth/flows/deviceAuthorization",
      "#/components/securitySchemes/legacyKey/deprecated",
    ]);
  });

  it("warns by name and pointer about a querystring in a media type no query can hold, and leaves it out", async () => {
    const model = await loadSpec("spec.yaml", await specFile(spec({ media: "text/csv" })));
    expect(model.warnings).toContainEqual(expect.stringContaining(
      '#/paths/~1notes/get/parameters/1: querystring parameter "filter" is written as text/csv, which the SDK cannot put in a query',
    ));
    expect(model.resources[0]!.operations.find((op) => op.operationId === "search-notes")!.parameters.map((p) => p.field)).toEqual(["page"]);
  });

  it("generate a client whose querystring fields are typed by their schemas, with the schemes documented", async () => {
    const { files, packageFiles } = await generatePackage({ ...targetFor(await specFile(spec()), "Notes"), readme: { path: "README.md", specLink: "spec.yaml" } });
    const text = (path: string) => files.find((f) => f.path === path)!.contents;
    expect(text("notes.ts")).toContain('{ field: "filter", name: "filter", in: "querystring", required: true, mediaType: "application/x-www-form-urlencoded" }');
    expect(text("core.ts")).toMatch(/@deprecated The API is retiring this scheme\.\s*\*\/\s*legacyKey\?:/);
    expect(text("sdk.ts") + text("core.ts")).toContain("querystringParameters");
    const readme = packageFiles.find((f) => f.path === "README.md")!.contents;
    expect(readme).toContain("| `filter` | querystring (`filter`) | yes | What to look for. The whole query string, written as `application/x-www-form-urlencoded`. |");
    expect(readme).toContain("authorization server metadata: <https://auth.example.com/.well-known/oauth-authorization-server>");
    expect(readme).toMatch(/`X-Legacy-Key` header; \*\*deprecated\*\* by the API/);
    const consumer = `import { Notes } from "./generated/index.js";
export async function find(client: Notes): Promise<number> {
  const found = await client.notes.searchNotes({ page: 2, filter: { text: "milk", tag: ["home"] } });
  await client.notes.notesInRange({ range: { from: "2026-01-01", to: "2026-02-01" } });
  // @ts-expect-error the filter's schema requires text
  await client.notes.searchNotes({ filter: { tag: ["home"] } });
  return found.length;
}
`;
    // The README's examples (a querystring call with the spec's example among them) type-check too.
    const entry = `export * from "./generated/index.js";\nexport { SDKError, SDKValidationError, APIError } from "@x/runtime";\n`;
    const examples = Object.fromEntries(readmeExamples(readme).map((code, i) => [`readme-${i}.ts`, code.replaceAll('from "@x/fixture"', 'from "./fixture-index.js"').replaceAll('from "@x/fixture/testing"', 'from "./generated/testing.js"')]));
    expect(readme).toContain('filter: { text: "groceries", tag: ["home"] }');
    expect(await typecheck(files, { "consumer.ts": consumer, "fixture-index.ts": entry, ...examples })).toEqual([]);
  }, needs(3_000));
});
