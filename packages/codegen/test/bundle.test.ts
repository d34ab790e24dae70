/** A spec written as many files → one document: where each referenced object lands, its name, and what is refused. */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CodegenError } from "../src/errors.js";
import { baseName, nameTargets, type BundleTarget } from "../src/load/bundle-names.js";
import { bundleDocument, bundleSpecFile, hasFileRefs } from "../src/load/bundle.js";
import { childKind, componentSection, type ObjectKind } from "../src/load/object-kinds.js";
import { parseSource } from "../src/load/parse-source.js";
import { resolvePointer } from "../src/load/refs.js";
import { FIXTURES, tempDir } from "./helpers.js";

const FLEET = join(FIXTURES, "multi-file");
const ROOT = join(FLEET, "fleet.yaml");

type Doc = Record<string, any>;

async function bundleAt(path: string): Promise<{ document: Doc; files: readonly string[] }> {
  return bundleDocument("fleet.yaml", path, parseSource("fleet.yaml", await readFile(path, "utf8")) as Doc);
}

/** A copy of the fixture tree, to break. */
async function fleetCopy(): Promise<string> {
  const dir = await tempDir("x-bundle-");
  await cp(FLEET, dir, { recursive: true });
  return dir;
}

describe("bundling the multi-file fixture", async () => {
  const { document, files } = await bundleAt(ROOT);
  const schemas = document.components.schemas as Doc;

  it("reads every file once and leaves no reference to another file", () => {
    expect([...files].sort()).toEqual([
      "examples/van-7.yaml", "fleet.yaml", "models/billing/errors.yaml", "models/billing/invoice.yaml", "models/depot.yaml", "models/ids.yaml",
      "models/position.yaml", "models/positions.yaml", "models/vehicle-page.yaml", "models/vehicle.yaml", "paths/depots/depot-vehicles.yaml", "paths/position.yaml",
      "paths/samples/get-vehicle.yaml", "paths/vehicle.yaml", "paths/vehicles.yaml", "shared/errors.yaml", "shared/parameters.yaml",
    ]);
    expect(hasFileRefs(document)).toBe(false);
    // Every local reference leads somewhere.
    const refs: string[] = [];
    JSON.stringify(document, (key, value) => (key === "$ref" && refs.push(value), value));
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolvePointer(document, ref), ref).toBeDefined();
  });

  it("copies path items in place, refs inside them resolved against their own file", () => {
    expect(document.paths["/vehicles"].get.operationId).toBe("listVehicles");
    expect(document.paths["/vehicles"].get.parameters).toEqual([{ $ref: "#/components/parameters/limit" }]);
    expect(document.paths["/vehicles/{vehicleId}"].parameters).toEqual([{ $ref: "#/components/parameters/vehicleId" }]);
    expect(document.paths["/depots/{depotId}/vehicles"].get.responses["404"]).toEqual({ $ref: "#/components/responses/NotFound" });
    // An example's ref to a file is what its author means: copied in place.
    expect(document.paths["/vehicles/{vehicleId}"].get.responses["200"].content["application/json"].example).toEqual({ vehicleId: "van-7", plate: "FL-0007", kind: "van", status: "active" });
    // An extension's refs to other files are copied in place too.
    expect(document.paths["/vehicles/{vehicleId}"].get["x-codeSamples"]).toEqual([{ lang: "cURL", source: "curl https://fleet.example.test/v1/vehicles/van-7" }]);
  });

  it("puts each referenced object in its component section, named by the documented rule", () => {
    expect(Object.keys(schemas).sort()).toEqual([
      "Address", "BillingErrorsError", "CellFix", "Depot", "GpsFix", "Invoice", "Position", "SharedErrorsError", "Status", "Vehicle", "VehicleId", "VehiclePage",
    ]);
    expect(Object.keys(document.components.parameters).sort()).toEqual(["depotId", "limit", "vehicleId"]);
    expect(Object.keys(document.components.responses).sort()).toEqual(["Invalid", "NotFound"]);
    // Rule 1: the root's `Vehicle: { $ref: models/vehicle.yaml }` gives the file its name, and holds it.
    expect(schemas.Vehicle.description).toBe("A vehicle of the fleet.");
    expect(document.paths["/vehicles"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Vehicle" });
    // A ref back into the root (into the middle of one of its schemas) becomes local.
    expect(schemas.Vehicle.properties.status).toEqual({ $ref: "#/components/schemas/Status/properties/state" });
    // Refs into refs: the shared parameter's schema is another file's definition.
    expect(document.components.parameters.vehicleId.schema).toEqual({ $ref: "#/components/schemas/VehicleId" });
    // A ref into the middle of a file takes the keys that lead there.
    expect(schemas.Address).toEqual(schemas.Depot.properties.address);
    // A discriminator's mapping names the schemas its oneOf refers to.
    expect(schemas.Position.discriminator.mapping).toEqual({ gps: "#/components/schemas/GpsFix", cell: "#/components/schemas/CellFix" });
    expect(schemas.Position.oneOf).toEqual([{ $ref: "#/components/schemas/GpsFix" }, { $ref: "#/components/schemas/CellFix" }]);
    // Two files define `Error`: each is qualified by its file and then folders until they differ.
    expect(schemas.SharedErrorsError.required).toEqual(["message"]);
    expect(schemas.BillingErrorsError.required).toEqual(["code", "reason"]);
    expect(document.components.responses.NotFound.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/SharedErrorsError" });
  });

  it("writes one YAML document that parses to the bundle, and bundles the same every time", async () => {
    const { text, bundled } = bundleSpecFile("fleet.yaml", ROOT);
    expect(bundled).toBe(true);
    expect(text).not.toMatch(/[&*]a\d/); // no YAML anchors or aliases
    expect(parse(text)).toEqual(document);
    expect(JSON.parse(bundleSpecFile("fleet.yaml", ROOT, "json").text)).toEqual(document);
    expect((await bundleAt(ROOT)).document).toEqual(document);
  });

  it("leaves a spec without references to other files as written", async () => {
    const single = join(FIXTURES, "minimal.yaml");
    expect(bundleSpecFile("minimal.yaml", single)).toEqual({ text: await readFile(single, "utf8"), files: ["minimal.yaml"], bundled: false });
  });
});

describe("where a referenced object belongs", () => {
  const kindAt = (path: string): ObjectKind => path.split("/").reduce<ObjectKind>((kind, key) => childKind(kind, key), "document");
  it.each([
    { given: "paths/~1pets", want: "pathItem", section: undefined },
    { given: "paths/~1pets/get", want: "operation", section: undefined },
    { given: "paths/~1pets/parameters/0", want: "parameter", section: "parameters" },
    { given: "paths/~1pets/get/requestBody", want: "requestBody", section: "requestBodies" },
    { given: "paths/~1pets/get/responses/200", want: "response", section: "responses" },
    { given: "paths/~1pets/get/responses/200/headers/X-Rate", want: "header", section: "headers" },
    { given: "paths/~1pets/get/responses/200/content/application~1json/schema", want: "schema", section: "schemas" },
    { given: "paths/~1pets/get/responses/200/content/text~1event-stream/itemSchema", want: "schema", section: "schemas" },
    { given: "paths/~1pets/get/responses/200/content/application~1json/examples/one", want: "example", section: "examples" },
    { given: "paths/~1pets/get/responses/200/content/application~1json/example", want: "literal", section: undefined },
    { given: "paths/~1pets/get/callbacks/onEvent/{$request.body#~1url}/post", want: "operation", section: undefined },
    { given: "components/schemas/Pet/properties/owner/allOf/1/items", want: "schema", section: "schemas" },
    { given: "components/schemas/Pet/properties/x-rate", want: "schema", section: "schemas" },
    { given: "components/schemas/Pet/x-internal", want: "extension", section: undefined },
    { given: "paths/~1pets/get/x-codeSamples/0", want: "extension", section: undefined },
    { given: "components/securitySchemes/key", want: "securityScheme", section: "securitySchemes" },
    { given: "webhooks/newPet/post/parameters/0", want: "parameter", section: "parameters" },
  ])("$given is a $want", ({ given, want, section }) => {
    expect(kindAt(given)).toBe(want);
    expect(componentSection(kindAt(given))).toBe(section);
  });
});

describe("names of bundled components", () => {
  const target = (file: string, pointer: string, section = "schemas"): BundleTarget => ({ section, file, pointer });

  it.each([
    { given: target("shared/errors.yaml", "/components/schemas/Error"), want: "Error" },
    { given: target("shared/parameters.yaml", "/vehicleId"), want: "vehicleId" },
    { given: target("models/vehicle-page.yaml", ""), want: "VehiclePage" },
    { given: target("models/depot.yaml", "/properties/address"), want: "Address" },
    { given: target("models/all.yaml", "/Depot/properties/address/properties/city"), want: "DepotAddressCity" },
    { given: target("weird.yaml", "/a b:c"), want: "a_b_c" },
  ])("$given.file#$given.pointer wants $want", ({ given, want }) => expect(baseName(given)).toBe(want));

  it("qualifies clashing names by file, then folders, whatever the order they were found in", () => {
    const targets = [
      target("a/errors.yaml", "/Error"),
      target("b/errors.yaml", "/Error"),
      target("common.yaml", "/Error"),
      target("status.yaml", ""),
      target("pet.yaml", "", "parameters"),
      target("animals/pet.yaml", ""),
      target("apps/parameters.yaml", "/app_id", "parameters"),
      target("droplets/parameters.yaml", "/app_id", "parameters"),
    ];
    const taken = new Map([["schemas", new Set(["Status"])]]);
    const names = nameTargets(targets, taken);
    expect([...nameTargets([...targets].reverse(), taken)].sort()).toEqual([...names].sort());
    expect(Object.fromEntries([...names].map(([k, v]) => [k.replace(/^\S+ /, ""), v]))).toEqual({
      "a/errors.yaml#/Error": "AErrorsError",
      "b/errors.yaml#/Error": "BErrorsError",
      "common.yaml#/Error": "CommonError",
      // The root already has a Status.
      "status.yaml#": "StatusStatus",
      // Sections are named apart.
      "pet.yaml#": "Pet",
      "animals/pet.yaml#": "Pet",
      // A qualified name is pascal-cased whole.
      "apps/parameters.yaml#/app_id": "AppsParametersAppId",
      "droplets/parameters.yaml#/app_id": "DropletsParametersAppId",
    });
  });
});

describe("what cannot be bundled", () => {
  it("names the file that refers to a missing file and the pointer of its $ref", async () => {
    const dir = await fleetCopy();
    await rm(join(dir, "models/ids.yaml"));
    const error = await bundleAt(join(dir, "fleet.yaml")).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    const problems = (error as CodegenError).problems;
    expect(problems).toContain('shared/parameters.yaml: #/vehicleId/schema/$ref: $ref "../models/ids.yaml#/VehicleId": models/ids.yaml does not exist');
    expect(problems).toContain('models/vehicle.yaml: #/properties/vehicleId/$ref: $ref "ids.yaml#/VehicleId": models/ids.yaml does not exist');
    expect((error as CodegenError).file).toBe("fleet.yaml");
  });

  it("names an example's ref to a missing file (openapi-typescript would resolve it too)", async () => {
    const dir = await fleetCopy();
    await rm(join(dir, "examples/van-7.yaml"));
    await expect(bundleAt(join(dir, "fleet.yaml"))).rejects.toThrow('paths/vehicle.yaml: #/get/responses/200/content/application~1json/example/$ref: $ref "../examples/van-7.yaml": examples/van-7.yaml does not exist');
  });

  it("names a pointer that leads nowhere in a file that exists", async () => {
    const dir = await fleetCopy();
    const path = join(dir, "paths/vehicles.yaml");
    await writeFile(path, (await readFile(path, "utf8")).replace("parameters.yaml#/limit", "parameters.yaml#/pageSize"));
    await expect(bundleAt(join(dir, "fleet.yaml"))).rejects.toThrow('paths/vehicles.yaml: #/get/parameters/0/$ref: $ref "../shared/parameters.yaml#/pageSize": shared/parameters.yaml has nothing at #/pageSize');
  });

  it("refuses a cycle of path items, which can only be copied in place", async () => {
    const dir = await fleetCopy();
    await writeFile(join(dir, "paths/vehicle.yaml"), "$ref: vehicles.yaml\n");
    await writeFile(join(dir, "paths/vehicles.yaml"), "$ref: vehicle.yaml\n");
    await expect(bundleAt(join(dir, "fleet.yaml"))).rejects.toThrow(/a cycle of references to objects that have to be copied in place/);
  });
});
