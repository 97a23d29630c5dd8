import { describe, expect, it } from "vitest";
import { maskMonitorUrl, restoreMaskedUrl } from "@/lib/crons/uptime/maskMonitorUrl";

describe("maskMonitorUrl", () => {
  it("masks the userinfo of a URL", () => {
    expect(maskMonitorUrl("https://ops:hunter2@shop.test/health?x=1")).toBe("https://••••@shop.test/health?x=1");
    expect(maskMonitorUrl("http://shop.test/a@b")).toBe("http://shop.test/a@b");
    expect(maskMonitorUrl("https://shop.test/")).toBe("https://shop.test/");
  });

  it("masks the values of query parameters named like secrets, and only those", () => {
    expect(maskMonitorUrl("https://shop.test/health?api_key=QUERY-SECRET-123&region=eu")).toBe("https://shop.test/health?api_key=••••&region=eu");
    expect(maskMonitorUrl("https://shop.test/h?token=abc&X-Amz-Signature=f00d&access_token=t&page=2#top")).toBe("https://shop.test/h?token=••••&X-Amz-Signature=••••&access_token=••••&page=2#top");
    expect(maskMonitorUrl("https://shop.test/h?apiKey=&flag&max_tokens=5")).toBe("https://shop.test/h?apiKey=&flag&max_tokens=5");
  });
});

describe("restoreMaskedUrl", () => {
  const stored = "https://ops:hunter2@shop.test/health?api_key=K1&token=T1&token=T2&region=eu";

  it("puts back what the form was shown masked", () => {
    expect(restoreMaskedUrl(maskMonitorUrl(stored), stored)).toBe(stored);
    expect(restoreMaskedUrl("https://••••@shop.test/v2/health?api_key=••••&token=%E2%80%A2%E2%80%A2%E2%80%A2%E2%80%A2&token=new&region=us", stored)).toBe(
      "https://ops:hunter2@shop.test/v2/health?api_key=K1&token=T1&token=new&region=us",
    );
  });

  it("keeps new values as typed, and a mask with nothing behind it", () => {
    expect(restoreMaskedUrl("https://new:pass@shop.test/health?api_key=K2", stored)).toBe("https://new:pass@shop.test/health?api_key=K2");
    expect(restoreMaskedUrl("https://shop.test/health?secret=••••", stored)).toBe("https://shop.test/health?secret=••••");
  });

  it("never carries a secret to another host, port or scheme", () => {
    for (const elsewhere of ["https://••••@attacker.test/health?api_key=••••", "https://••••@shop.test:8443/health?api_key=••••", "http://••••@shop.test/health?api_key=••••"]) {
      expect(restoreMaskedUrl(elsewhere, stored)).toBe(elsewhere);
    }
  });
});
