/** "Install": the npm command, pinned by major from 1.0.0 on, what a version promises, and the Node.js and TypeScript versions supported. */
import { fragment } from "./template.js";
import type { ReadmeWriter } from "./writer.js";

export function install(w: ReadmeWriter): string {
  const { packageName, packageVersion } = w.ctx;
  const major = Number(packageVersion.split(".")[0]);
  // From 1.0.0 on, a caret range on the major is what to pin: spec changes that would
  // break a caller's build are released as a new major (see CHANGELOG.md).
  const range = major >= 1 ? `@^${major}` : "";
  return ["## Install", "", fragment("install", { packageName, range })].join("\n");
}
