/** Bundle bytes of each side's connections-get app (see bundle-apps.ts: up front, and lazy chunks apart), and where @x/common's bytes go. */
import { APPS, breakdown, bundleApp } from "./bundle-apps.ts";
import { table } from "./measure.ts";

const rows: [string, number, number, number, number | string, string][] = [];
let ours: Awaited<ReturnType<typeof bundleApp>> | undefined;
for (const app of APPS) {
  const [browser, node] = [await bundleApp(app.file, "browser"), await bundleApp(app.file, "node")];
  if (app.name === "@x/common") ours = browser;
  rows.push([app.name, browser.gzipBytes, browser.bytes, node.gzipBytes, browser.lazy.reduce((sum, c) => sum + c.gzipBytes, 0) || "none", browser.builtins.length === 0 ? "none" : browser.builtins.join(", ")]);
}
console.log(table("The connections-get app, bundled (esbuild, minified, split at dynamic imports; bytes loaded up front)", ["browser gzip", "browser minified", "node gzip", "lazy chunks, browser gzip", "Node built-ins in the browser bundle"], rows, [0, 2]));
console.log(`### Where the @x/common app's bytes go (browser, minified, before gzip)\n\n| input | bytes |\n|---|---|\n${breakdown(ours!.metafile).slice(0, 8).map(([k, v]) => `| ${k} | ${v} |`).join("\n")}\n`);
