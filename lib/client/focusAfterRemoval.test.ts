import { describe, expect, it } from "vitest";
import { focusAfterRemoval } from "@/lib/client/focusAfterRemoval";

describe("focusAfterRemoval", () => {
  it("is the next item, the previous one for the last, none for the only one", () => {
    expect(focusAfterRemoval(["a", "b", "c"], "a")).toBe("b");
    expect(focusAfterRemoval(["a", "b", "c"], "b")).toBe("c");
    expect(focusAfterRemoval(["a", "b", "c"], "c")).toBe("b");
    expect(focusAfterRemoval(["a"], "a")).toBeNull();
  });

  it("is none for an item no longer listed", () => {
    expect(focusAfterRemoval(["a", "b"], "z")).toBeNull();
  });
});
