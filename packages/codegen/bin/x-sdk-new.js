#!/usr/bin/env node
// x-sdk-new <spec> --name @x/<name>: scaffolds and generates a new SDK package (root script `pnpm sdk:new`).
import { fileURLToPath } from "node:url";
import { importSource } from "./compiled.js";

const { main } = await importSource("scaffold/index.ts");
const root = fileURLToPath(new URL("../../..", import.meta.url));
process.exitCode = await main(process.argv.slice(2), root);
