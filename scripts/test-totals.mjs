#!/usr/bin/env node
// Sums the vitest JSON reports (reports/vitest.json) of every workspace package that
// has a test script, and prints `N passed, N failed` as the last line; every test that
// did not pass is counted as failed. A package whose
// report is missing (its tests never ran) counts as a failure, named on the line before.
// Reports given as arguments (paths from the repository root, e.g. the corpus's
// packages/corpus/reports/vitest.json) are summed too, and are just as required.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
const missing = [];
const reports = [];
for (const group of ["packages", "examples"]) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const manifest = join(dir, name, "package.json");
    if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, "utf8")).scripts?.test) continue;
    reports.push({ name: `${group}/${name}`, report: join(dir, name, "reports", "vitest.json") });
  }
}
for (const extra of process.argv.slice(2)) reports.push({ name: extra, report: join(root, extra) });
for (const { name, report } of reports) {
  if (!existsSync(report)) {
    missing.push(name);
    continue;
  }
  const totals = JSON.parse(readFileSync(report, "utf8"));
  passed += totals.numPassedTests;
  // A test that did not pass failed: skipped, or lost with a crashed worker, included;
  // a run that failed without a failing test (an unhandled error) counts as one.
  failed += Math.max(totals.numFailedTests, totals.numTotalTests - totals.numPassedTests, totals.success === false ? 1 : 0);
}
if (missing.length > 0) {
  console.log(`no test report from: ${missing.join(", ")} (their tests did not run)`);
  failed += missing.length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
