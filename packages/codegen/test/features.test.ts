/**
 * The runtime features a generated SDK imports (emit/features.ts): exactly what its spec
 * uses beyond apiKey headers/bearer, path parameters and JSON bodies, listed in its definition.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runtimeFeatures } from "../src/emit/features.js";
import { generateFiles } from "../src/generate.js";
import { loadSpec } from "../src/load/index.js";
import { FIXTURES, REPO_ROOT, targetFor } from "./helpers.js";

describe("runtime features", () => {
  it.each([
    { spec: join(FIXTURES, "minimal.yaml"), want: [] },
    { spec: join(FIXTURES, "bodies.yaml"), want: ["textBody", "formBody", "multipartBody"] },
    { spec: join(FIXTURES, "media.yaml"), want: ["textBody", "formBody", "multipartBody", "binaryBody"] },
    { spec: join(FIXTURES, "styles.yaml"), want: ["queryParameters", "headerParameters", "cookieParameters"] },
    { spec: join(import.meta.dirname, "security/auth-schemes.yaml"), want: ["basicAuth", "clientCredentials", "queryApiKey", "cookieApiKey"] },
    { spec: join(FIXTURES, "servers.yaml"), want: ["serverVariables"] },
    { spec: join(REPO_ROOT, "openapi/common.yaml"), want: ["queryParameters"] },
  ])("$spec needs $want", async ({ spec, want }) => {
    const model = await loadSpec(spec, spec);
    expect(runtimeFeatures(model)).toEqual(want);
  });

  it("lists them in the definition and imports them, with the core that has only those", async () => {
    const files = await generateFiles(targetFor(join(FIXTURES, "styles.yaml"), "Styles"));
    const sdk = files.find((f) => f.path === "core.ts")!.contents;
    expect(sdk).toMatch(/^import \{ SDKCoreBase, queryParameters, headerParameters, cookieParameters, type /m);
    expect(sdk).toContain("  features: { queryParameters, headerParameters, cookieParameters },\n");
    expect(sdk).toContain("this[CORE] = new SDKCoreBase<Security>(definition, options)");
  });
});
