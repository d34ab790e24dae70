/**
 * Where an SDK package's spec comes from: `x-codegen.source` in its package.json, a URL
 * (http or https) or a file path relative to the package, next to `x-codegen.spec`. A file
 * that refers to other files (the root of a spec written as many) is bundled into one
 * document, as sdk:new wrote it to openapi/.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parse } from "yaml";
import { bundleSpecFile, CodegenError } from "@x/codegen";
import { deepEqual } from "../diff/json.js";

/** How long a source may take to answer, headers and body. */
export const SOURCE_TIMEOUT_MS = 30_000;

/** A problem the user can fix: an unreachable source, a spec that does not load. Nothing was written. */
export class UpdateError extends Error {
  override name = "UpdateError";
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * The source's text (a file's bundled, in `format`, when it refers to other files). A URL is
 * shown without credentials or query in messages.
 */
export async function readSource(source: string, packageDir: string, format: "yaml" | "json" = "yaml"): Promise<string> {
  if (!isUrl(source)) {
    const path = resolve(packageDir, source);
    await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UpdateError(`${source}: ${error.code === "ENOENT" ? "file not found" : `cannot read (${error.code ?? error.message})`} (resolved to ${path})`);
    });
    try {
      return bundleSpecFile(source, path, format).text;
    } catch (error) {
      if (error instanceof CodegenError) throw new UpdateError(`${source} does not bundle; nothing was written:\n${error.message.replace(/^[^:]*: /, "")}`);
      throw error;
    }
  }
  const shown = displayUrl(source);
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(SOURCE_TIMEOUT_MS), headers: { Accept: "application/yaml, application/json;q=0.9, */*;q=0.5" } });
  } catch (error) {
    throw new UpdateError(`${shown}: unreachable (${reason(error)})`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UpdateError(`${shown}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
  try {
    return await response.text();
  } catch (error) {
    throw new UpdateError(`${shown}: the body could not be read (${reason(error)})`);
  }
}

/** Whether two spec texts hold the same document, whatever their formatting (YAML or JSON). */
export function sameDocument(a: string, b: string): boolean {
  const parsed = (text: string): unknown => {
    try {
      return parse(text, { maxAliasCount: -1 });
    } catch {
      return Symbol("unparseable");
    }
  };
  return deepEqual(parsed(a), parsed(b));
}

/** `https://host/path`, without user info or query (either may carry a token). */
export function displayUrl(source: string): string {
  try {
    const url = new URL(source);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return "<invalid URL>";
  }
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return `no answer within ${SOURCE_TIMEOUT_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
