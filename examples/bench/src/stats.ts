/** Timing helpers: interleaved rounds so both sides see the same machine noise. */

export interface Side {
  readonly name: string;
  run(): Promise<unknown>;
}

export interface Figures {
  readonly name: string;
  readonly medianMs: number;
  readonly p95Ms: number;
}

/** Runs each side `rounds` times, alternating, after `warmup` untimed runs of each. */
export async function compare(sides: readonly Side[], rounds: number, warmup: number): Promise<Figures[]> {
  for (let i = 0; i < warmup; i++) for (const side of sides) await side.run();
  const samples = sides.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (const [s, side] of sides.entries()) {
      const started = performance.now();
      await side.run();
      samples[s]!.push(performance.now() - started);
    }
  }
  return sides.map((side, s) => {
    const sorted = samples[s]!.sort((a, b) => a - b);
    return { name: side.name, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
  });
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function report(title: string, figures: readonly Figures[]): string {
  const base = figures[0]!;
  const rows = figures.map((f) => `| ${f.name} | ${f.medianMs.toFixed(3)} | ${f.p95Ms.toFixed(3)} | ${(f.medianMs / base.medianMs).toFixed(2)}× |`);
  return [`### ${title}`, "", `| side | median ms | p95 ms | median vs ${base.name} |`, "|---|---|---|---|", ...rows, ""].join("\n");
}
