/**
 * Interleaved measurements: every round runs every side once, in an order rotated round
 * by round, so the shared machine's noise (and any drift) hits every side alike.
 */
export interface Side {
  readonly name: string;
  run(): Promise<unknown>;
}

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const median = (values: readonly number[]) => quantile([...values].sort((a, b) => a - b), 0.5);

/** Side `i` in round `r`, rotated. */
const rotated = <T>(sides: readonly T[], round: number): T[] => sides.map((_, i) => sides[(i + round) % sides.length]!);

/** Sequential latency: p50 and p99 of `rounds` single calls per side, after `warmup` each. */
export async function latency(sides: readonly Side[], rounds: number, warmup: number): Promise<Map<string, { p50: number; p99: number }>> {
  for (let i = 0; i < warmup; i++) for (const side of rotated(sides, i)) await side.run();
  const samples = new Map(sides.map((s) => [s.name, [] as number[]]));
  for (let r = 0; r < rounds; r++) {
    for (const side of rotated(sides, r)) {
      const started = performance.now();
      await side.run();
      samples.get(side.name)!.push(performance.now() - started);
    }
  }
  return new Map(
    [...samples].map(([name, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [name, { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) }];
    }),
  );
}

/** Calls completed per second with `concurrency` calls in flight for `windowMs`: the median of `rounds` windows per side. */
export async function throughput(sides: readonly Side[], concurrency: number, windowMs: number, rounds: number): Promise<Map<string, number>> {
  const rates = new Map(sides.map((s) => [s.name, [] as number[]]));
  for (let r = 0; r < rounds; r++) {
    for (const side of rotated(sides, r)) {
      let done = 0;
      const started = performance.now();
      const end = started + windowMs;
      const worker = async () => {
        while (performance.now() < end) {
          await side.run();
          done++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      rates.get(side.name)!.push(done / ((performance.now() - started) / 1000));
    }
  }
  return new Map([...rates].map(([name, values]) => [name, median(values)]));
}

/** Median wall time of a whole command in fresh processes, interleaved. */
export { median };

/** A markdown table; `ratio` columns divide by the first row's value of that column. */
export function table(title: string, columns: readonly string[], rows: readonly (readonly [string, ...(number | string)[]])[], ratioOf: readonly number[] = []): string {
  const base = rows[0]!;
  const head = ["side", ...columns, ...ratioOf.map((c) => `${columns[c]} vs ${base[0]}`)];
  const cell = (v: number | string) => (typeof v === "number" ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3)) : v);
  const lines = rows.map((row) => {
    const ratios = ratioOf.map((c) => {
      const [value, ref] = [row[c + 1], base[c + 1]];
      return typeof value === "number" && typeof ref === "number" && ref !== 0 ? `${(value / ref).toFixed(2)}×` : "–";
    });
    return `| ${[row[0], ...row.slice(1).map(cell), ...ratios].join(" | ")} |`;
  });
  return [`### ${title}`, "", `| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...lines, ""].join("\n");
}
