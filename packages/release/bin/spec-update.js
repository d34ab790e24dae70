#!/usr/bin/env node
// spec:update: fetch each SDK package's spec from its x-codegen.source, regenerate, write the changeset.
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import("../src/cli/spec-update.ts");
process.exitCode = await main(process.argv.slice(2), fileURLToPath(new URL("../../..", import.meta.url)));
