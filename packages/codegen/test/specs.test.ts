/** Our specs in openapi/: valid OpenAPI by Redocly's recommended rules, and yielding the SDKs' method names. */
import { createConfig, lintFromString, type NormalizedProblem } from "@redocly/openapi-core";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../src/load/index.js";
import { REPO_ROOT } from "./helpers.js";

async function lint(source: string, file: string): Promise<string[]> {
  const config = await createConfig({ extends: ["recommended-strict"] });
  const problems: NormalizedProblem[] = await lintFromString({ source, absoluteRef: file, config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (at ${p.location[0]?.pointer})`);
}

describe.each([
  { spec: "common.yaml", client: "Common", methods: ["create", "delete", "get", "list", "unlinkConnection", "updateAuthorization"] },
  { spec: "sync-commerce.yaml", client: "SyncCommerce", methods: ["deleteConnection", "getConnection", "unlink"] },
])("openapi/$spec", ({ spec, methods }) => {
  const path = join(REPO_ROOT, "openapi", spec);

  it("passes Redocly's recommended-strict rules with no problem at all", async () => {
    expect(await lint(await readFile(path, "utf8"), path)).toEqual([]);
  });

  it("fails validation once broken, so the check above can fail", async () => {
    const source = (await readFile(path, "utf8")).replace(/in: path/g, "in: somewhere");
    expect((await lint(source, path)).some((p) => p.startsWith("error struct"))).toBe(true);
  });

  it("yields exactly the original SDK's method names on one Connections resource", async () => {
    const model = await loadSpec(`openapi/${spec}`, path);
    expect(model.resources.map((r) => r.property)).toEqual(["connections"]);
    expect(model.resources[0]!.operations.map((o) => o.methodName)).toEqual(methods);
  });

  it("documents ErrorMessage for 401, 402, 403, 404, 429, 500 and 503 everywhere, and 400 on list", async () => {
    const model = await loadSpec(`openapi/${spec}`, path);
    for (const op of model.resources[0]!.operations) {
      const want = ["401", "402", "403", "404", "429", "500", "503"];
      if (op.methodName === "list") want.unshift("400");
      expect(op.errors.map((e) => ({ status: e.status, schemaName: e.schemaName })), op.operationId).toEqual(want.map((status) => ({ status, schemaName: "ErrorMessage" })));
      // Each error is located: the response object where the spec writes it (a shared component here).
      for (const e of op.errors) expect(e.pointer, `${op.operationId} ${e.status}`).toMatch(/^#\/(components\/responses\/[^/]+|paths\/.+\/responses\/\d+)$/);
    }
  });

  it("publishes the vendor's retry policy", async () => {
    const model = await loadSpec(`openapi/${spec}`, path);
    expect(model.retry).toEqual({
      strategy: "backoff",
      backoff: { initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000 },
      statusCodes: [408, 429, "5XX"],
      retryConnectionErrors: true,
    });
    expect(model.servers).toEqual([{ url: "https://api.codat.io", description: "Production" }]);
    expect(model.securitySchemes).toEqual([expect.objectContaining({ schemeName: "auth_header", field: "authHeader", in: "header", name: "Authorization" })]);
  });
});
