/**
 * spec:diff judges the exported surface (component schemas, operation, webhook and error types),
 * not the loader's copies of schemas that `$ref`s point into the middle of: moving where such a
 * schema is defined changes nothing a caller imports.
 */
import { describe, expect, it } from "vitest";
import { highestBump } from "../src/diff/index.js";
import { diffSpecTexts } from "./diff/helpers.js";

/** `idRef` is where the company id's schema is referenced from; `idSchema` is its definition in the create body. */
const spec = ({ idRef, paramSchema, idSchema, extra = "" }: { idRef: string; paramSchema: string; idSchema: string; extra?: string }) => `openapi: 3.1.0
info: { title: Ledger, version: "1" }
servers: [{ url: "https://ledger.example.com" }]
paths:
  /firms:
    post:
      operationId: create-firm
      tags: [firms]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [id, name]
              properties:
                id: ${idSchema}
                name: { type: string }
      responses:
        "201":
          description: Created.
          content: { application/json: { schema: { $ref: "#/components/schemas/Firm" } } }
  /firms/{firmId}:
    get:
      operationId: get-firm
      tags: [firms]
      parameters: [{ $ref: "#/components/parameters/firmId" }]
      responses:
        "200":
          description: The firm.
          content: { application/json: { schema: { $ref: "#/components/schemas/Firm" } } }
  /firms/{firmId}/ledgers:
    get:
      operationId: list-ledgers
      tags: [ledgers]
      parameters:
        - { name: firmId, in: path, required: true, schema: { $ref: "${idRef}" } }
      responses:
        "200":
          description: The firm's ledgers.
          content:
            application/json:
              schema: { type: array, items: { type: object, properties: { firm: { $ref: "${idRef}" } } } }
${extra}components:
  parameters:
    firmId:
      name: firmId
      in: path
      required: true
      schema: ${paramSchema}
  schemas:
    Firm:
      type: object
      required: [id]
      properties:
        id: { $ref: "${idRef}" }
        name: { type: string }
`;

const ID = `{ type: string, format: uuid, description: "The firm's identifier." }`;
const BODY_ID = "#/paths/~1firms/post/requestBody/content/application~1json/schema/properties/id";
/** Before: the id is defined on the shared parameter and referenced into it (hoisted as `FirmId`). */
const before = spec({ idRef: "#/components/parameters/firmId/schema", paramSchema: ID, idSchema: ID });

describe("spec:diff on the exported surface", () => {
  it("judges a definition moved into a path's request body, unchanged on the wire, none or patch", async () => {
    // After: the same schema is defined once in the create body, and everything points there (hoisted as `Id`).
    const after = spec({ idRef: BODY_ID, paramSchema: `{ $ref: "${BODY_ID}" }`, idSchema: ID });
    const changes = await diffSpecTexts(before, after);
    const report = JSON.stringify(changes, null, 2);
    expect(["none", "patch"], report).toContain(highestBump(changes));
    expect(changes.filter((c) => /\bFirmId\b|\bId\b/.test(c.message)), report).toEqual([]);
  });

  it("still judges a change inside the moved definition where it is used", async () => {
    const narrowed = `{ type: string, format: uuid, maxLength: 36, description: "The firm's identifier." }`;
    const after = spec({ idRef: BODY_ID, paramSchema: `{ $ref: "${BODY_ID}" }`, idSchema: narrowed });
    const changes = await diffSpecTexts(before, after);
    expect(highestBump(changes), JSON.stringify(changes, null, 2)).toBe("major");
    expect(changes.some((c) => c.message.includes("maxLength") && c.pointer.startsWith(BODY_ID)), JSON.stringify(changes, null, 2)).toBe(true);
  });

  it("adds no exported name when a new nested $ref appears", async () => {
    const extra = `  /firms/{firmId}/name:
    get:
      operationId: get-firm-name
      tags: [firms]
      parameters: [{ $ref: "#/components/parameters/firmId" }]
      responses:
        "200":
          description: The name.
          content: { application/json: { schema: { $ref: "#/components/schemas/Firm/properties/name" } } }
`;
    const changes = await diffSpecTexts(before, spec({ idRef: "#/components/parameters/firmId/schema", paramSchema: ID, idSchema: ID, extra }));
    expect(highestBump(changes)).toBe("minor");
    // The new method's own function is a new export; the copy of Firm's `name` property is none.
    expect(changes.map((c) => c.message).filter((m) => m.includes("exported")), JSON.stringify(changes, null, 2)).toEqual(["new exported name firmsGetFirmName"]);
  });

  it("keeps removing a component schema major", async () => {
    const after = before.replace(/\n {4}Firm:[\s\S]*$/, "\n    Other: { type: string }\n").replaceAll(`{ $ref: "#/components/schemas/Firm" }`, "{ type: object }");
    const changes = await diffSpecTexts(before, after);
    expect(highestBump(changes)).toBe("major");
    expect(changes.some((c) => c.message.includes("exported model type Firm removed")), JSON.stringify(changes, null, 2)).toBe(true);
  });
});
