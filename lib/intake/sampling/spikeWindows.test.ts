import { describe, expect, it } from "vitest";
import { SpikeWindows, type SpikeCounts } from "@/lib/intake/sampling/spikeWindows";

const target = { workspaceId: "w", projectId: "p" };
/** 12:00:10 UTC of a fixed day: well inside a minute. */
const T = Date.UTC(2026, 0, 15, 12, 0, 10);

function fakeCounts(shared: number, baseline: number) {
  const calls = { shared: [] as Date[], baseline: [] as Date[] };
  const counts: SpikeCounts = {
    readShared: async (_p, minute) => {
      calls.shared.push(minute);
      return shared;
    },
    readBaseline: async (_w, _p, hour) => {
      calls.baseline.push(hour);
      return baseline;
    },
  };
  return { counts, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("SpikeWindows", () => {
  it("knows no baseline until its first read has answered, never waiting for it", async () => {
    const { counts, calls } = fakeCounts(0, 2.5);
    const windows = new SpikeWindows(counts);
    expect(windows.window(target, T).baselinePerMinute).toBeNull();
    await settle();
    expect(windows.window(target, T + 1_000).baselinePerMinute).toBe(2.5);
    // The baseline is read for the 24 whole hours before the current hour; again only after a minute.
    expect(calls.baseline).toEqual([new Date(Date.UTC(2026, 0, 15, 12))]);
  });

  it("counts this instance's events per minute and per issue, and starts over each minute", () => {
    const windows = new SpikeWindows(fakeCounts(0, 0).counts);
    windows.add("p", ["a", "a", "b"], T);
    const w = windows.window(target, T + 1_000);
    expect(w.projectCount).toBe(3);
    expect(w.issueCounts.get("a")).toBe(2);
    const next = windows.window(target, T + 60_000);
    expect(next.projectCount).toBe(0);
    expect(next.issueCounts.size).toBe(0);
  });

  it("adds the other instances' count of the minute (read in the background) to its own since that read", async () => {
    const { counts, calls } = fakeCounts(500, 0);
    const windows = new SpikeWindows(counts);
    windows.window(target, T);
    await settle();
    windows.add("p", ["a", "a"], T + 100);
    expect(windows.window(target, T + 200).projectCount).toBe(502);
    expect(calls.shared).toEqual([new Date(Date.UTC(2026, 0, 15, 12, 0))]);
    // Re-read at most every 5 s.
    windows.window(target, T + 4_000);
    expect(calls.shared).toHaveLength(1);
    windows.window(target, T + 5_500);
    expect(calls.shared).toHaveLength(2);
  });

  it("a failed read is reported and leaves the decision to what is known", async () => {
    const errors: unknown[] = [];
    const failing: SpikeCounts = { readShared: async () => Promise.reject(new Error("down")), readBaseline: async () => Promise.reject(new Error("down")) };
    const windows = new SpikeWindows(failing, (e) => errors.push(e));
    windows.add("p", ["a"], T);
    expect(windows.window(target, T).projectCount).toBe(1);
    await settle();
    expect(errors).toHaveLength(2);
    expect(windows.window(target, T + 10).baselinePerMinute).toBeNull();
  });
});
