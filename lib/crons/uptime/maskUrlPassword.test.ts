import { describe, expect, it } from "vitest";
import { maskUrlPassword } from "@/lib/crons/uptime/maskUrlPassword";

describe("maskUrlPassword", () => {
  it("masks the userinfo of a URL and nothing else", () => {
    expect(maskUrlPassword("https://ops:hunter2@shop.test/health?x=1")).toBe("https://••••@shop.test/health?x=1");
    expect(maskUrlPassword("http://shop.test/a@b")).toBe("http://shop.test/a@b");
    expect(maskUrlPassword("https://shop.test/")).toBe("https://shop.test/");
  });
});
