import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/text/safeNext";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/errors?ws=1")).toBe("/errors?ws=1");
    expect(safeNext("/errors/abc?tab=events#trace")).toBe("/errors/abc?tab=events#trace");
  });

  it("sends every other destination home", () => {
    for (const bad of [null, undefined, "", "https://evil.example.com", "//evil.example.com", "/\\evil.example.com", "javascript:alert(1)"]) expect(safeNext(bad)).toBe("/");
  });

  it("reads the path as a browser does: tabs, newlines and backslashes cannot make it another host", () => {
    for (const bad of ["/\t/evil.example/phish", "/\n/evil.example", "/\r\n/evil.example", "\\/evil.example", "/\\\t\\evil.example", "/.//evil.example", "/a/..//evil.example"]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
