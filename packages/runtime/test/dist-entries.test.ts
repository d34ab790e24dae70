/**
 * `@x/runtime` and `@x/runtime/core` are two entries of one runtime, in the built dist, in both
 * module formats: generated SDKs import the core entry, their callers catch with the classes of
 * the main entry, so each class the core entry exports must be the very object the main entry
 * exports (`instanceof` across them). tsup splits ESM output, so index.js and core.js share
 * their chunks; it does not split CommonJS, so core.cjs is built apart to read all it exports
 * from index.cjs (tsup.config.ts): left to tsup, index.cjs and core.cjs would each bundle a copy
 * of errors.ts and core.ts. Run after `pnpm build`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const DIST = resolve(import.meta.dirname, "../dist");
const require = createRequire(import.meta.url);
type Runtime = Record<string, unknown>;

const FORMATS = {
  // Node's own loaders, as an application's would: import() for ESM, require() for CommonJS.
  esm: async (entry: string) => (await import(/* @vite-ignore */ pathToFileURL(resolve(DIST, `${entry}.js`)).href)) as Runtime,
  cjs: async (entry: string) => require(resolve(DIST, `${entry}.cjs`)) as Runtime,
};

/** A call through the core entry's SDKCoreBase, answered 500 by a stub fetch: what a generated SDK throws. */
async function failedCall(core: Runtime): Promise<unknown> {
  const SDKCoreBase = core.SDKCoreBase as new (definition: object, options: object) => { invoke(op: object, request: object): Promise<unknown> };
  const sdk = new SDKCoreBase(
    { sdkName: "Dist", servers: [{ url: "https://api.example.com" }], securitySchemes: [] },
    { retryConfig: { strategy: "none" }, fetch: async () => new Response("down", { status: 500 }) },
  );
  return sdk.invoke({ operationId: "get-things", methodPath: "things.get", method: "get", path: "/things", parameters: [], response: "json", errors: {} }, {}).then(
    () => expect.unreachable("the call succeeded"),
    (error: unknown) => error,
  );
}

describe.each(Object.entries(FORMATS))("the built dist, %s", (format, load) => {
  it("has a core entry whose every export is the main entry's own object", async () => {
    expect(existsSync(resolve(DIST, `core.${format === "esm" ? "js" : "cjs"}`))).toBe(true);
    const [main, core] = [await load("index"), await load("core")];
    const names = Object.keys(core).filter((name) => name !== "__esModule");
    expect(names).toEqual(expect.arrayContaining(["SDKCoreBase", "SDKCore", "APIPromise", "EventStream", "SDKError", "APIError", "queryParameters"]));
    expect(names.filter((name) => main[name] !== core[name])).toEqual([]);
    // The standalone helpers stay in the main entry alone.
    expect(names).not.toContain("decideRetry");
    expect(typeof main.decideRetry).toBe("function");
  });

  it("throws from an SDK on the core entry what the main entry's classes catch", async () => {
    const [main, core] = [await load("index"), await load("core")];
    const error = await failedCall(core);
    expect(error).toBeInstanceOf(main.SDKError as typeof Error);
    expect(error).toBeInstanceOf(main.SDKBaseError as typeof Error);
    expect((error as { status?: number }).status).toBe(500);
  });
});

it("keeps the CommonJS build as the source writes it: no `?.` or `??` rewritten into helper calls, no import()", () => {
  // What tsup's own CommonJS splitting (`splitting: true`) would do: sucrase turns each `a?.b` into a
  // call of a helper taking closures, on the request path too; with `treeshake: true` instead, rollup
  // leaves the lazy modules' import() in the .cjs files, which test runners without ESM support refuse.
  const files = readdirSync(DIST).filter((file) => file.endsWith(".cjs"));
  expect(files.sort()).toEqual(["core.cjs", "index.cjs", "testing.cjs", "validation.cjs"]);
  const code = (file: string) => readFileSync(resolve(DIST, file), "utf8");
  expect(files.filter((file) => /\b_(optionalChain|nullishCoalesce)\(/.test(code(file)))).toEqual([]);
  expect(files.filter((file) => /\bimport\(/.test(code(file)))).toEqual([]);
  expect(code("index.cjs")).toContain("?.");
});
