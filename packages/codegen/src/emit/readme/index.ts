/**
 * The SDK package's whole README.md, from the same model as the code: install,
 * construct, every operation with a TypeScript example, its errors, and the retry,
 * timeout, raw-response, hook and debug-log options. Examples take their values from
 * the spec (parameter and schema examples, enums, formats), so they read like the
 * original SDKs' usage docs and type-check against the generated package.
 *
 * One module per section; their fixed prose is in fragments/*.md (see template.ts), the
 * example values come from examples.ts, and what every section shares from writer.ts.
 */
import type { SpecModel } from "../../load/model.js";
import type { GeneratedFile } from "../source.js";
import { construct } from "./construct.js";
import { errors } from "./errors.js";
import { header } from "./header.js";
import { hooksAndLogging } from "./hooks.js";
import { install } from "./install.js";
import { resource } from "./operations.js";
import { rawResponses } from "./raw-responses.js";
import { retries } from "./retries.js";
import { standaloneFunctions } from "./standalone.js";
import { testing } from "./testing.js";
import { timeouts } from "./timeouts.js";
import { validatingResponses } from "./validation.js";
import { webhooks } from "./webhooks.js";
import { ReadmeWriter, type ReadmeContext } from "./writer.js";

export { RUNTIME_README, type ReadmeContext } from "./writer.js";

export function emitReadme(model: SpecModel, ctx: ReadmeContext): GeneratedFile {
  const w = new ReadmeWriter(model, ctx);
  const sections = [
    header(w),
    install(w),
    construct(w),
    ...model.resources.filter((res) => res.operations.length > 0).map((res) => resource(w, res)),
    // What follows shows calls; a spec of webhooks alone has none to show.
    ...(model.resources.length > 0 ? [standaloneFunctions(w), errors(w), retries(w), timeouts(w), validatingResponses(w), rawResponses(w), hooksAndLogging(w), testing(w)] : []),
    ...(model.webhooks.length > 0 ? [webhooks(w)] : []),
  ];
  const contents = sections.map((s) => s.trimEnd()).join("\n\n") + "\n";
  return { path: ctx.path, contents };
}

/** The runnable examples of a README: its ```ts blocks that start with an import (not the call signatures). */
export function readmeExamples(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((code) => code.startsWith("import "));
}
