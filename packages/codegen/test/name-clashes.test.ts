/**
 * No spec is refused for a name clash: every clash is settled by the precedence of
 * load/type-names.ts (the client's surface, then schemas, then operation types, then webhook
 * payloads), with a warning naming both, and the package type-checks.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { targetFor, tempDir, typecheck } from "./helpers.js";

const SPEC = `openapi: 3.1.0
info: { title: Kennel, version: "1" }
servers: [{ url: "https://kennel.example.com" }]
tags: [{ name: Files }, { name: pet-store }, { name: PetStore }, { name: constructor }]
paths:
  /files:
    get:
      operationId: list-files
      tags: [Files]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Files" } } } }
        "404": { description: missing, content: { application/json: { schema: { $ref: "#/components/schemas/Fault" } } } }
  /stores/a:
    get:
      operationId: store-a
      tags: [pet-store]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Security" } } } }
  /stores/b:
    get:
      operationId: store-b
      tags: [PetStore]
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/pet-status" } } } }
  /builders:
    post:
      operationId: build
      tags: [constructor]
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Kennel" } } } }
      responses: { "204": { description: built } }
webhooks:
  pet-adopted:
    post:
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/PetStatus" } } } }
      responses: { "200": { description: ok } }
components:
  schemas:
    pet-status: { type: string, enum: [resting, playing] }
    PetStatus: { type: object, properties: { mood: { type: string } } }
    Security: { type: object, properties: { locks: { type: integer } } }
    Kennel: { type: object, properties: { size: { type: integer } } }
    KennelOptions: { type: object, properties: { heated: { type: boolean } } }
    ServerList: { type: array, items: { type: string } }
    SDK_VERSION: { type: string }
    Files: { type: object, properties: { names: { type: array, items: { type: string } } } }
    Fault: { type: object, properties: { message: { type: string } } }
    FaultData: { type: object, properties: { trace: { type: string } } }
    PetAdoptedWebhookPayload: { type: object, properties: { when: { type: string } } }
`;

it("settles every clash by precedence, with a warning naming both, and type-checks", async () => {
  const spec = join(await tempDir(), "kennel.yaml");
  await writeFile(spec, SPEC);
  const model = await loadSpec("kennel.yaml", spec, { clientName: "Kennel" });
  expect(model.warnings).toEqual([
    '#/tags: tag "PetStore" would be the client\'s petStore, as tag "pet-store" is; reached as petStore2 instead',
    '#/tags: tag "constructor" would be the client\'s constructor, which the client reserves; reached as constructor2 instead',
    "#/components/schemas/Security: its type Security would clash with the client; named SecurityModel instead",
    "#/components/schemas/Kennel: its type Kennel would clash with the client class; named KennelModel instead",
    "#/components/schemas/KennelOptions: its type KennelOptions would clash with the client's options type; named KennelOptionsModel instead",
    "#/components/schemas/ServerList: its type ServerList would clash with the client; named ServerListModel instead",
    "#/components/schemas/SDK_VERSION: its type SDK_VERSION would clash with the client; named SDK_VERSIONModel instead",
    "#/components/schemas/FaultData: its type FaultData would clash with schema Fault; named FaultDataModel instead",
    "#/components/schemas/pet-status: its type PetStatus would clash with schema PetStatus; named PetStatusModel instead",
    "#/webhooks/pet-adopted/post: its payload type PetAdoptedWebhookPayload would clash with schema PetAdoptedWebhookPayload; named PetAdoptedWebhookPayload2 instead",
  ]);
  expect(model.resources.map((r) => [r.tag, r.property])).toEqual([["Files", "files"], ["pet-store", "petStore"], ["PetStore", "petStore2"], ["constructor", "constructor2"]]);
  const { files } = await generatePackage(targetFor(spec, "Kennel"));
  const consumer = `import { Kennel, Fault, type Files, type FaultData, type FaultDataModel, type KennelModel, type KennelOptions, type KennelOptionsModel,
  type PetStatus, type PetStatusModel, type PetAdoptedWebhookPayload, type PetAdoptedWebhookPayload2, type Security, type SecurityModel,
  type ServerListModel, type SDK_VERSIONModel } from "./generated/index.js";
const options: KennelOptions = {};
export const client = new Kennel(options);
export async function use(status: PetStatusModel, adopted: PetAdoptedWebhookPayload2, hook: PetAdoptedWebhookPayload, servers: ServerListModel,
  version: SDK_VERSIONModel, heated: KennelOptionsModel, trace: FaultDataModel, fault: FaultData, security?: Security): Promise<string> {
  const files: Files = await client.files.listFiles();
  const locks: SecurityModel = await client.petStore.storeA();
  const mood: PetStatusModel = await client.petStore2.storeB();
  const kennel: KennelModel = { size: 2 };
  await client.constructor2.build({ kennel });
  const pet: PetStatus = adopted;
  return [files.names, locks.locks, mood, status, pet.mood, hook.when, servers[0], version, heated.heated, trace.trace, fault.message, security, Fault.name].join();
}
`;
  expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
}, needs(6_000));

it("renames a client whose name the package uses for something else", async () => {
  const spec = join(await tempDir(), "kennel.yaml");
  await writeFile(spec, SPEC);
  const { files, warnings } = await generatePackage(targetFor(spec, "Security"));
  expect(warnings).toContain("#: the client class cannot be named Security, which the generated package uses for its own Security; named SecurityClient instead (set x-codegen.clientName to choose)");
  const consumer = `import { SecurityClient, type Security, type SecurityModel } from "./generated/index.js";
const credentials: Security = {};
export const read = (): Promise<SecurityModel> => new SecurityClient({ security: credentials }).petStore.storeA();
`;
  expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
}, needs(3_000));
