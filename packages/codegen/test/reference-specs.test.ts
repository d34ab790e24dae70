/**
 * Generality: the vendor's full published specs (hundreds of operations, nested
 * $refs, `nullable` in 3.1, name-override maps) generate and type-check.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { REPO_ROOT, targetFor, typecheck } from "./helpers.js";

const REFERENCE_SPECS = join(REPO_ROOT, "../shared/reference-specs");

describe.each([
  { spec: "codat-common.yaml", clientName: "Platform", resources: 8, operations: 34, connections: ["create", "delete", "get", "list", "unlink", "updateAuthorization"] },
  { spec: "codat-sync-commerce-v1.yaml", clientName: "SyncForCommerce", resources: 25, operations: 59, connections: ["deleteConnection", "getConnection", "unlink"] },
])("reference spec $spec", ({ spec, clientName, resources, operations, connections }) => {
  const path = join(REFERENCE_SPECS, spec);

  it("is present beside the repository (../shared/reference-specs)", () => {
    expect(existsSync(path), `${path} is missing`).toBe(true);
  });

  it("loads every operation into named resources", async () => {
    const model = await loadSpec(spec, path);
    expect(model.resources.length).toBe(resources);
    expect(model.resources.flatMap((r) => r.operations).length).toBe(operations);
    // The vendor's own name overrides give the method names of its published SDKs (see ../shared/seeds).
    expect(model.resources.find((r) => r.property === "connections")?.operations.map((o) => o.methodName)).toEqual(connections);
  });

  it("generates output that type-checks in strict mode", async () => {
    const files = await generateFiles(targetFor(path, clientName, spec));
    expect(await typecheck(files)).toEqual([]);
  }, 120_000);
});
