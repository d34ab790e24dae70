/** A Swagger 2.0 document is converted to OpenAPI 3.0 and generated, with a warning, not refused. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generatePackage } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { FIXTURES, targetFor, typecheck } from "./helpers.js";

const SPEC = join(FIXTURES, "swagger2.yaml");

const CONSUMER = `import { Kennel, Problem, type Dog, type NewDog } from "./generated/index.js";
const kennel = new Kennel({ security: { apiKey: "key" } });
export async function use(): Promise<string[]> {
  const fresh: NewDog = { name: "Rex", breed: "collie" };
  const added: Dog = await kennel.dogs.addDog({ newDog: fresh });
  const one = await kennel.dogs.getDog({ dogId: added.id });
  try {
    const all = await kennel.dogs.listDogs({ breed: "beagle", limit: 10 });
    return [one.name, ...all.map((d) => d.id)];
  } catch (error) {
    if (error instanceof Problem) return [error.message];
    throw error;
  }
}
`;

describe("Swagger 2.0", () => {
  it("loads as its OpenAPI 3.0 conversion, saying so in a warning", async () => {
    const model = await loadSpec("swagger2.yaml", SPEC);
    expect(model.warnings).toEqual([expect.stringMatching(/^#\/swagger: a Swagger 2\.0 document; generated from its OpenAPI 3\.0 conversion by swagger2openapi/)]);
    expect(model.servers).toEqual([{ url: "https://kennel.example.com/v1" }]);
    expect(model.securitySchemes).toEqual([expect.objectContaining({ field: "apiKey", kind: "apiKey", in: "header", name: "X-API-Key" })]);
    const ops = model.resources.flatMap((r) => r.operations.map((o) => `${r.property}.${o.methodName} ${o.method.toUpperCase()} ${o.path}`));
    expect(ops.sort()).toEqual(["dogs.addDog POST /dogs", "dogs.getDog GET /dogs/{dogId}", "dogs.listDogs GET /dogs"]);
    expect(model.resources[0]!.operations.find((o) => o.methodName === "addDog")?.body).toMatchObject({ field: "newDog", required: true, mediaType: "application/json" });
  });

  it("generates an SDK that type-checks in strict mode with a consumer", async () => {
    const { files, warnings } = await generatePackage(targetFor(SPEC, "Kennel", "test/fixtures/swagger2.yaml"));
    expect(warnings).toHaveLength(1);
    expect(await typecheck(files, { "consumer.ts": CONSUMER })).toEqual([]);
  }, needs(4_000));
});
