/** File contents by git blob hash, as turbo names input files: from git's objects, or from the tree on disk. */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Files } from "./plan.ts";

/** git's object id of a blob with these bytes (`git hash-object`). */
export function blobHash(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** Files for the plan: earlier contents from the repository's objects (`git cat-file blob`), the tree on disk. */
export function repositoryFiles(repo: string): Files {
  return { blob: gitBlob(repo), now: treeFile(repo), exists: (path) => existsSync(join(repo, path)) };
}

function gitBlob(repo: string): Files["blob"] {
  return (hash) => {
    if (!/^[0-9a-f]{40}$/.test(hash)) return undefined;
    try {
      return execFileSync("git", ["cat-file", "blob", hash], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    } catch {
      return undefined;
    }
  };
}

/** A file of the tree on disk, when it still has the content turbo hashed. */
function treeFile(repo: string): Files["now"] {
  return (path, hash) => {
    try {
      const bytes = readFileSync(join(repo, path));
      return blobHash(bytes) === hash ? bytes.toString("utf8") : undefined;
    } catch {
      return undefined;
    }
  };
}
