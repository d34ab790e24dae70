#!/usr/bin/env node
// `pnpm pipeline:scale [--packages 20] [--keep]`: build and test times of a workspace with
// many SDK packages, from scratch, unchanged, and after a one-line spec change. See
// src/pipeline/scale.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/pipeline/scale.ts");
process.exit(await main(process.argv.slice(2)));
