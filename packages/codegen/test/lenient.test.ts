/**
 * Real specs are sloppy: what a correct SDK can still be generated from is accepted with a
 * located warning, and the output type-checks.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

async function specFile(source: string): Promise<string> {
  const path = join(await tempDir(), "spec.yaml");
  await writeFile(path, source);
  return path;
}

const NO_RESPONSES = `openapi: 3.1.0
info: { title: Beacons, version: "1" }
servers: [{ url: "https://beacons.example.com" }]
paths:
  /beacons/{beaconId}/ping:
    post:
      operationId: ping-beacon
      tags: [Beacons]
      parameters: [{ name: beaconId, in: path, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, properties: { strength: { type: integer } } } } } }
`;

describe("an operation that documents no response", () => {
  it("is generated with a warning and resolves to unknown", async () => {
    const spec = await specFile(NO_RESPONSES);
    const model = await loadSpec("spec.yaml", spec);
    expect(model.warnings).toEqual([
      "#/paths/~1beacons~1{beaconId}~1ping/post: documents no response; the method resolves to whatever 2xx body arrives (typed unknown), undefined when empty",
    ]);
    expect(model.kindedWarnings.map((w) => w.kind)).toEqual(["responses"]);
    const op = model.resources[0]!.operations[0]!;
    expect(op.response).toEqual({ kind: "unknown", status: "2XX" });
    const { files } = await generatePackage(targetFor(spec, "Beacons"));
    expect(files.find((f) => f.path === "beacons.ts")!.contents).toContain('response: "unknown"');
    const consumer = `import { Beacons } from "./generated/index.js";
export async function ping(client: Beacons): Promise<unknown> {
  const answer = await client.beacons.pingBeacon({ beaconId: "b1", requestBody: { strength: 3 } });
  // @ts-expect-error: an undocumented answer is unknown, not any
  answer.anything;
  return answer;
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(10_000));
});

const MAPPINGS = `openapi: 3.0.3
info: { title: Shapes, version: "1" }
servers: [{ url: "https://shapes.example.com" }]
paths:
  /shapes:
    post:
      operationId: add-shape
      requestBody:
        content:
          application/json:
            schema:
              oneOf: [{ $ref: "#/components/schemas/Circle" }, { $ref: "#/components/schemas/Square" }]
              discriminator:
                propertyName: kind
                mapping: { round: Circle, boxy: "#/components/schemas/Square", pointy: "#/components/schemas/Triangle" }
      responses: { "204": { description: added } }
components:
  schemas:
    Circle: { type: object, required: [kind], properties: { kind: { type: string }, radius: { type: number } } }
    Square: { type: object, required: [kind], properties: { kind: { type: string }, side: { type: number } } }
`;

describe("discriminator mappings", () => {
  it("reads a bare schema name as its pointer and leaves out a value that names nothing, with warnings", async () => {
    const spec = await specFile(MAPPINGS);
    const model = await loadSpec("spec.yaml", spec);
    const at = "#/paths/~1shapes/post/requestBody/content/application~1json/schema/discriminator/mapping";
    expect(model.kindedWarnings.filter((w) => w.kind === "discriminators").map((w) => w.text)).toEqual([
      `${at}/round: the bare schema name "Circle" is read as #/components/schemas/Circle`,
      `${at}/pointy: "#/components/schemas/Triangle" names no schema of this document; left out of the mapping (the union's members still come from its oneOf/anyOf)`,
    ]);
    const { files } = await generatePackage(targetFor(spec, "Shapes"));
    const consumer = `import { Shapes } from "./generated/index.js";
export async function add(client: Shapes): Promise<void> {
  await client.addShape({ requestBody: { kind: "round", radius: 2 } });
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(7_000));
});

const PATH_MISMATCH = `openapi: 3.0.3
info: { title: Lockers, version: "1" }
servers: [{ url: "https://lockers.example.com" }]
paths:
  /sites/{siteId}/lockers/{lockerId}:
    get:
      operationId: get-locker
      tags: [Lockers]
      parameters:
        - { name: siteId, in: path, required: true, schema: { type: integer } }
        - { name: bay, in: path, required: true, schema: { type: string } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { open: { type: boolean } } } } } }
`;

describe("path parameters that do not match the path", () => {
  it("adds the template's undeclared {name} as a string, leaves out the unused one, and type-checks", async () => {
    const spec = await specFile(PATH_MISMATCH);
    const model = await loadSpec("spec.yaml", spec);
    expect(model.warnings).toEqual([
      '#/paths/~1sites~1{siteId}~1lockers~1{lockerId}/get/parameters/1: path parameter "bay" does not appear in the path /sites/{siteId}/lockers/{lockerId}; left out',
      "#/paths/~1sites~1{siteId}~1lockers~1{lockerId}/get: the path's {lockerId} has no path parameter; generated as a required string path parameter",
    ]);
    const { files } = await generatePackage(targetFor(spec, "Lockers"));
    const consumer = `import { Lockers } from "./generated/index.js";
export async function open(client: Lockers): Promise<boolean> {
  const locker = await client.lockers.getLocker({ siteId: 4, lockerId: "L-2" });
  // @ts-expect-error: the unused parameter is not part of the request
  await client.lockers.getLocker({ siteId: 4, lockerId: "L-2", bay: "x" });
  return locker.open ?? false;
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(4_000));
});

const RECURSIVE = `openapi: 3.0.3
info: { title: Trees, version: "1" }
servers: [{ url: "https://trees.example.com" }]
paths:
  /trees:
    post:
      operationId: plant-tree
      tags: [Trees]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                branch:
                  type: object
                  properties:
                    label: { type: string }
                    forks: { type: array, items: { $ref: "#/paths/~1trees/post/requestBody/content/application~1json/schema/properties/branch" } }
      responses:
        "200":
          description: planted
          content:
            application/json:
              schema:
                type: object
                properties:
                  top: { $ref: "#/paths/~1trees/post/requestBody/content/application~1json/schema/properties/branch" }
                  event: { $ref: "#/components/schemas/Envelope" }
components:
  schemas:
    Envelope:
      type: object
      properties:
        kind: { type: string }
        payload:
          type: object
          properties:
            inner: { $ref: "#/components/schemas/Envelope/properties/payload" }
            wrapped: { $ref: "#/components/schemas/Envelope" }
`;

describe("recursive schemas", () => {
  it("type-check in strict mode when they recurse through a path's schema or a property of their own", async () => {
    const spec = await specFile(RECURSIVE);
    const model = await loadSpec("spec.yaml", spec);
    expect(model.hoistedFrom).toEqual({
      Branch: "#/paths/~1trees/post/requestBody/content/application~1json/schema/properties/branch",
      EnvelopePayload: "#/components/schemas/Envelope/properties/payload",
    });
    const { files } = await generatePackage(targetFor(spec, "Trees"));
    const consumer = `import { Trees } from "./generated/index.js";
export async function depth(client: Trees): Promise<number> {
  const planted = await client.trees.plantTree({ requestBody: { branch: { label: "root", forks: [{ label: "left", forks: [] }] } } });
  const inner = planted.event?.payload?.inner?.inner?.wrapped?.kind;
  return (planted.top?.forks?.[0]?.forks?.length ?? 0) + (inner?.length ?? 0);
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(3_000));
});
