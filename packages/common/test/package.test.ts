/** The tarball users install: clean by publint and arethetypeswrong, lean, within its size budget. */
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { checkPublishedPackage } from "../../../scripts/package-checks.js";
import { needs } from "../../../vitest.shared.js";

it("packs as a clean, typed, lean package", async () => {
  const report = await checkPublishedPackage(resolve(import.meta.dirname, ".."), {
    dependencies: ["@x/runtime"],
    // 3 KiB until response validation: the definition's loader of the validators and the re-exported
    // ResponseValidationError took dist/index.js to ~3.06 KiB; the validators and shapes are a chunk of their own.
    gzipBudgetBytes: 3200,
  });
  expect(report.problems).toEqual([]);
  expect(report.files.filter((f) => !f.startsWith("dist/"))).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
}, needs(10_000)); // packs, then runs publint and arethetypeswrong
