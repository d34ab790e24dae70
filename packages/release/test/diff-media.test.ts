/** Other media types of a body or a success response are selectable per call (contentType / accept): judged as surface. */
import { expect, it } from "vitest";
import { diffSpecTexts } from "./diff/helpers.js";

const spec = (bodyTypes: string, responseTypes: string) => `openapi: 3.1.0
info: { title: Notes, version: "1" }
servers: [{ url: "https://notes.example.com" }]
paths:
  /notes:
    put:
      operationId: put-note
      requestBody:
        content: { application/json: { schema: { type: object } }${bodyTypes} }
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { type: object } }${responseTypes} }
`;


async function diff(before: string, after: string) {
  return (await diffSpecTexts(before, after)).map((c) => [c.bump, c.pointer, c.message]);
}

const TEXT = ", text/plain: { schema: { type: string } }";
const CSV = ", text/csv: { schema: { type: string } }";

it("judges a new body or response media type a minor, and a removed one a major", async () => {
  expect((await diff(spec("", ""), spec(TEXT, CSV))).map((c) => c[0])).toEqual(["minor", "minor"]);
  const removed = await diff(spec(TEXT, CSV), spec("", ""));
  expect(removed.map((c) => [c[0], c[1]])).toEqual([
    ["major", "#/paths/~1notes/put/requestBody/content/text~1plain"],
    ["major", "#/paths/~1notes/put/responses/200/content/text~1csv"],
  ]);
  expect(removed[0]![2]).toContain("callers naming it no longer compile");
});

it("judges a changed selectable media type a major to be safe, and its documentation a patch", async () => {
  expect((await diff(spec(TEXT, ""), spec(", text/plain: { schema: { type: string, maxLength: 3 } }", "")))[0]![0]).toBe("major");
  expect((await diff(spec(TEXT, ""), spec(", text/plain: { schema: { type: string, description: Words. } }", ""))).map((c) => c[0])).toEqual(["patch"]);
});
