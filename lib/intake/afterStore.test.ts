import { describe, expect, it, vi } from "vitest";
import { fanOutStoredBatch, inSequence, type AfterStoreConsumer, type StoredBatch } from "@/lib/intake/afterStore";

const batch: StoredBatch = {
  target: { workspaceId: "w", projectId: "p" },
  events: [],
  outcome: { results: [], newGroupIds: [], regressedGroupIds: [] },
};

describe("after-store fan-out", () => {
  it("calls every consumer in order, even after one throws or rejects", async () => {
    const calls: string[] = [];
    const consumer = (name: string, fail?: "throw" | "reject"): AfterStoreConsumer => ({
      name,
      consume: fail === "throw"
        ? () => {
            calls.push(name);
            throw new Error("sync failure");
          }
        : async () => {
            calls.push(name);
            if (fail === "reject") throw new Error("async failure");
          },
    });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    fanOutStoredBatch(batch, [consumer("a", "throw"), consumer("b", "reject"), consumer("c")]);
    // The synchronous part of every consumer has run before fanOutStoredBatch returns.
    expect(calls).toEqual(["a", "b", "c"]);
    await new Promise((r) => setImmediate(r));
    const logged = stderr.mock.calls.map((c) => String(c[0]));
    stderr.mockRestore();
    expect(logged.filter((line) => line.includes("after-store consumer failed"))).toHaveLength(2);
  });

  it("in sequence: each consumer starts once the one before has finished, a failure logged and passed over", async () => {
    const calls: string[] = [];
    let release = () => {};
    const slow: AfterStoreConsumer = {
      name: "slow",
      consume: async () => {
        calls.push("slow:start");
        await new Promise<void>((r) => (release = r));
        calls.push("slow:end");
        throw new Error("late failure");
      },
    };
    const next: AfterStoreConsumer = { name: "next", consume: async () => void calls.push("next") };
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const done = inSequence("both", [slow, next]).consume(batch);
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(["slow:start"]);
    release();
    await done;
    const logged = stderr.mock.calls.map((c) => String(c[0]));
    stderr.mockRestore();
    expect(calls).toEqual(["slow:start", "slow:end", "next"]);
    expect(logged.filter((line) => line.includes("after-store consumer failed") && line.includes("slow"))).toHaveLength(1);
  });
});
