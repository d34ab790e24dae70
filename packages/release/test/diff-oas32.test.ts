/**
 * spec:diff on OpenAPI 3.2 fields: `in: querystring` parameters (their schema under `content`
 * and their media type), `$self`, and the security schemes' `deprecated` and `oauth2MetadataUrl`.
 */
import { describe, expect, it } from "vitest";
import { highestBump } from "../src/diff/index.js";
import { diffSpecTexts } from "./diff/helpers.js";

const spec = ({ media = "application/x-www-form-urlencoded", required = "[text]", self = "", key = "", oauth = "" } = {}) => `openapi: 3.2.0
${self}info: { title: Notes, version: "1" }
servers: [{ url: "https://notes.example.com" }]
paths:
  /notes:
    get:
      operationId: search-notes
      parameters:
        - name: filter
          in: querystring
          content:
            ${media}:
              schema: { type: object, required: ${required}, properties: { text: { type: string }, tag: { type: string } } }
      responses:
        "204": { description: Searched. }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key${key} }
    oauth:
      type: oauth2${oauth}
      flows:
        clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: {} }
`;

describe("spec:diff on a querystring parameter", () => {
  it("finds no change in the same spec", async () => {
    expect(await diffSpecTexts(spec(), spec())).toEqual([]);
  });

  it("judges a newly required property of its schema major, where the spec writes it", async () => {
    const changes = await diffSpecTexts(spec(), spec({ required: "[text, tag]" }));
    expect(highestBump(changes)).toBe("major");
    expect(changes[0]!.pointer).toBe("#/paths/~1notes/get/parameters/0/content/application~1x-www-form-urlencoded/schema/required");
  });

  it("judges another media type major: the query goes in another form", async () => {
    const changes = await diffSpecTexts(spec(), spec({ media: "application/json" }));
    expect(highestBump(changes)).toBe("major");
    expect(changes.map((c) => c.message)).toContainEqual(expect.stringContaining("parameter filter: written as application/json instead of application/x-www-form-urlencoded"));
  });
});

describe("spec:diff on the 3.2 document and security scheme fields", () => {
  it.each([
    { at: "$self given", after: { self: "$self: https://specs.example.com/notes.yaml\n" }, bump: "patch", pointer: "#/$self" },
    { at: "a scheme deprecated (its field is marked @deprecated)", after: { key: ", deprecated: true" }, bump: "minor", pointer: "#/components/securitySchemes/key/deprecated" },
    { at: "OAuth2 metadata given (documentation)", after: { oauth: "\n      oauth2MetadataUrl: https://auth.example.com/.well-known/oauth-authorization-server" }, bump: "patch", pointer: "#/components/securitySchemes/oauth/oauth2MetadataUrl" },
  ])("$at: $bump", async ({ after, bump, pointer }) => {
    const changes = await diffSpecTexts(spec(), spec(after));
    expect(changes.map((c) => [c.bump, c.pointer]), JSON.stringify(changes, null, 2)).toEqual([[bump, pointer]]);
  });

  it("judges a scheme no longer deprecated a patch", async () => {
    const changes = await diffSpecTexts(spec({ key: ", deprecated: true" }), spec());
    expect(changes.map((c) => [c.bump, c.message])).toEqual([["patch", "client: security.key is no longer deprecated"]]);
  });
});
