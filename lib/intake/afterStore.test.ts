import { describe, expect, it, vi } from "vitest";
import { fanOutStoredBatch, type AfterStoreConsumer, type StoredBatch } from "@/lib/intake/afterStore";

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
});
