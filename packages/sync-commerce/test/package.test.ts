/** The tarball users install: clean by publint and arethetypeswrong, lean, within its size budget. */
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { checkPublishedPackage } from "../../../scripts/package-checks.js";
import { needs } from "../../../vitest.shared.js";

it("packs as a clean, typed, lean package", async () => {
  const report = await checkPublishedPackage(resolve(import.meta.dirname, ".."), {
    dependencies: ["@x/runtime"],
    gzipBudgetBytes: 2560,
  });
  expect(report.problems).toEqual([]);
  expect(report.files.filter((f) => !f.startsWith("dist/"))).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
}, needs(10_000)); // packs, then runs publint and arethetypeswrong
