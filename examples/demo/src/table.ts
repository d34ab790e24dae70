/** Runs one SDK call and formats the outcome as a table row. */
import { ErrorMessage, SDKBaseError } from "@x/common";

export interface Row {
  readonly sdk: string;
  readonly call: string;
  readonly outcome: string;
  readonly detail: string;
  readonly ms: number;
}

export async function row<T>(sdk: string, call: string, run: () => Promise<T>, describe: (result: T) => string): Promise<Row> {
  const started = performance.now();
  try {
    const result = await run();
    return { sdk, call, outcome: "ok", detail: describe(result), ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof ErrorMessage) {
      return { sdk, call, outcome: "ErrorMessage", detail: `${error.status}: ${error.error ?? ""}`, ms };
    }
    if (error instanceof SDKBaseError) return { sdk, call, outcome: error.name, detail: error.message, ms };
    throw error;
  }
}

export function table(rows: readonly Row[]): string {
  const header = ["SDK", "call", "outcome", "ms", "result"];
  const cells = rows.map((r) => [r.sdk, r.call, r.outcome, r.ms.toFixed(0), r.detail]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
