/**
 * A spec written as many files, end to end: generated from its root (the loader bundles it),
 * from the bundle sdk:new writes, and linked with `sdk:new --link`; a missing file refused
 * with nothing written.
 */
import { existsSync } from "node:fs";
import { cp, lstat, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { hasFileRefs } from "../src/load/bundle.js";
import { scaffold } from "../src/scaffold/index.js";
import { FIXTURES, targetFor, tempDir, typecheck } from "./helpers.js";

const FLEET = join(FIXTURES, "multi-file");
const ROOT = join(FLEET, "fleet.yaml");

describe("generating from a multi-file spec", () => {
  it("loads the root file as the one document its files make", async () => {
    const model = await loadSpec("fleet.yaml", ROOT);
    expect(hasFileRefs(model.document)).toBe(false);
    // (No warning: a discriminator mapping into another file names the bundled schemas.)
    expect(model.warnings).toEqual([]);
    const methods = model.resources.flatMap((r) => r.operations.map((o) => `${r.property}.${o.names.method}`)).sort();
    expect(methods).toEqual([
      "depots.listDepotVehicles", "vehicles.getVehicle", "vehicles.getVehiclePosition", "vehicles.listVehicleInvoices", "vehicles.listVehicles", "vehicles.registerVehicle", "vehicles.retireVehicle",
    ]);
    const invoices = model.resources.flatMap((r) => r.operations).find((o) => o.operationId === "listVehicleInvoices")!;
    // Each documented error keeps its own schema although both files call it `Error`.
    expect(invoices.errors.map((e) => [e.status, e.schemaName])).toEqual([["402", "BillingErrorsError"], ["404", "SharedErrorsError"]]);
  });

  it("makes the same SDK from the root file and from its bundle, and the SDK type-checks", { timeout: needs(20_000) }, async () => {
    const root = await tempDir("x-sdk-new-");
    await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    vi.spyOn(console, "log").mockImplementation(() => {});
    const { specPath } = await scaffold({ root, spec: ROOT, name: "@x/fleet", install: false });
    const fromRoot = await generateFiles(targetFor(ROOT, "Fleet", "openapi/fleet.yaml"));
    const fromBundle = await generateFiles(targetFor(specPath, "Fleet", "openapi/fleet.yaml"));
    expect(fromBundle).toEqual(fromRoot);
    const diagnostics = await typecheck(fromRoot, {
      "use.ts": `import { Fleet, type Vehicle, SharedErrorsError, BillingErrorsError } from "./generated/index.js";
const fleet = new Fleet({ serverURL: "http://127.0.0.1:1" });
export async function use(): Promise<string> {
  const vehicle: Vehicle = await fleet.vehicles.getVehicle({ vehicleId: "van-7" });
  const page = await fleet.depots.listDepotVehicles({ depotId: "north", limit: 5 });
  const city: string = page.address.city;
  const position = await fleet.vehicles.getVehiclePosition({ vehicleId: "van-7" });
  if (position.source === "gps") return String(position.lat + position.lon);
  try {
    await fleet.vehicles.listVehicleInvoices({ vehicleId: vehicle.vehicleId });
  } catch (error) {
    if (error instanceof BillingErrorsError) return String(error.code) + error.reason;
    if (error instanceof SharedErrorsError) return error.message;
  }
  return city + vehicle.status;
}
`,
    });
    expect(diagnostics).toEqual([]);
    vi.restoreAllMocks();
  });
});

describe("sdk:new on a multi-file spec", () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());

  async function workspace(): Promise<{ root: string; tree: string }> {
    const root = await tempDir("x-sdk-new-");
    await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
    const tree = await tempDir("x-fleet-tree-");
    await cp(FLEET, tree, { recursive: true });
    return { root, tree };
  }

  it("writes one bundled document to openapi/ and records the root file as its source", { timeout: needs(10_000) }, async () => {
    const { root, tree } = await workspace();
    const lines: string[] = [];
    const result = await scaffold({ root, spec: join(tree, "fleet.yaml"), name: "@x/fleet", install: false, log: (l) => lines.push(l) });
    expect(lines[0]).toBe("bundled 17 files into openapi/fleet.yaml");
    expect(await readdir(join(root, "openapi"))).toEqual(["fleet.yaml"]);
    expect((await lstat(result.specPath)).isSymbolicLink()).toBe(false);
    const bundled = await loadSpec("fleet.yaml", result.specPath);
    expect(hasFileRefs(bundled.document)).toBe(false);
    const manifest = JSON.parse(await readFile(join(result.packageDir, "package.json"), "utf8"));
    expect(manifest["x-codegen"].source).toBe(relative(result.packageDir, join(tree, "fleet.yaml")));
    // The bundle is the package's one input: the tree changes it through spec:update.
    expect(JSON.parse(await readFile(join(result.packageDir, "turbo.json"), "utf8")).tasks.generate.inputs).toEqual(["$TURBO_EXTENDS$", "$TURBO_ROOT$/openapi/fleet.yaml"]);
    expect(await readFile(join(result.packageDir, "src/generated/sdk.ts"), "utf8")).toContain("export class Fleet");
  });

  it("with --link, keeps the tree and generates through the link, resolving refs from the root file", { timeout: needs(10_000) }, async () => {
    const { root, tree } = await workspace();
    const result = await scaffold({ root, spec: join(tree, "fleet.yaml"), name: "@x/fleet", link: true, install: false });
    expect((await lstat(result.specPath)).isSymbolicLink()).toBe(true);
    expect(await readlink(result.specPath)).toBe(relative(join(root, "openapi"), join(tree, "fleet.yaml")));
    const viaLink = await generateFiles(targetFor(result.specPath, "Fleet", "openapi/fleet.yaml"));
    expect(viaLink).toEqual(await generateFiles(targetFor(ROOT, "Fleet", "openapi/fleet.yaml")));
  });

  it("with --link to a tree inside the workspace, makes its files the package's turbo inputs", { timeout: needs(10_000) }, async () => {
    const { root } = await workspace();
    await cp(FLEET, join(root, "vendor/fleet"), { recursive: true });
    const result = await scaffold({ root, spec: join(root, "vendor/fleet/fleet.yaml"), name: "@x/fleet", link: true, install: false });
    const turbo = JSON.parse(await readFile(join(result.packageDir, "turbo.json"), "utf8"));
    expect(turbo.tasks.generate.inputs).toEqual(["$TURBO_EXTENDS$", "$TURBO_ROOT$/openapi/fleet.yaml", "$TURBO_ROOT$/vendor/fleet/**"]);
    expect(turbo.tasks.test.inputs).toEqual(turbo.tasks.generate.inputs);
  });

  it("refuses a tree with a missing file, naming the file that refers to it and the pointer, and writes nothing", async () => {
    const { root, tree } = await workspace();
    await rm(join(tree, "models/billing/errors.yaml"));
    await expect(scaffold({ root, spec: join(tree, "fleet.yaml"), name: "@x/fleet", install: false }))
      .rejects.toThrow('fleet.yaml: #/paths/~1vehicles~1{vehicleId}~1invoices/get/responses/402/content/application~1json/schema/$ref: $ref "models/billing/errors.yaml#/Error": models/billing/errors.yaml does not exist');
    expect(existsSync(join(root, "packages"))).toBe(false);
    expect(existsSync(join(root, "openapi"))).toBe(false);
  });
});
