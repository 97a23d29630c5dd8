import { describe, expect, it } from "vitest";
import { escapeLike } from "@/lib/text/escapeLike";

describe("escapeLike", () => {
  it("escapes LIKE's wildcards and its escape character, and nothing else", () => {
    expect(escapeLike("100%_done\\now")).toBe("100\\%\\_done\\\\now");
    expect(escapeLike("web@1.2*")).toBe("web@1.2*");
    expect(escapeLike("")).toBe("");
  });
});
