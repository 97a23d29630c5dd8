import { describe, expect, it } from "vitest";
import { databaseKnownDown } from "@/lib/db/databaseDown";
import { forgetLastKnown, withLastKnown } from "@/lib/db/lastKnown";

const down = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
const isDown = (error: unknown) => (error as { code?: string }).code === "ECONNREFUSED";

// @isolated: the hold after an outage is process-wide state.
describe("withLastKnown", () => {
  // First: the tests after it leave the hold (process-wide) on.
  it("never hides an error in what was asked", async () => {
    expect(await withLastKnown("t3", "k", async () => "v", isDown)).toBe("v");
    await expect(withLastKnown("t3", "k", async () => Promise.reject(new Error("syntax error")), isDown)).rejects.toThrow("syntax error");
  });

  it("answers the last value read while the database is unavailable, and throws for a key never read", async () => {
    expect(await withLastKnown("t1", "k", async () => "fresh", isDown)).toBe("fresh");
    expect(await withLastKnown("t1", "k", async () => Promise.reject(down()), isDown)).toBe("fresh");
    await expect(withLastKnown("t1", "other", async () => Promise.reject(down()), isDown)).rejects.toThrow("ECONNREFUSED");
    forgetLastKnown("t1", "k");
  });

  it("after an unavailable answer, takes the last value at once for a while instead of asking again", async () => {
    expect(await withLastKnown("t2", "k", async () => "v1", isDown)).toBe("v1");
    await withLastKnown("t2", "k", async () => Promise.reject(down()), isDown);
    let asked = 0;
    expect(await withLastKnown("t2", "k", async () => (asked++, "v2"), isDown)).toBe("v1");
    expect(asked).toBe(0);
    expect(databaseKnownDown()).toBe(true);
  });
});
