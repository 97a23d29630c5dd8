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

  it("increases within a millisecond in the order ids are made, even with other milliseconds between", () => {
    const at = Date.UTC(2026, 11, 7, 13, 34, 47);
    const ids: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      ids.push(uuidv7(at));
      uuidv7(at - 1000 * (i % 7)); // events of other timestamps in the same batch
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => isUuid(id) && id[14] === "7" && "89ab".includes(id[19]))).toBe(true);
  });

  it("clamps timestamps outside 48 bits", () => {
    expect(uuidv7(-5).startsWith("00000000-0000-7")).toBe(true);
    expect(uuidv7(2 ** 50).startsWith("ffffffff-ffff-7")).toBe(true);
  });
});
