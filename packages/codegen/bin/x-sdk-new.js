#!/usr/bin/env node
// x-sdk-new <spec> --name @x/<name>: scaffolds and generates a new SDK package (root script `pnpm sdk:new`).
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

register();
const { main } = await import("../src/scaffold/index.ts");
const root = fileURLToPath(new URL("../../..", import.meta.url));
process.exitCode = await main(process.argv.slice(2), root);
