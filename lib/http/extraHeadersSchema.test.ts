import { describe, expect, it } from "vitest";
import { ExtraHeadersSchema } from "@/lib/http/extraHeadersSchema";

describe("ExtraHeadersSchema", () => {
  it("takes tokens and refuses what HTTP cannot send or Faultline sets itself", () => {
    expect(ExtraHeadersSchema.safeParse({ Authorization: "Bearer abc.DEF-123", "X-Café": "x" }).success).toBe(false);
    expect(ExtraHeadersSchema.safeParse({ Authorization: "Bearer abc.DEF-123", "X-Team": "café ops" }).success).toBe(true);
    // A masked value as the API shows it, sent back by a form: "keep the stored value".
    expect(ExtraHeadersSchema.safeParse({ Authorization: "••••", "X-Token": "••••1234" }).success).toBe(true);
    for (const headers of [{ "X-Emoji": "🙂" }, { "X-Split": "a\r\nInjected: 1" }, { Host: "evil" }, { "X-Faultline-Signature": "t=1" }, { "Content-Length": "1" }]) {
      expect(ExtraHeadersSchema.safeParse(headers).success, JSON.stringify(headers)).toBe(false);
    }
    expect(ExtraHeadersSchema.safeParse(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, "v"]))).success).toBe(false);
  });
});
