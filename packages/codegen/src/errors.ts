/** A problem with a spec or a package's codegen config, located as precisely as we can. */
export class CodegenError extends Error {
  constructor(
    /** The file the problem is in, as the user named it. */
    readonly file: string,
    /** What is wrong, one problem per entry. */
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join("\n  - ")}`}`);
    this.name = "CodegenError";
  }
}

/**
 * Where in a spec a problem is: a JSON pointer such as `#/paths/~1companies/get`, in the URI
 * fragment form `$ref`s use (a `%` in a key written `%25`), so resolvePointer finds it.
 */
export function pointer(...segments: (string | number)[]): string {
  return `#/${segments.map((s) => String(s).replaceAll("%", "%25").replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}
