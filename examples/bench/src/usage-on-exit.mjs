// Preloaded into a measured process (`node --import`): on exit, writes its peak resident
// set size in KiB (process.resourceUsage().maxRSS) and the CPU time it used (user + system,
// ms) as JSON to the file named by BENCH_USAGE_FILE.
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_USAGE_FILE;
if (out) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
