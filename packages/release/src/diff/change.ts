/** One difference between two versions of a spec, judged by its effect on the generated SDK. */

/** The bump a single change needs. */
export type ChangeBump = "major" | "minor" | "patch";
/** A package's bump: the highest of its changes, `none` when nothing changed. */
export type Bump = ChangeBump | "none";

export interface Change {
  readonly bump: ChangeBump;
  /** JSON pointer into the new spec, or into the old one for something removed. */
  readonly pointer: string;
  /** For a human: which method or type, what changed, and what it means for callers. */
  readonly message: string;
  /** Set when callers should look even though nothing breaks (a new enum value in a response). */
  readonly warning?: true;
}

const ORDER: readonly Bump[] = ["none", "patch", "minor", "major"];

export function bumpRank(bump: Bump): number {
  return ORDER.indexOf(bump);
}

export function maxBump<B extends Bump>(a: B, b: B): B {
  return bumpRank(a) >= bumpRank(b) ? a : b;
}

export function highestBump(changes: readonly { readonly bump: Bump }[]): Bump {
  return changes.reduce<Bump>((high, c) => maxBump<Bump>(high, c.bump), "none");
}

export function isBump(value: unknown): value is Bump {
  return typeof value === "string" && (ORDER as readonly string[]).includes(value);
}
