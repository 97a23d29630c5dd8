import { describe, expect, it } from "vitest";
import { countBuffer, flushCountBuffers, type BufferedCount } from "@/lib/ingestHealth/countBuffer";

describe("count buffers", () => {
  it("are all written by flushCountBuffers (a graceful shutdown), not only by their unref'd timers", async () => {
    const written: BufferedCount<{ projectId: string }>[][] = [];
    const buffer = countBuffer<{ projectId: string }>(`test-${Math.random()}`, async (counts) => {
      written.push(counts);
    });
    buffer.add("p1", { projectId: "p1" }, 2, 1_000);
    buffer.add("p1", { projectId: "p1" }, 3, 2_000);
    buffer.add("p2", { projectId: "p2" }, 1, 1_500);
    await flushCountBuffers();
    expect(written).toEqual([[{ row: { projectId: "p1" }, n: 5, last: 2_000 }, { row: { projectId: "p2" }, n: 1, last: 1_500 }]]);
    await flushCountBuffers();
    expect(written).toHaveLength(1);
  });

  it("keep what a failed write held, for the next flush", async () => {
    let failing = true;
    const written: number[] = [];
    const buffer = countBuffer<{ k: string }>(`test-${Math.random()}`, async (counts) => {
      if (failing) throw new Error("database unavailable");
      written.push(counts.reduce((sum, c) => sum + c.n, 0));
    });
    buffer.add("a", { k: "a" }, 4);
    expect(await buffer.flush()).toBe(0);
    failing = false;
    await flushCountBuffers();
    expect(written).toEqual([4]);
  });
});
