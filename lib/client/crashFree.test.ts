import { describe, expect, it } from "vitest";
import { crashFreeText, shareText } from "@/lib/client/crashFree";

describe("crashFreeText", () => {
  it("keeps one decimal and never rounds a crash up to 100%", () => {
    expect(crashFreeText(1)).toBe("100%");
    expect(crashFreeText(0.999)).toBe("99.9%");
    expect(crashFreeText(0.99999)).toBe("99.9%");
    expect(crashFreeText(0.5)).toBe("50.0%");
  });
});

describe("shareText", () => {
  it("rounds to a whole percent and shows a small share as <1%", () => {
    expect(shareText(0.256)).toBe("26%");
    expect(shareText(0.004)).toBe("<1%");
    expect(shareText(0)).toBe("0%");
    expect(shareText(1)).toBe("100%");
  });
});
