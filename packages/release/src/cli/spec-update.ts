/**
 * `pnpm spec:update [package...] [--from <URL or file>] [--base <git ref>]`: fetches each
 * SDK package's spec from its `x-codegen.source` and, when the content changed, writes it
 * to openapi/, prints the spec:diff table, regenerates and writes the changeset.
 */
import { CodegenError } from "@x/codegen";
import { specUpdate, UpdateError } from "../update/index.js";

export const USAGE = "usage: pnpm spec:update [package...] [--from <URL or file>] [--base <git ref>]";

export async function main(args: readonly string[], root: string): Promise<number> {
  const packages: string[] = [];
  let from: string | undefined;
  let base: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (flag: string) => (arg === flag ? args[++i] : arg.slice(flag.length + 1));
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      return 0;
    } else if (arg === "--from" || arg.startsWith("--from=")) from = value("--from");
    else if (arg === "--base" || arg.startsWith("--base=")) base = value("--base");
    else if (arg.startsWith("-")) {
      console.error(`spec:update: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else packages.push(arg);
  }
  if (from === "" || base === "" || (args.includes("--from") && from === undefined) || (args.includes("--base") && base === undefined)) {
    console.error(`spec:update: --from and --base need a value\n${USAGE}`);
    return 2;
  }
  try {
    const outcomes = await specUpdate({
      root,
      packages,
      ...(from !== undefined ? { from } : {}),
      ...(base !== undefined ? { base } : {}),
      log: (line) => console.log(line),
    });
    const updated = outcomes.filter((o) => o.status === "updated");
    console.log(`spec:update: ${updated.length} updated, ${outcomes.filter((o) => o.status === "up to date").length} up to date` +
      `${updated.length > 0 ? "; review the diff, run `pnpm test`, and commit the spec, generated files and changeset together" : ""}`);
    return 0;
  } catch (error) {
    if (error instanceof UpdateError || error instanceof CodegenError) {
      console.error(`spec:update: ${error.message}\nspec:update: openapi/ and the generated files are unchanged.`);
      return 1;
    }
    throw error;
  }
}
