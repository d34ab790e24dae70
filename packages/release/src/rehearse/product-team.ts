/**
 * The product-team project (`rehearsal/consumers/product-team/`): a team's own app module on
 * `@x/common` and its vitest suite, installed with npm from the rehearsal registry, never
 * through workspace links. Its suite uses what the published SDK offers a team's tests: MSW
 * (`msw/node`) and the SDK's test kit, strict response validation, and a `tracer` checked
 * with `@opentelemetry/sdk-trace-base`'s in-memory exporter. TypeScript 7.0 (npm's latest)
 * compiles it, then its own vitest runs it; every test file in the template must pass, and
 * none may be skipped.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, relative } from "node:path";
import { createConsumer, installedVersion, typecheck } from "./consumers.ts";
import { note, seconds, type Context } from "./context.ts";
import { PACKAGE_DIR } from "./options.ts";
import { run, tail } from "./proc.ts";
import { installedCompiler, tscEntry, TYPESCRIPT_LATEST } from "./typescripts.ts";

export const PRODUCT_TEAM_TEMPLATE = join(PACKAGE_DIR, "rehearsal", "consumers", "product-team");

/** The team's dev dependencies, exact, from the registry's uplink (vitest and @types/node: the workspace's versions). */
export const PRODUCT_TEAM_DEV = {
  msw: "2.15.0",
  "@opentelemetry/api": "1.9.1",
  "@opentelemetry/sdk-trace-base": "2.12.1",
  typescript: TYPESCRIPT_LATEST,
} as const;

/** The test files the suite must run: every `test/*.test.ts` of the template. */
export function productTeamTestFiles(): string[] {
  return readdirSync(join(PRODUCT_TEAM_TEMPLATE, "test")).filter((f) => f.endsWith(".test.ts")).sort().map((f) => `test/${f}`);
}

/** Writes the project into `dir`: `@x/common` at `commonRange`, its dev dependencies exact. */
export function createProductTeam(ctx: Context, dir: string, commonRange: string): void {
  const root = JSON.parse(readFileSync(join(ctx.repo, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  const workspace = (name: string) => {
    const version = root.devDependencies?.[name];
    if (!version) throw new Error(`${ctx.repo}/package.json: no devDependencies["${name}"]`);
    return version;
  };
  createConsumer(PRODUCT_TEAM_TEMPLATE, dir, {
    name: "rehearsal-product-team",
    type: "module",
    scripts: { test: "vitest run", typecheck: "tsc -p tsconfig.json" },
    dependencies: { "@x/common": commonRange },
    devDependencies: { ...PRODUCT_TEAM_DEV, vitest: workspace("vitest"), "@types/node": workspace("@types/node") },
  });
}

/** After the install: what npm put there, recorded in the report; `@x/common` must be `expectCommon`, unpacked from the registry. */
export function checkProductTeamInstall(ctx: Context, dir: string, expectCommon: string): void {
  const names = ["@x/common", "@x/runtime", ...Object.keys(PRODUCT_TEAM_DEV), "vitest"];
  const installed = Object.fromEntries(names.map((n) => [n, installedVersion(dir, n)]));
  const common = join(dir, "node_modules", "@x", "common");
  const fromRegistry = existsSync(common) && !lstatSync(common).isSymbolicLink();
  ctx.report.consumers.productTeam = { dir, installed, fromRegistry };
  note(`product team: installed ${Object.entries(installed).map(([k, v]) => `${k}@${v}`).join(", ")}`);
  if (installed["@x/common"] !== expectCommon || !fromRegistry) throw new Error(`product team: @x/common ${installed["@x/common"]} (${fromRegistry ? "unpacked" : "a link"}), expected ${expectCommon} from the registry`);
  for (const [name, version] of Object.entries(PRODUCT_TEAM_DEV)) {
    if (installed[name] !== version) throw new Error(`product team: npm installed ${name}@${installed[name]}, expected ${version}`);
  }
}

/** TypeScript 7 (the project's own `typescript`) type-checks the app and its tests. */
export async function productTeamTypecheck(ctx: Context, dir: string): Promise<void> {
  const version = installedCompiler(dir, "typescript");
  const c = await typecheck(dir, "tsconfig.json", { entry: tscEntry(dir, "typescript"), version, noEmit: true }, ctx.opts("product-team-tsc", dir));
  ctx.report.consumers.productTeam = { ...ctx.report.consumers.productTeam!, typecheck: c };
  if (!c.ok) throw new Error(`product team: TypeScript ${version} (tsconfig.json): ${c.diagnostics.length} error(s)\n${c.diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`).join("\n")}`);
  note(`tsc ${version} -p tsconfig.json: no errors (${seconds(c.ms)})`);
}

interface VitestJson {
  readonly testResults: { readonly name: string; readonly assertionResults: { readonly fullName: string; readonly status: string }[] }[];
}

/** The project's own vitest (`vitest run`, JSON report); every template test file ran, every test passed, none skipped. */
export async function productTeamTests(ctx: Context, dir: string): Promise<void> {
  const out = join(dir, "reports", "vitest.json");
  const result = await run(process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { ...ctx.opts("product-team-vitest", dir), cwd: dir });
  if (!existsSync(out)) throw new Error(`product team: vitest wrote no report (exit ${result.code ?? result.signal}):\n${tail(result, 30)}`);
  const json = JSON.parse(readFileSync(out, "utf8")) as VitestJson;
  const real = realpathSync(dir);
  const tests = json.testResults.flatMap((file) => file.assertionResults.map((a) => ({ file: relative(file.name.startsWith(real) ? real : dir, file.name), name: a.fullName, status: a.status })));
  const expected = productTeamTestFiles();
  ctx.report.consumers.productTeam = { ...ctx.report.consumers.productTeam!, testFiles: expected, tests, exitCode: result.code };
  for (const t of tests) note(`${t.status === "passed" ? "ok" : t.status.toUpperCase()} ${t.file} › ${t.name}`);
  const notPassed = tests.filter((t) => t.status !== "passed");
  const missing = expected.filter((f) => !tests.some((t) => t.file === f && t.status === "passed"));
  if (result.code !== 0 || notPassed.length > 0 || missing.length > 0) {
    throw new Error([
      `product team: vitest exited ${result.code ?? result.signal}`,
      ...notPassed.map((t) => `${t.status}: ${t.file} › ${t.name}`),
      ...missing.map((f) => `no passing test from ${f}`),
      tail(result, 30),
    ].join("\n"));
  }
}
