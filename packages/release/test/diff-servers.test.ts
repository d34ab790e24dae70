/** Servers of a path item or an operation: the client sends calls there, and their variables type ServerVariables. */
import { expect, it } from "vitest";
import { diffSpecTexts } from "./diff/helpers.js";

const spec = (pathServers: string, opServers: string) => `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com" }]
paths:
  /pets:
    servers: ${pathServers}
    get:
      operationId: list-pets
      responses: { "204": { description: none } }
  /photos:
    post:
      operationId: add-photo
      servers: ${opServers}
      responses: { "204": { description: none } }
`;
const zoned = (values: string) => `[{ url: "https://{zone}.photos.example.com", variables: { zone: { default: a, enum: [${values}] } } }]`;


async function diff(before: string, after: string) {
  return (await diffSpecTexts(before, after)).map((c) => [c.bump, c.pointer, c.message]);
}

it("judges an operation's new server a minor: calls go there", async () => {
  const changes = await diff(spec("[]", zoned("a, b")), spec("[]", zoned("a, b, c")));
  expect(changes).toEqual([["minor", "#/paths/~1photos/post/servers", expect.stringContaining("sends the operation to its first server")]]);
});

it("judges a server variable's lost enum value a major: ServerVariables narrows", async () => {
  const changes = await diff(spec("[]", zoned("a, b")), spec("[]", zoned("a")));
  expect(changes).toEqual([["major", "#/paths/~1photos/post/servers", expect.stringContaining('ServerVariables no longer takes zone = "b"')]]);
  const onPath = await diff(spec(zoned("a, b"), "[]"), spec(zoned("a"), "[]"));
  expect(onPath).toEqual([["major", expect.stringMatching(/^#\/paths\/~1pets\/servers/), expect.stringContaining('ServerVariables no longer takes zone = "b"')]]);
});

it("judges a path's new servers a minor", async () => {
  const changes = await diff(spec("[]", "[]"), spec('[{ url: "https://pets-eu.example.com" }]', "[]"));
  expect(changes.map((c) => c[0])).toEqual(["minor"]);
  expect(changes[0]![2]).toContain("sends the path's operations to its first server");
});
