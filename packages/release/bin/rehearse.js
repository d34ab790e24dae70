#!/usr/bin/env node
// `pnpm release:rehearse`: the release rehearsed against a real registry (Verdaccio on
// 127.0.0.1), with consumers installing the published SDKs. See src/rehearse/main.ts;
// `--help` lists the options.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/rehearse/main.ts");
const code = await main(process.argv.slice(2));
// Prism's and playwright's handles are closed, but do not wait on anything left behind.
process.exit(code);
