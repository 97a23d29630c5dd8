import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/text/safeNext";

describe("safeNext", () => {
  it("keeps paths on this site and nothing else", () => {
    expect(safeNext("/errors?ws=1")).toBe("/errors?ws=1");
    for (const bad of [null, undefined, "", "https://evil.example.com", "//evil.example.com", "/\\evil.example.com", "javascript:alert(1)"]) expect(safeNext(bad)).toBe("/");
  });
});
