/**
 * What the registry got, checked against the scratch repo's manifests: every public package
 * at its version and `latest`, with real ranges where the workspace says `workspace:`; no
 * private package; and nothing new after a release that must publish nothing.
 */
import { note, type Context } from "./context.ts";
import { packument } from "./registry.ts";
import type { PublishedPackage } from "./report.ts";
import { workspacePackages } from "./scratch.ts";

/** What the registry has of every public package, checked against the workspace's manifests. */
export async function checkRegistry(ctx: Context, expectPublished: boolean): Promise<Record<string, PublishedPackage>> {
  const out: Record<string, PublishedPackage> = {};
  const packages = workspacePackages(ctx.repo);
  const versions = Object.fromEntries(packages.map((p) => [p.name, p.version]));
  for (const pkg of packages.filter((p) => !p.private)) {
    const doc = await packument(ctx.registry!.url, pkg.name);
    const published: PublishedPackage = {
      versions: doc ? Object.keys(doc.versions) : [],
      latest: doc?.["dist-tags"].latest,
      dependencies: Object.fromEntries(Object.entries(doc?.versions ?? {}).map(([v, m]) => [v, { ...m.peerDependencies, ...m.dependencies }])),
    };
    out[pkg.name] = published;
    if (!expectPublished) continue;
    if (!published.versions.includes(pkg.version)) throw new Error(`${pkg.name}@${pkg.version} is not on the registry (it has ${published.versions.join(", ") || "nothing"})`);
    if (published.latest !== pkg.version) throw new Error(`${pkg.name}: latest is ${published.latest}, expected ${pkg.version}`);
    const manifest = doc!.versions[pkg.version]!;
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"] as const) {
      const local = (pkg.manifest[field] ?? {}) as Record<string, string>;
      const remote = ((manifest as Record<string, unknown>)[field] ?? {}) as Record<string, string>;
      for (const [dep, range] of Object.entries(remote)) {
        if (range.startsWith("workspace:")) throw new Error(`${pkg.name}@${pkg.version} was published with ${field}.${dep} = "${range}"`);
      }
      if (field === "devDependencies") continue;
      for (const [dep, spec] of Object.entries(local)) {
        if (!spec.startsWith("workspace:")) continue;
        const target = versions[dep];
        const rest = spec.slice("workspace:".length);
        const expected = rest === "^" || rest === "~" ? `${rest}${target}` : rest === "*" ? target : rest;
        if (remote[dep] !== expected) throw new Error(`${pkg.name}@${pkg.version}: ${field}.${dep} is "${remote[dep]}" on the registry, expected "${expected}" (from "${spec}")`);
        note(`${pkg.name}@${pkg.version} → ${dep} ${remote[dep]} (was ${spec})`);
      }
    }
  }
  return out;
}

/** No private workspace package is on the registry; what the registry knows of each goes in report.privatePackages. */
export async function checkPrivatesUnpublished(ctx: Context): Promise<void> {
  const { report } = ctx;
  const privates = workspacePackages(ctx.repo).filter((p) => p.private);
  report.privatePackages = {};
  for (const p of privates) report.privatePackages[p.name] = (await packument(ctx.registry!.url, p.name)) !== undefined;
  const leaked = Object.entries(report.privatePackages).filter(([, known]) => known).map(([n]) => n);
  if (leaked.length > 0) throw new Error(`private packages were published: ${leaked.join(", ")}`);
  note(`private packages not on the registry: ${privates.map((p) => p.name).join(", ")}`);
}

/** Every package has exactly the versions it had `before`. */
export function checkRegistryUnchanged(before: Record<string, PublishedPackage>, after: Record<string, PublishedPackage>): void {
  for (const [name, pub] of Object.entries(after)) {
    const had = before[name]?.versions ?? [];
    if (pub.versions.join() !== had.join()) throw new Error(`${name}: the registry went from ${had.join(", ") || "nothing"} to ${pub.versions.join(", ")}`);
  }
}
