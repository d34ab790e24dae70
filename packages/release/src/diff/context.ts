/** What every comparator shares: both models, the changes found so far, and what has been examined. */
import type { SpecModel } from "@x/codegen";
import { bumpRank, type Change, type ChangeBump } from "./change.js";
import { asWritten } from "./as-written.js";
import { componentName, follow, type Json, type Located } from "./json.js";
import type { MethodRef } from "./methods.js";

/** Who sends a schema's values: the caller (`in`), the server (`out`), or both. */
export type Direction = "in" | "out" | "both";

/** What a change means for callers who send the value (`in`) and who read it (`out`). */
export interface Effect {
  readonly bump: ChangeBump;
  /** Why, for callers on that side, e.g. "callers reading it must handle undefined". */
  readonly why?: string;
}

export interface Verdict {
  readonly in: Effect;
  readonly out: Effect;
}

export class DiffContext {
  readonly changes: Change[] = [];
  /** JSON pointers whose whole subtree a comparator has judged; the catch-all skips them. */
  readonly covered = new Set<string>();
  /** Schema pairs (by pointer and direction) already compared, so recursive schemas end; shared components judged once. */
  readonly compared = new Set<string>();
  /** The methods of the new spec, with their raw operation objects (set by compareOperations). */
  methods: readonly MethodRef[] = [];

  constructor(readonly before: SpecModel, readonly after: SpecModel) {}

  get beforeDoc(): Json {
    return asWritten(this.before);
  }

  get afterDoc(): Json {
    return asWritten(this.after);
  }

  add(bump: ChangeBump, pointer: string, message: string, warning = false): void {
    if (this.changes.some((c) => c.pointer === pointer && c.message === message)) return;
    this.changes.push({ bump, pointer, message, ...(warning ? { warning: true as const } : {}) });
  }

  /** Records a change judged by direction: the side with the higher bump gives the reason. */
  judge(dir: Direction, pointer: string, message: string, verdict: Verdict, warning = false): void {
    const effect = pickEffect(dir, verdict);
    this.add(effect.bump, pointer, effect.why ? `${message} (${effect.why})` : message, warning);
  }

  /** The exported type of the component schema `name` in one version (its name, should the model lack it). */
  typeNameOf(side: "before" | "after", name: string): string {
    return this[side].schemas.find((s) => s.name === name)?.typeName ?? name;
  }

  /**
   * The component schema `node` is a `$ref` to in one version. A copy the loader hoisted out of
   * another object (`hoistedFrom`) is no component: it is exported nowhere, so it is compared
   * as the inline schema it stands for, wherever it is used.
   */
  componentOf(side: "before" | "after", node: unknown): string | undefined {
    const name = componentName(node);
    return name !== undefined && this[side].hoistedFrom?.[name] === undefined ? name : undefined;
  }

  cover(pointer: string): void {
    this.covered.add(pointer);
  }

  /** Follows `$ref`s on both sides, covering what they lead to. */
  locate(side: "before" | "after", node: unknown, at: string): Located {
    const located = follow(side === "before" ? this.beforeDoc : this.afterDoc, node, at);
    if (located.at !== at) this.cover(located.at);
    return located;
  }
}

export function pickEffect(dir: Direction, verdict: Verdict): Effect {
  if (dir === "in") return verdict.in;
  if (dir === "out") return verdict.out;
  return bumpRank(verdict.in.bump) >= bumpRank(verdict.out.bump) ? verdict.in : verdict.out;
}

/** The same effect whichever side. */
export function both(bump: ChangeBump, why?: string): Verdict {
  const effect = why === undefined ? { bump } : { bump, why };
  return { in: effect, out: effect };
}
