import { describe, expect, it } from "vitest";
import { isSessionTokenShape, parseCookie } from "@/lib/auth/session";

describe("session cookie parsing", () => {
  it("reads the named cookie among others, quoted or percent-encoded", () => {
    expect(parseCookie("a=1; faultline_session=abc; b=2", "faultline_session")).toBe("abc");
    expect(parseCookie('faultline_session="abc"', "faultline_session")).toBe("abc");
    expect(parseCookie("faultline_session=a%2Db", "faultline_session")).toBe("a-b");
  });

  it("treats malformed values as absent instead of throwing", () => {
    for (const header of ["faultline_session=%", "faultline_session=%E0%A4%A", "faultline_session=%zz", "=; ;;", "faultline_session"]) {
      expect(parseCookie(header, "faultline_session")).toBeUndefined();
    }
    expect(parseCookie(null, "faultline_session")).toBeUndefined();
  });

  it("knows the shape of its own tokens", () => {
    expect(isSessionTokenShape("A".repeat(43))).toBe(true);
    expect(isSessionTokenShape("A".repeat(42))).toBe(false);
    expect(isSessionTokenShape("€".repeat(43))).toBe(false);
  });
});
