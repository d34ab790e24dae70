/**
 * The update loop against a local HTTP server serving a newer spec: one command writes the
 * spec, regenerates and writes the changeset; an unreachable source, an error status or a
 * spec that does not load leave openapi/ and the generated files exactly as they were.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { main as codegen } from "@x/codegen";
import { main } from "../src/cli/spec-update.js";

const SPEC_V1 = `openapi: 3.1.0
info: { title: Pets API, version: "1" }
servers: [{ url: "https://pets.example.com" }]
paths:
  /pets/{petId}:
    get:
      operationId: get-pet
      tags: [Pets]
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: The pet.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: string }
        name: { type: string }
`;

/** v2 adds an operation and a response property: a minor change. */
const SPEC_V2 = SPEC_V1.replace(
  "components:",
  `  /pets:
    get:
      operationId: list-pets
      tags: [Pets]
      responses:
        "200":
          description: Every pet.
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Pet" } }
components:`,
).replace("        name: { type: string }\n", "        name: { type: string }\n        nickname: { type: string }\n");

let root: string;
let server: Server | undefined;
let served: { status: number; body: string };
let output: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "x-spec-update-test-"));
  await writeFile(join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  await writeFile(join(root, "package.json"), JSON.stringify({ name: "ws", private: true }));
  await mkdir(join(root, ".changeset"));
  await writeFile(join(root, ".changeset", "config.json"), JSON.stringify({ baseBranch: "main", access: "public" }));
  await mkdir(join(root, "openapi"));
  await writeFile(join(root, "openapi", "pets.yaml"), SPEC_V1);
  served = { status: 200, body: SPEC_V2 };
  server = createServer((_, res) => res.writeHead(served.status, { "content-type": "application/yaml" }).end(served.body));
  await new Promise<void>((ok) => server!.listen(0, "127.0.0.1", ok));
  const dir = join(root, "packages", "pets");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify({
    name: "@x/pets",
    version: "1.0.0",
    "x-codegen": { spec: "../../openapi/pets.yaml", source: `${url()}/pets.yaml`, readme: "README.md" },
  }, null, 2));
  expect(await codegen(["--write", dir], {})).toBe(0);
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1");
  output = [];
}, needs(2_000));

afterEach(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((ok) => server!.close(ok));
  }
  await rm(root, { recursive: true, force: true });
});

function url(): string {
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8" });
}

async function run(...args: string[]): Promise<number> {
  const log = console.log;
  const error = console.error;
  console.log = (line: string) => output.push(String(line));
  console.error = (line: string) => output.push(String(line));
  try {
    return await main(args, root);
  } finally {
    console.log = log;
    console.error = error;
  }
}

/** Every file of the workspace but .git, with its contents. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[relative(root, path)] = await readFile(path, "utf8");
    }
  };
  await walk(root);
  return files;
}

// Each run fetches the spec, diffs it, regenerates the package and writes the changeset.
describe("pnpm spec:update", { timeout: needs(3_000) }, () => {
  it("writes the newer spec, prints the diff, regenerates and writes the changeset", async () => {
    expect(await run("@x/pets")).toBe(0);
    expect(await readFile(join(root, "openapi", "pets.yaml"), "utf8")).toBe(SPEC_V2);
    const text = output.join("\n");
    expect(text).toMatch(/@x\/pets.*minor/);
    expect(text).toContain("pets.listPets");
    const generated = await readFile(join(root, "packages", "pets", "src", "generated", "pets.ts"), "utf8");
    expect(generated).toContain("listPets(request");
    const changesets = (await readdir(join(root, ".changeset"))).filter((f) => f.endsWith(".md"));
    expect(changesets).toHaveLength(1);
    const changeset = await readFile(join(root, ".changeset", changesets[0]!), "utf8");
    expect(changeset).toMatch(/^---\n"@x\/pets": minor\n---/);
    // Regenerating from the written spec changes nothing: spec and generated files agree.
    expect(await codegen(["--check", join(root, "packages", "pets")], {})).toBe(0);
  });

  it("does nothing when the source holds the same document, however it is formatted", async () => {
    served.body = JSON.stringify((await import("yaml")).parse(SPEC_V1), null, 1);
    const before = await snapshot();
    expect(await run()).toBe(0);
    expect(output.join("\n")).toContain("up to date");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    { name: "an error status", serve: { status: 404, body: "not here" }, want: /pets\.yaml: HTTP 404/ },
    { name: "a file that is not YAML", serve: { status: 200, body: "openapi: 3.1.0\npaths: [unclosed" }, want: /does not generate/ },
    { name: "a spec with an unresolved $ref", serve: { status: 200, body: SPEC_V1.replace("#/components/schemas/Pet", "#/components/schemas/Gone") }, want: /does not generate/ },
  ])("leaves everything untouched on $name", async ({ serve, want }) => {
    served = serve;
    const before = await snapshot();
    expect(await run("@x/pets")).toBe(1);
    expect(output.join("\n")).toMatch(want);
    expect(output.join("\n")).toContain("unchanged");
    expect(await snapshot()).toEqual(before);
  });

  it("leaves everything untouched when the source is unreachable", async () => {
    const before = await snapshot();
    const dead = url();
    server!.closeAllConnections();
    await new Promise((ok) => server!.close(ok));
    server = undefined;
    expect(await run("@x/pets", "--from", `${dead}/pets.yaml?token=s3cret`)).toBe(1);
    const text = output.join("\n");
    expect(text).toMatch(/unreachable \(ECONNREFUSED\)/);
    expect(text).not.toContain("s3cret");
    expect(await snapshot()).toEqual(before);
  });

  it("reads a file source, relative to the package, given with --from", async () => {
    await writeFile(join(root, "newer.yaml"), SPEC_V2);
    expect(await run("pets", "--from", "../../newer.yaml")).toBe(0);
    expect(await readFile(join(root, "openapi", "pets.yaml"), "utf8")).toBe(SPEC_V2);
  });

  it("refuses an unknown package, a bad base ref and a bad option, writing nothing", async () => {
    const before = await snapshot();
    expect(await run("@x/nope")).toBe(1);
    expect(output.join("\n")).toContain("no SDK package named @x/nope");
    expect(await run("@x/pets", "--base", "no-such-ref")).toBe(1);
    expect(output.join("\n")).toContain('base ref "no-such-ref" does not exist');
    expect(await run("--frm", "x")).toBe(2);
    expect(await snapshot()).toEqual(before);
  });
});
