#!/usr/bin/env node
// The test phase of `pnpm release`: the root test script, for the packages whose tasks no
// passing run of the same code (versions aside) answered. See src/cli/release-tests.ts.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import("../src/cli/release-tests.ts");
process.exitCode = main(process.argv.slice(2), fileURLToPath(new URL("../../..", import.meta.url)));
