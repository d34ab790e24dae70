#!/usr/bin/env node
// Runs the TypeScript sources directly (bundled on demand, see compiled.js): the generator is private and never published.
import { importSource } from "./compiled.js";

const { main } = await importSource("cli.ts");
process.exitCode = await main(process.argv.slice(2));
