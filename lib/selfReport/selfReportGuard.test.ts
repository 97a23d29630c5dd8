import { describe, expect, it } from "vitest";
import { errorSignature, SelfReportGuard } from "@/lib/selfReport/selfReportGuard";

describe("SelfReportGuard", () => {
  it("lets a signature through once per repeat window", () => {
    const guard = new SelfReportGuard({ perMinute: 100, repeatWindowMs: 60_000 });
    expect(guard.allow("Error:db down", 0)).toBe(true);
    expect(guard.allow("Error:db down", 1_000)).toBe(false);
    expect(guard.allow("Error:db down", 59_999)).toBe(false);
    expect(guard.allow("Error:db down", 60_000)).toBe(true);
  });

  it("caps reports per minute across signatures", () => {
    const guard = new SelfReportGuard({ perMinute: 3, repeatWindowMs: 60_000 });
    expect([1, 2, 3, 4].map((i) => guard.allow(`E:${i}`, 10))).toEqual([true, true, true, false]);
    expect(guard.allow("E:5", 60_010)).toBe(true);
  });

  it("forgets the oldest signatures beyond its bound", () => {
    const guard = new SelfReportGuard({ perMinute: 1000, repeatWindowMs: 60_000, maxSignatures: 2 });
    guard.allow("a", 0);
    guard.allow("b", 1);
    guard.allow("c", 2);
    expect(guard.allow("a", 3)).toBe(true);
    expect(guard.allow("c", 4)).toBe(false);
  });

  it("signs errors by type and message", () => {
    expect(errorSignature(new TypeError("x is undefined"))).toBe("TypeError:x is undefined");
    expect(errorSignature("boom")).toBe("thrown:boom");
  });
});
