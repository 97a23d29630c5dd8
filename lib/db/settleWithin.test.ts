import { describe, expect, it } from "vitest";
import { databaseTimeout, settleWithin } from "@/lib/db/settleWithin";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";

const never = () => new Promise<never>(() => undefined);

describe("settleWithin", () => {
  it("passes on an outcome that comes in time, value or error", async () => {
    await expect(settleWithin(Promise.resolve(7), 1_000, () => new Error("late"))).resolves.toBe(7);
    await expect(settleWithin(Promise.reject(new Error("bad sql")), 1_000, () => new Error("late"))).rejects.toThrow("bad sql");
  });

  it("fails with the timeout error past the deadline, which reads as the database being unavailable", async () => {
    const error = await settleWithin(never(), 5, () => databaseTimeout("a lookup", 5)).catch((e: unknown) => e);
    expect(String(error)).toContain("a lookup took longer than 5 ms");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("hands a value that arrives after the deadline to onLate (a connection goes back to its pool)", async () => {
    let resolveLate!: (v: string) => void;
    const late: string[] = [];
    const pending = new Promise<string>((r) => (resolveLate = r));
    await expect(settleWithin(pending, 5, () => new Error("late"), (v) => late.push(v))).rejects.toThrow("late");
    resolveLate("connection");
    await pending;
    expect(late).toEqual(["connection"]);
  });

  it("does not wait at all without a deadline (0)", async () => {
    await expect(settleWithin(new Promise((r) => setTimeout(() => r("slow"), 20)), 0, () => new Error("late"))).resolves.toBe("slow");
  });
});
