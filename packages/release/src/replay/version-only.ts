/**
 * Whether a file's change is a version stamp and nothing else: what `pnpm version-packages`
 * does to a package (its manifest's `version`, and the version constants the generator writes
 * from it, e.g. `SDK_VERSION = "1.2.0"`). Code that differs from tested code only in such
 * changes behaves as the tested code did, so its test results can be reused.
 */

/** A package's version before and after. */
export interface VersionChange {
  readonly before: string;
  readonly after: string;
}

/** The `version` of a package.json's text, or undefined when the text is not a manifest. */
export function manifestVersion(text: string): string | undefined {
  try {
    const manifest = JSON.parse(text) as unknown;
    if (typeof manifest !== "object" || manifest === null) return undefined;
    const version = (manifest as { version?: unknown }).version;
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Two manifests equal in everything but `version` (key order included: changesets keeps it). */
export function sameManifestButVersion(before: string, after: string): boolean {
  try {
    const strip = (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), version: undefined });
    return strip(before) === strip(after);
  } catch {
    return false;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The text with every whole occurrence of `version.before` (not part of a longer version such as
 * `11.1.0` or `1.1.0-beta.1`) written as `version.after`.
 */
function restamped(text: string, version: VersionChange): string {
  const whole = new RegExp(`(?<![\\w.+-])${escape(version.before)}(?![\\w.+-])`, "g");
  return text.replace(whole, version.after);
}

/**
 * Whether `after` is `before` with its package's version restamped, and nothing else changed.
 * A manifest (`package.json` at the package's root) may differ in `version` alone; any other
 * file only where the old version is written, each such place now holding the new one.
 * Unchanged text is not a version-only change (there is nothing to reuse).
 */
export function isVersionOnlyChange(file: string, before: string, after: string, version: VersionChange | undefined): boolean {
  if (version === undefined || version.before === version.after || before === after) return false;
  if (file === "package.json") {
    return manifestVersion(before) === version.before && manifestVersion(after) === version.after && sameManifestButVersion(before, after);
  }
  return restamped(before, version) === after;
}
