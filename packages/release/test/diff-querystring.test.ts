/** spec:diff on OpenAPI 3.2 `in: querystring` parameters: their schema (under `content`) and their media type. */
import { describe, expect, it } from "vitest";
import { highestBump } from "../src/diff/index.js";
import { diffSpecTexts } from "./diff/helpers.js";

const spec = ({ media = "application/x-www-form-urlencoded", required = "[text]" } = {}) => `openapi: 3.2.0
info: { title: Notes, version: "1" }
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
