import { describe, expect, it } from "vitest";
import { retryWhileUnavailable } from "@/lib/db/retryWhileUnavailable";

const unavailable = Object.assign(new Error("the database system is starting up"), { code: "57P03" });
const isUnavailable = (error: unknown) => (error as { code?: string }).code === "57P03";

/** A clock the waits move forward, and a write that fails as unavailable `failures` times. */
function setup(failures: number, error: unknown = unavailable) {
  let clock = 1_000_000;
  const waits: number[] = [];
  let calls = 0;
  return {
    waits,
    calls: () => calls,
    write: async () => {
      if (++calls <= failures) throw error;
      return "recorded";
    },
    options: (deadlineInMs: number) => ({
      deadlineMs: clock + deadlineInMs,
      isUnavailable,
      now: () => clock,
      sleep: async (ms: number) => {
        waits.push(ms);
        clock += ms;
      },
    }),
  };
}

describe("retryWhileUnavailable", () => {
  it("records once PostgreSQL is back (a restart of a few seconds), waiting longer each time", async () => {
    const s = setup(5);
    await expect(retryWhileUnavailable(s.write, s.options(30_000))).resolves.toBe("recorded");
    expect(s.waits).toEqual([250, 500, 1_000, 2_000, 2_000]);
  });

  it("gives up with the database's error before the deadline (the lease), not after it", async () => {
    const s = setup(100);
    await expect(retryWhileUnavailable(s.write, s.options(5_000))).rejects.toBe(unavailable);
    expect(s.waits.reduce((a, b) => a + b, 0)).toBeLessThan(5_000);
  });

  it("does not retry an error in what was written", async () => {
    const s = setup(1, Object.assign(new Error("record not found"), { code: "P2025" }));
    await expect(retryWhileUnavailable(s.write, s.options(30_000))).rejects.toMatchObject({ code: "P2025" });
    expect(s.calls()).toBe(1);
  });
});
