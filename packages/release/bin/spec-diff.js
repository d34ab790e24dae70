#!/usr/bin/env node
// spec:diff: every SDK spec against a git ref, judged on the generated SDK; writes or checks changesets.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import("../src/cli/spec-diff.ts");
process.exitCode = await main(process.argv.slice(2), fileURLToPath(new URL("../../..", import.meta.url)));
