import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "@/lib/ids/uuidv7";

describe("uuidv7", () => {
  it("is an RFC 9562 version-7 UUID carrying the millisecond timestamp", () => {
    const at = Date.UTC(2026, 11, 2, 20, 30, 15, 123);
    const id = uuidv7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect("89ab").toContain(id[19]);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it("sorts by time and never repeats", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    const byTime = ids.map((id) => id.slice(0, 13));
    expect([...byTime].sort()).toEqual(byTime);
  });

  it("clamps timestamps outside 48 bits", () => {
    expect(uuidv7(-5).startsWith("00000000-0000-7")).toBe(true);
    expect(uuidv7(2 ** 50).startsWith("ffffffff-ffff-7")).toBe(true);
  });
});
