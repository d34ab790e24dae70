/** The names a new SDK package gets from `--name @x/<name>`. */
import { pascalCase } from "../load/naming.js";

export const SCOPE = "@x";
const NAME_RE = /^@x\/[a-z][a-z0-9-]*$/;

export interface PackageNames {
  /** `@x/foo-bar` */
  readonly packageName: string;
  /** `foo-bar`: the directory under packages/ and the spec's file name under openapi/. */
  readonly dirName: string;
  /** `FooBar`: the generated client class. */
  readonly clientName: string;
}

/** The problem with `name` as a new package name, in words, or `undefined` when it is fine. */
export function packageNameProblem(name: string): string | undefined {
  if (!NAME_RE.test(name)) {
    return `the package name must look like ${SCOPE}/<name>: lower-case letters, digits and hyphens, starting with a letter (got ${JSON.stringify(name)})`;
  }
  if (name.endsWith("-") || name.includes("--")) return `the package name must not end with a hyphen or contain two in a row (got ${JSON.stringify(name)})`;
  if (name.length > 214) return "the package name is longer than npm's 214 characters";
  return undefined;
}

export function packageNames(name: string): PackageNames {
  const problem = packageNameProblem(name);
  if (problem) throw new Error(problem);
  const dirName = name.slice(SCOPE.length + 1);
  return { packageName: name, dirName, clientName: pascalCase(dirName) };
}
