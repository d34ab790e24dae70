#!/usr/bin/env node
// x-mock [common|sync-commerce|<spec path>] [--port N]: serve one spec until Ctrl-C.
import { register } from "tsx/esm/api";

register();
const { SPECS, startMockServer } = await import("../src/index.ts");
const args = process.argv.slice(2);
const portAt = args.indexOf("--port");
const port = portAt === -1 ? 4010 : Number(args[portAt + 1]);
const name = args.find((a, i) => !a.startsWith("--") && i !== portAt + 1) ?? "common";
const spec = SPECS[name] ?? name;
const server = await startMockServer(spec, { port, logLevel: "info" });
console.log(`Prism mock of ${spec} listening on ${server.url}`);
process.once("SIGINT", () => server.close().then(() => process.exit(0)));
