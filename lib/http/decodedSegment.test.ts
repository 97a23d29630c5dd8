import { describe, expect, it } from "vitest";
import { decodedSegment } from "@/lib/http/decodedSegment";

describe("decodedSegment", () => {
  it("decodes escapes, including slashes and spaces, and keeps a malformed one", () => {
    expect(decodedSegment("shop%401.2.0")).toBe("shop@1.2.0");
    expect(decodedSegment("web%2Fapp%402.0.0%20beta%2B1")).toBe("web/app@2.0.0 beta+1");
    expect(decodedSegment("1.4.2")).toBe("1.4.2");
    expect(decodedSegment("100%")).toBe("100%");
  });
});
