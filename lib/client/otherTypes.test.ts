import { describe, expect, it } from "vitest";
import { otherTypes } from "@/lib/client/otherTypes";

describe("otherTypes", () => {
  it("counts the types and events the listed lines leave out, so all lines add up to the total", () => {
    const listed = [{ count: 40 }, { count: 30 }, { count: 19 }];
    expect(otherTypes(listed, 4, 90)).toEqual({ types: 1, count: 1, percentage: 1.11 });
    expect(otherTypes(listed, 20, 100)).toEqual({ types: 17, count: 11, percentage: 11 });
  });

  it("is null when every type is listed", () => {
    expect(otherTypes([{ count: 5 }], 1, 5)).toBeNull();
    expect(otherTypes([], 0, 0)).toBeNull();
  });
});
