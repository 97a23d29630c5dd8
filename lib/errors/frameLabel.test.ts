import { describe, expect, it } from "vitest";
import { frameFunctionLabel } from "@/lib/errors/frameLabel";

describe("frameFunctionLabel", () => {
  it("names the function, an anonymous one in a file, or an unsymbolicated native frame", () => {
    expect(frameFunctionLabel({ function: "render", filename: "app.js" })).toBe("render");
    expect(frameFunctionLabel({ filename: "app.js" })).toBe("<anonymous>");
    expect(frameFunctionLabel({})).toBe("<unknown function>");
  });
});
