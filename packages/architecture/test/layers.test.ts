/**
 * The import rules of .dependency-cruiser.cjs, checked by dependency-cruiser itself: no import
 * circle in any package's hand-written code, emitters that read only the model, tools that use
 * @x/codegen's public API, runtime leaves that stay leaves.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { ROOT } from "./helpers.js";

/** The package's own copy (its manifest is not exported, so found through the package folder). */
const DEPCRUISE = join(dirname(dirname(fileURLToPath(import.meta.url))), "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
  readonly cycle?: readonly { readonly name: string }[];
}

/** Runs dependency-cruiser with the repository's rules on `paths`, from `cwd`; its violations. */
function cruise(cwd: string, paths: readonly string[]): { violations: Violation[]; modules: number } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [DEPCRUISE, "--config", CONFIG, "--output-type", "json", ...paths], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    // It exits non-zero when it finds violations; its JSON is still on stdout.
    out = (error as { stdout?: string }).stdout ?? "";
    if (!out.trim().startsWith("{")) throw error;
  }
  const result = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: result.summary.violations, modules: result.summary.totalCruised };
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (circle: ${v.cycle.map((c) => c.name).join(" → ")})` : ""}`;

describe("import rules (dependency-cruiser, .dependency-cruiser.cjs)", () => {
  it("the whole repository keeps them", () => {
    const { violations, modules } = cruise(ROOT, ["packages/*/src", "packages/*/bin", "packages/*/scripts", "scripts"]);
    expect(modules).toBeGreaterThan(150);
    expect(violations.map(describeViolation)).toEqual([]);
  }, needs(20_000));

  it("finds a circle, an emitter reading the loader, a tool past the public API and a leaf importing up", () => {
    const dir = mkdtempSync(join(tmpdir(), "x-layers-"));
    try {
      const files: Record<string, string> = {
        "packages/demo/src/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
        "packages/demo/src/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
        "packages/codegen/src/load/refs.ts": "export const deref = 1;\n",
        "packages/codegen/src/load/model.ts": "export const model = 1;\n",
        "packages/codegen/src/index.ts": 'export { model } from "./load/model.js";\n',
        "packages/codegen/src/emit/readme.ts": 'import { deref } from "../load/refs.js";\nimport { model } from "../load/model.js";\nexport const r = deref + model;\n',
        "packages/release/src/diff.ts": 'import { deref } from "../../codegen/src/load/refs.js";\nimport { model } from "../../codegen/src/index.js";\nexport const d = deref + model;\n',
        "packages/runtime/src/core.ts": "export const core = 1;\n",
        "packages/runtime/src/errors.ts": 'import { core } from "./core.js";\nexport const e = core;\n',
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      writeFileSync(join(dir, "tsconfig.base.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }));
      // A circle is reported once, from whichever of its files comes first.
      const found = [...new Set(cruise(dir, ["packages"]).violations.map((v) => `${v.rule.name} ${v.rule.name === "no-circular" ? "packages/demo/src" : v.from}`))].sort();
      expect(found).toEqual([
        "emit-reads-the-model packages/codegen/src/emit/readme.ts",
        "no-circular packages/demo/src",
        "runtime-leaves-stay-leaves packages/runtime/src/errors.ts",
        "tools-use-the-public-api packages/release/src/diff.ts",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, needs(10_000));
});
