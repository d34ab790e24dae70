/**
 * The files of a new SDK package, modelled on packages/common: manifest, tsconfig,
 * tsup and vitest configs, the hand-written entry point, README and tests. Pure
 * functions of the inputs, so they are unit-tested without touching the disk.
 */
import type { PackageNames } from "./names.js";
import { renderCall, type SampleCall } from "../samples.js";

export interface TemplateInput extends PackageNames {
  /** The spec's path relative to the package directory (`../../openapi/foo-bar.yaml`). */
  readonly specFromPackage: string;
  /** The spec's path relative to the repository root (`openapi/foo-bar.yaml`). */
  readonly specFromRoot: string;
  /** Where the spec came from, for `pnpm spec:update`: the original file relative to the package. */
  readonly sourceFromPackage?: string;
  /** `info.title` of the spec. */
  readonly title: string;
  /** Field names of the client's `security` option (one per security scheme; client-credentials schemes left out, they need a token server). */
  readonly securityFields: readonly string[];
  /** Those of `securityFields` that take `{ username, password }` (HTTP basic). */
  readonly basicFields?: readonly string[];
  /** A GET operation the smoke test calls, with example arguments; none when the spec has no GET. */
  readonly smokeCall?: SampleCall;
  /** The response statuses the spec documents for it (`200`, `4XX`, `default`): Prism answers one of them. */
  readonly smokeStatuses?: readonly string[];
  readonly operationCount: number;
  /** Set when the generator writes the README itself (`x-codegen.readme`). */
  readonly generatedReadme?: boolean;
  /** A linked spec written as many files, inside the workspace: the folder that holds them all. */
  readonly specTreeFromRoot?: string;
}

export type PackageFiles = Record<string, string>;

export function renderPackage(input: TemplateInput): PackageFiles {
  const files: PackageFiles = {
    "package.json": manifest(input),
    "turbo.json": turboConfig(input.specFromRoot, input.specTreeFromRoot),
    "tsconfig.json": TSCONFIG,
    "tsup.config.ts": TSUP_CONFIG,
    "vitest.config.ts": VITEST_CONFIG,
    "src/index.ts": entryPoint(input),
    "test/global-setup.ts": globalSetup(input),
    "test/generated.test.ts": GENERATED_TEST,
    "test/smoke.test.ts": smokeTest(input),
    "test/package.test.ts": packageTest(input),
  };
  if (!input.generatedReadme) files["README.md"] = readme(input);
  return files;
}

/**
 * The package's own turbo task inputs: its spec, and no other (a linked multi-file spec: its
 * files too). The root turbo.json leaves specs out, so a change to one spec regenerates,
 * rebuilds and retests one package (and what depends on it), not every SDK of the workspace.
 */
export function turboConfig(specFromRoot: string, specTreeFromRoot?: string): string {
  const specs = [`$TURBO_ROOT$/${specFromRoot}`, ...(specTreeFromRoot === undefined ? [] : [`$TURBO_ROOT$/${specTreeFromRoot}/**`])];
  return `${JSON.stringify({ extends: ["//"], tasks: { generate: { inputs: ["$TURBO_EXTENDS$", ...specs] }, test: { inputs: ["$TURBO_EXTENDS$", ...specs] } } }, null, 2)}\n`;
}

/** `2048 + 256 B per operation`, in whole KiB: a starting budget for the gzipped ESM entry (about 1.6 times the reference specs' real size). */
export function gzipBudget(operationCount: number): number {
  return Math.ceil((2048 + 256 * operationCount) / 1024) * 1024;
}

function manifest(input: TemplateInput): string {
  const manifest = {
    name: input.packageName,
    version: "0.0.0",
    description: `TypeScript SDK for the ${input.title}`,
    license: "MIT",
    engines: { node: ">=20" },
    type: "module",
    sideEffects: false,
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      // The test kit (src/generated/testing.ts): its own entry, never in the main entry's bundle.
      "./testing": {
        import: { types: "./dist/testing.d.ts", default: "./dist/testing.js" },
        require: { types: "./dist/testing.d.cts", default: "./dist/testing.cjs" },
      },
      "./package.json": "./package.json",
    },
    typesVersions: { "*": { testing: ["./dist/testing.d.ts"] } },
    files: ["dist", "README.md", "CHANGELOG.md"],
    publishConfig: { access: "public" },
    "x-codegen": {
      spec: input.specFromPackage,
      ...(input.sourceFromPackage ? { source: input.sourceFromPackage } : {}),
      ...(input.generatedReadme ? { readme: "README.md" } : {}),
    },
    scripts: {
      generate: "x-codegen",
      build: "tsup",
      typecheck: "tsc --noEmit",
      test: "vitest run",
    },
    dependencies: { "@x/runtime": "workspace:^" },
    peerDependencies: { msw: "^2.7 || ^3" },
    peerDependenciesMeta: { msw: { optional: true } },
    devDependencies: { "@x/codegen": "workspace:*", "@x/mock-server": "workspace:*", msw: "2.15.0", tsup: "8.5.1" },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const TSCONFIG = `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "noEmit": true },
  "include": ["src", "test", "*.ts"]
}
`;

const TSUP_CONFIG = `import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/generated/testing.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
});
`;

const VITEST_CONFIG = `import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.js";

export default mergeConfig(sharedConfig, defineConfig({ test: { globalSetup: ["test/global-setup.ts"] } }));
`;

function entryPoint(input: TemplateInput): string {
  return `/**
 * ${input.packageName}: the ${input.title}.
 *
 * Everything generated from ${input.specFromRoot} (the client, models, request types
 * and error classes), plus the runtime's error classes and option types that callers
 * branch on or annotate with. Hand-written: add exports here, never in src/generated/.
 */
export * from "./generated/index.js";
export {
  APIError,
  APIPromise,
  ConnectionError,
  OAuth2TokenError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKBaseError,
  SDKError,
  SDKValidationError,
  type BackoffConfig,
  type DebugLogger,
  type HookContext,
  type Hooks,
  type RequestOptions,
  type ResponseValidationContext,
  type RetryConfig,
  type RetryInfo,
  type ValidateResponses,
  type ValidationIssue,
  type WithResponse,
} from "@x/runtime/core";
`;
}

function globalSetup(input: TemplateInput): string {
  return `/** Prism serves ${input.specFromRoot} for the whole run; tests read its URL with inject("mockUrl"). */
import { resolve } from "node:path";
import { prismGlobalSetup } from "@x/mock-server/vitest";

export default prismGlobalSetup(resolve(import.meta.dirname, "..", ${JSON.stringify(input.specFromPackage)}));
`;
}

const GENERATED_TEST = `/** The committed src/generated/ is exactly what the spec produces today (the drift check). */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";

const PACKAGE_DIR = resolve(import.meta.dirname, "..");

it("matches what \`x-codegen --check\` regenerates from the spec", async () => {
  const run = promisify(execFile);
  const { stdout } = await run("pnpm", ["exec", "x-codegen", "--check"], { cwd: PACKAGE_DIR }).catch((error: { stdout: string; stderr: string }) => {
    throw new Error(\`src/generated/ is stale; run \\\`pnpm generate\\\` and commit.\\n\${error.stderr}\${error.stdout}\`);
  });
  expect(stdout).toMatch(/generated files up to date with /);
}, needs(20_000)); // runs the generator in a subprocess: 13 s for sync-commerce's spec on a quiet machine
`;

function securityOption(input: TemplateInput, value: string): string {
  if (input.securityFields.length === 0) return "";
  const basic = input.basicFields ?? [];
  return `security: { ${input.securityFields.map((f) => `${f}: ${basic.includes(f) ? `{ username: "smoke", password: ${value} }` : value}`).join(", ")} }, `;
}

function smokeTest(input: TemplateInput): string {
  const { clientName, smokeCall } = input;
  const head = `/**
 * Smoke test: ${input.packageName} against a Prism mock of ${input.specFromRoot}, which validates
 * each request against the spec (a mismatch comes back in the sl-violations header).
 * Scaffolded by \`pnpm sdk:new\`; add a case per operation as the SDK grows.
 */
import { recorder } from "@x/mock-server/contract";
import { expect, inject, it } from "vitest";
import { APIError, ${clientName}, type RequestOptions } from "../src/index.js";

const serverURL = inject("mockUrl");
const NO_RETRIES: RequestOptions = { retries: { strategy: "none" } };

function recordingClient() {
  const rec = recorder();
  return { ...rec, client: new ${clientName}({ ${securityOption(input, `"Basic ${Buffer.from("smoke-test-api-key").toString("base64")}"`)}serverURL, ...rec.options }) };
}
`;
  if (!smokeCall) {
    return `${head}
it("constructs a client (the spec has no GET operation to call)", () => {
  const { client, sent } = recordingClient();
  expect(client).toBeInstanceOf(${clientName});
  expect(sent()).toBe(0);
  void NO_RETRIES;
});
`;
  }
  return `${head}
/** The statuses the spec documents for ${smokeCall.methodPath}; Prism answers with one of them. */
const DOCUMENTED = ${JSON.stringify(input.smokeStatuses ?? [])};
const documented = (status: number) =>
  DOCUMENTED.some((d) => d === String(status) || d.toUpperCase() === \`\${String(status)[0]}XX\`) || DOCUMENTED.includes("default");

it("calls ${smokeCall.methodPath} (${smokeCall.httpMethod} ${smokeCall.path}) with no request violation, answered as the spec documents", async () => {
  const { client, requestViolations, sent } = recordingClient();
  // A success resolves; a status the spec documents as an error (all some operations document) throws an APIError carrying it.
  const status = await ${renderCall("client", smokeCall, "NO_RETRIES")}.withResponse().then(
    ({ response }) => response.status,
    (error: unknown) => {
      if (error instanceof APIError) return error.status;
      throw error;
    },
  );
  expect(documented(status)).toBe(true);
  // Prism also reports where the spec's own example response breaks its schema; only the request is ours.
  expect(requestViolations).toEqual([]);
  expect(sent()).toBe(1);
});
`;
}

function packageTest(input: TemplateInput): string {
  return `/** The tarball users install: clean by publint and arethetypeswrong, lean, within its size budget. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { checkPublishedPackage } from "../../../scripts/package-checks.js";
import { needs } from "../../../vitest.shared.js";

it("packs as a clean, typed, lean package", async () => {
  const dir = resolve(import.meta.dirname, "..");
  const report = await checkPublishedPackage(dir, {
    dependencies: ["@x/runtime"],
    // A starting budget from the operation count (${input.operationCount}); set it to the real size plus headroom.
    gzipBudgetBytes: ${gzipBudget(input.operationCount)},
  });
  expect(report.problems).toEqual([]);
  // CHANGELOG.md appears with the first \`pnpm version-packages\`.
  const changelog = existsSync(resolve(dir, "CHANGELOG.md")) ? ["CHANGELOG.md"] : [];
  expect(report.files.filter((f) => !f.startsWith("dist/"))).toEqual([...changelog, "LICENSE", "README.md", "package.json"]);
}, needs(10_000)); // packs, then runs publint and arethetypeswrong
`;
}

function readme(input: TemplateInput): string {
  const lower = input.clientName.charAt(0).toLowerCase() + input.clientName.slice(1);
  const example = input.smokeCall ? `\nconst result = await ${renderCall(lower, input.smokeCall)};\n` : "";
  return `# ${input.packageName}

TypeScript SDK for the ${input.title}, generated from
[\`${input.specFromRoot}\`](${input.specFromPackage}) on [\`@x/runtime\`](../runtime).

\`\`\`sh
pnpm add ${input.packageName}
\`\`\`

\`\`\`ts
import { ${input.clientName} } from "${input.packageName}";

const ${lower} = new ${input.clientName}(${input.securityFields.length > 0 ? `{ ${securityOption(input, "process.env.API_AUTH_HEADER!").replace(/, $/, "")} }` : ""});
${example}\`\`\`

Every method takes the request object and \`{ retries, timeoutMs, signal, headers }\`. A
documented error status throws the spec's error class, any other non-2xx \`SDKError\`; see
[\`@x/runtime\`](../runtime/README.md) for retries, errors, hooks and \`debugLogger\`.

\`src/generated/\` is generated from the spec: change the spec and run \`pnpm generate\`.
`;
}
