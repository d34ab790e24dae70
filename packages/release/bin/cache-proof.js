#!/usr/bin/env node
// `pnpm cache:proof`: a second clean clone builds entirely from the first clone's turbo
// remote cache (a self-hosted turborepo-remote-cache on 127.0.0.1). See src/pipeline/remote-cache.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/pipeline/remote-cache.ts");
process.exit(await main(process.argv.slice(2)));
