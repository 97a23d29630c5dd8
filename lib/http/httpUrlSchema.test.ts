import { describe, expect, it } from "vitest";
import { HttpUrlSchema, isHttpUrl, LinkUrlSchema } from "@/lib/http/httpUrlSchema";

describe("HttpUrlSchema", () => {
  it("takes http(s) URLs and refuses other schemes and non-URLs", () => {
    expect(HttpUrlSchema.safeParse(" https://example.com/hook ").data).toBe("https://example.com/hook");
    expect(HttpUrlSchema.safeParse("http://user:pw@10.0.0.1:8080/x").success).toBe(true);
    for (const bad of ["ftp://example.com", "javascript:alert(1)", "https://", "example.com", "h".repeat(2001)]) {
      expect(HttpUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("LinkUrlSchema", () => {
  it("refuses an address carrying a user name or password, which every member would see", () => {
    expect(LinkUrlSchema.safeParse("https://github.com/acme/shop/issues/1").success).toBe(true);
    for (const bad of ["https://user:secret@github.com/acme/shop/issues/1", "https://oauth2:glpat-x@gitlab.com/acme/shop", "https://token@github.com/acme/shop"]) {
      const result = LinkUrlSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0].message).toContain("user name or password");
    }
    expect(LinkUrlSchema.safeParse("javascript:alert(1)").success).toBe(false);
  });
});

describe("isHttpUrl", () => {
  it("is true of absolute http(s) URLs only: a stored javascript: or data: address is never a link", () => {
    expect(isHttpUrl("https://deploy.example/runs/7")).toBe(true);
    expect(isHttpUrl("HTTP://deploy.example")).toBe(true);
    for (const bad of ["javascript:alert(document.domain)//", " javascript:alert(1)", "data:text/html,<b>x</b>", "//evil.example/x", "/runs/7", "https://"]) expect(isHttpUrl(bad), bad).toBe(false);
  });
});
