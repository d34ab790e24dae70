import { describe, expect, it } from "vitest";
import { remoteMisses, type TaskOutcome } from "../src/pipeline/remote-cache.ts";

describe("remoteMisses", () => {
  const hit = (taskId: string, source = "REMOTE"): TaskOutcome => ({ taskId, status: "HIT", source, ms: 1 });
  it("accepts a run whose every task came from the remote cache", () => {
    expect(remoteMisses([hit("@x/runtime#build"), hit("@x/common#generate")])).toEqual([]);
  });
  it("names tasks that ran, or replayed from the local cache", () => {
    expect(remoteMisses([hit("@x/runtime#build", "LOCAL"), { taskId: "@x/common#build", status: "MISS", ms: 5 }])).toEqual([
      "@x/runtime#build (HIT from LOCAL)",
      "@x/common#build (MISS)",
    ]);
  });
});
