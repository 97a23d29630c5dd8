import { describe, expect, it } from "vitest";
import { measureOrSkip } from "@/lib/alerts/evaluate/measureOrSkip";

describe("measureOrSkip", () => {
  it("passes a measurement through and turns a failure into a skip", async () => {
    expect(await measureOrSkip("r1", async () => [1, 2])).toEqual([1, 2]);
    expect(await measureOrSkip("r2", async () => Promise.reject(new Error("integer out of range")))).toBeNull();
  });
});
