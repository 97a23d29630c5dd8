import { describe, expect, it } from "vitest";
import { advisoryLockKey } from "@/lib/db/advisoryLock";

describe("advisoryLockKey", () => {
  it("is a stable signed 32-bit key per name", () => {
    const key = advisoryLockKey("faultline-job:alert-sweep");
    expect(advisoryLockKey("faultline-job:alert-sweep")).toBe(key);
    expect(Number.isInteger(key) && key >= -(2 ** 31) && key < 2 ** 31).toBe(true);
    expect(advisoryLockKey("faultline-job:alert-deliveries")).not.toBe(key);
  });
});
